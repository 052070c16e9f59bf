import { registerEnumType } from '@nestjs/graphql';
import type { FrozenParameters } from '@cc/coupling';
import { hashOf } from '../stable-json';

/** Where a version's basis (goalposts and weights) comes from. */
export enum BasisOrigin {
  /** Derived once from baseline periods (entropy weights and min/max, plus headroom), then fixed. */
  BASELINE = 'BASELINE',
  /** Goalposts and weights set by officials. */
  EXPLICIT = 'EXPLICIT',
  /** Research mode: re-derived over the whole panel at every run (values move with new data). */
  PANEL = 'PANEL',
}
registerEnumType(BasisOrigin, {
  name: 'BasisOrigin',
  description:
    'BASELINE: derived once from baseline periods, then fixed. EXPLICIT: goalposts and weights set by officials. PANEL: research mode, re-derived over the whole panel at every run.',
});

/** How a version's basis is to be made (stored with the version, never edited). */
export interface BasisSpec {
  origin: BasisOrigin;
  /** BASELINE: the periods to derive from; null = every period of the first computable panel. */
  baselinePeriods: string[] | null;
  /** BASELINE: each bound is widened by headroom × (max − min). */
  headroom: number;
}

/** The fixed basis of a version: stored once, used by every live recompute. */
export interface StoredBasis {
  origin: BasisOrigin;
  /** The baseline periods it was derived from (BASELINE), else []. */
  baselinePeriods: string[];
  headroom: number;
  /** Goalposts (as bounds), indicator weights, subsystem weights (and score goalposts). */
  frozen: FrozenParameters;
  /** ISO instant it was fixed. */
  fixedAt: string;
  hash: string;
}

/** What a snapshot (and its run) says about the basis it was computed on. */
export interface BasisSummary {
  origin: BasisOrigin;
  baselinePeriods: string[];
  headroom: number | null;
  /** Null for PANEL (re-derived at every run) and while a BASELINE is not fixed yet. */
  fixedAt: string | null;
  hash: string;
  /** Why a BASELINE basis is not fixed yet (the numbers are provisional, panel-derived). */
  note?: string;
}

/** Versions created without a basis: derived from the first computable panel, no headroom. */
export const DEFAULT_BASIS_SPEC: BasisSpec = {
  origin: BasisOrigin.BASELINE,
  baselinePeriods: null,
  headroom: 0,
};

export function basisHash(frozen: FrozenParameters): string {
  return hashOf(frozen);
}

export function summarizeBasis(basis: StoredBasis): BasisSummary {
  return {
    origin: basis.origin,
    baselinePeriods: basis.baselinePeriods,
    headroom: basis.headroom,
    fixedAt: basis.fixedAt,
    hash: basis.hash,
  };
}
