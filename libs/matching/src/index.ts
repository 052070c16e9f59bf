export { MatchingCoreModule, MatchingModule, MatchingWorkerModule } from './matching.module';
export { MatchingErrorCode, MatchingException } from './matching.exception';
export { MatchSubject } from './refresh/match-subject';
export { matchingChanged, RefreshMatchesJob } from './refresh/refresh-matches.job';
export { RebuildMatchesJob, requestMatchingRebuild } from './refresh/rebuild-matches.job';
export { MatchRefresher } from './refresh/match-refresher.service';
export {
  MatchingSource,
  MatchingSourceProvider,
  ManufacturerBase,
  ManufacturerTrackRecord,
  ProductSnapshot,
  ProjectSnapshot,
  SourceIds,
  TalentSnapshot,
} from './sources/matching-source';
export * from './scoring/match-features';
export { MatchComponent, MatchReason, MatchResult } from './scoring/match-result';
export { DEFAULT_MATCH_WEIGHTS, MatchWeights, parseMatchWeights } from './scoring/match-weights';
export { MatchKind, MatchScoreStore } from './store/match-score.store';
export { evaluate, EvalRow, PlantedCase, restrictCase } from './eval/ranking-metrics';
export { loadPlantedFits, PlantedFitsMissing } from './eval/planted-fits';
export {
  ManufacturerMatch,
  OutletMatch,
  ProductMatch,
  ProjectMatch,
  TeammateSuggestion,
} from './graphql/match.types';
