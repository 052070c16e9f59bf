import { Field, Float, ObjectType } from '@nestjs/graphql';
import { BasisOrigin, BasisSpec, BasisSummary, StoredBasis } from '../indicator-system-basis';

@ObjectType('CouplingBasis', {
  description:
    'The goalposts and weights numbers are computed on: where they came from, which baseline periods, and when they were fixed.',
})
export class CouplingBasisType {
  @Field(() => BasisOrigin)
  origin!: BasisOrigin;

  @Field(() => [String], {
    description: 'BASELINE: the periods it was (or will be) derived from; empty otherwise.',
  })
  baselinePeriods!: string[];

  @Field(() => Float, {
    nullable: true,
    description: 'BASELINE: bounds widened by headroom × (max − min).',
  })
  headroom!: number | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When it was fixed; null while not yet derived, and for PANEL (re-derived at every run).',
  })
  fixedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'sha256 of the goalposts and weights.' })
  hash!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why a BASELINE basis is not fixed yet: the numbers are provisional.',
  })
  note!: string | null;
}

export function basisType(summary: BasisSummary): CouplingBasisType {
  return {
    origin: summary.origin,
    baselinePeriods: summary.baselinePeriods,
    headroom: summary.headroom,
    fixedAt: summary.fixedAt ? new Date(summary.fixedAt) : null,
    hash: summary.hash,
    note: summary.note ?? null,
  };
}

/** A version's basis: the fixed one, or what its spec says until it is fixed. */
export function versionBasisType(spec: BasisSpec, basis: StoredBasis | null): CouplingBasisType {
  if (basis) return basisType(basis);
  return {
    origin: spec.origin,
    baselinePeriods: spec.baselinePeriods ?? [],
    headroom: spec.origin === BasisOrigin.BASELINE ? spec.headroom : null,
    fixedAt: null,
    hash: null,
    note: null,
  };
}
