import { Injectable } from '@nestjs/common';
import { SimilarSellThrough, similarSellThrough } from '../scoring/similar-sell-through';
import { MatchFeatureStore } from '../store/match-feature.store';

/** A prior moves slowly: one aggregate over matching's products serves this long. */
const FRESH_FOR_MS = 60_000;

/**
 * The sell-through index of similar products (`similarSellThrough`), read from matching's own
 * product table and kept for a minute, so that a burst of refreshes (one per sale) runs the
 * aggregate once. A full rebuild reads it afresh.
 */
@Injectable()
export class SimilarSales {
  private cached: { at: number; index: Promise<SimilarSellThrough> } | undefined;

  constructor(private readonly features: MatchFeatureStore) {}

  current(): Promise<SimilarSellThrough> {
    if (!this.cached || Date.now() - this.cached.at > FRESH_FOR_MS) this.reload();
    return this.cached!.index;
  }

  reload(): Promise<SimilarSellThrough> {
    const index = this.features.sellThroughSamples().then((samples) => similarSellThrough(samples));
    // A failed read is not kept: the next caller tries again.
    index.catch(() => (this.cached = undefined));
    this.cached = { at: Date.now(), index };
    return index;
  }
}
