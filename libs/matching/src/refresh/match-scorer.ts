import { Injectable } from '@nestjs/common';
import { MatchingConfig } from '../matching.config';
import { scoreManufacturerForProject } from '../scoring/manufacturer-fit';
import {
  ManufacturerProfile,
  OutletProfile,
  ProductProfile,
  ProjectNeeds,
} from '../scoring/match-features';
import { MatchResult } from '../scoring/match-result';
import { scoreProductForOutlet } from '../scoring/outlet-fit';
import { SimilarSellThrough } from '../scoring/similar-sell-through';

/** The scoring functions with the configured weights: one place for the worker and explainMatch. */
@Injectable()
export class MatchScorer {
  constructor(private readonly config: MatchingConfig) {}

  manufacturer(project: ProjectNeeds, maker: ManufacturerProfile, now = new Date()): MatchResult {
    return scoreManufacturerForProject(project, maker, this.config.weights.manufacturer, now);
  }

  /** `similar`: how products sharing its themes sell at each outlet type (`SimilarSales`). */
  outlet(product: ProductProfile, outlet: OutletProfile, similar: SimilarSellThrough): MatchResult {
    return scoreProductForOutlet(product, outlet, this.config.weights.outlet, similar);
  }
}
