import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { MatchingAccess } from './graphql/matching-access';
import { MatchQueryService } from './graphql/match-query.service';
import { MatchingResolver } from './graphql/matching.resolver';
import { MatchingConfig } from './matching.config';
import { MatchRefresher } from './refresh/match-refresher.service';
import { MatchScorer } from './refresh/match-scorer';
import { SimilarSales } from './refresh/similar-sales.service';
import { MatchingScheduleRegistrar } from './refresh/matching-schedule.registrar';
import { RebuildMatchesJob } from './refresh/rebuild-matches.job';
import { RefreshMatchesJob } from './refresh/refresh-matches.job';
import { MatchingSourceRegistry } from './sources/matching-source.registry';
import { MatchCandidates } from './store/match-candidates';
import { MatchFeatureStore } from './store/match-feature.store';
import { MatchScoreStore } from './store/match-score.store';

const CORE = [
  MatchingConfig,
  MatchFeatureStore,
  MatchCandidates,
  MatchScoreStore,
  MatchScorer,
  SimilarSales,
  MatchingSourceRegistry,
  MatchRefresher,
];

/**
 * Scoring, matching's tables, and the refresh from the domains' matching sources (found among
 * the application's providers: import the domains' matching modules beside this one).
 */
@Module({ imports: [DiscoveryModule], providers: CORE, exports: CORE })
export class MatchingCoreModule {}

/** What the worker runs: the refresh and rebuild jobs, and the nightly rebuild. */
@Module({
  imports: [MatchingCoreModule],
  providers: [RefreshMatchesJob, RebuildMatchesJob, MatchingScheduleRegistrar],
})
export class MatchingWorkerModule {}

/**
 * Three-sided matching with reasons, for the API: the queries, served from the scores the worker
 * precomputes. Matching never imports another domain: they feed it through
 * `@MatchingSourceProvider()`s and `notifyMatchingChanged` events.
 */
@Module({
  imports: [MatchingCoreModule],
  providers: [MatchingAccess, MatchQueryService, MatchingResolver],
})
export class MatchingModule {}
