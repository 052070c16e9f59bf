import { Injectable } from '@nestjs/common';
import { MatchWeights, parseMatchWeights } from './scoring/match-weights';

/** Matching's configuration: the component weights (`MATCHING_WEIGHTS`, checked at start-up). */
@Injectable()
export class MatchingConfig {
  readonly weights: MatchWeights = parseMatchWeights(process.env.MATCHING_WEIGHTS);
}
