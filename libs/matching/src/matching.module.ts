import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { MatchingAccess } from './graphql/matching-access';
import { MatchQueryService } from './graphql/match-query.service';
import { MatchingResolver } from './graphql/matching.resolver';
import { MatchingConfig } from './matching.config';
import { MatchRefresher } from './refresh/match-refresher.service';
import { MatchScorer } from './refresh/match-scorer';
import { RebuildMatchesJob } from './refresh/rebuild-matches.job';
import { RefreshMatchesJob } from './refresh/refresh-matches.job';
import { MatchingSourceRegistry } from './sources/matching-source.registry';
import { MatchCandidates } from './store/match-candidates';
import { MatchFeatureStore } from './store/match-feature.store';
import { MatchScoreStore } from './store/match-score.store';

const CORE = [MatchingConfig, MatchFeatureStore, MatchCandidates, MatchScoreStore, MatchScorer];

/**
 * What the worker runs: the refresh and rebuild jobs, and the registry of the domains' matching
 * sources (the worker imports their modules too). Needs no auth or GraphQL.
 */
@Module({
  imports: [DiscoveryModule],
  providers: [
    ...CORE,
    MatchingSourceRegistry,
    MatchRefresher,
    RefreshMatchesJob,
    RebuildMatchesJob,
  ],
  exports: [...CORE, MatchRefresher],
})
export class MatchingWorkerModule {}

/**
 * Three-sided matching with reasons, for the API: the queries, served from the scores the worker
 * precomputes. Matching never imports another domain: they feed it through
 * `@MatchingSourceProvider()`s and `notifyMatchingChanged` events.
 */
@Module({
  imports: [MatchingWorkerModule],
  providers: [MatchingAccess, MatchQueryService, MatchingResolver],
})
export class MatchingModule {}
