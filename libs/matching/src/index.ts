export * from './scoring/match-features';
export { MatchComponent, MatchReason, MatchResult } from './scoring/match-result';
export { DEFAULT_MATCH_WEIGHTS, MatchWeights, parseMatchWeights } from './scoring/match-weights';
