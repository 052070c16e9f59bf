import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CouplingRun, CouplingRunStatus } from './coupling-run.entity';

/** Why a city has no snapshot in a period. */
export enum CouplingAbsenceReason {
  /** No indicator system applies to the city. */
  NO_ACTIVE_VERSION = 'NO_ACTIVE_VERSION',
  /** The last run could not compute: too few samples (see `sampleCount` and `minimum`). */
  TOO_FEW_SAMPLES = 'TOO_FEW_SAMPLES',
  /** No run of the version has finished yet (or one is running now). */
  NOT_COMPUTED_YET = 'NOT_COMPUTED_YET',
  /** The runs computed, but the city has no data of the version's indicators in the period. */
  NO_DATA = 'NO_DATA',
  /** Asked for the published figure, but the period has not been published. */
  NOT_PUBLISHED = 'NOT_PUBLISHED',
}
registerEnumType(CouplingAbsenceReason, { name: 'CouplingAbsenceReason' });

@ObjectType({ description: 'Why there is no snapshot, and what would fix it.' })
export class CouplingAbsence {
  @Field(() => CouplingAbsenceReason)
  reason!: CouplingAbsenceReason;

  @Field({ description: 'What happened and what would fix it.' })
  message!: string;

  @Field(() => Int, { nullable: true, description: 'TOO_FEW_SAMPLES: the samples there are.' })
  sampleCount!: number | null;

  @Field(() => Int, { nullable: true, description: 'TOO_FEW_SAMPLES: the samples needed.' })
  minimum!: number | null;
}

function absence(
  reason: CouplingAbsenceReason,
  message: string,
  counts: { sampleCount?: number; minimum?: number } = {},
): CouplingAbsence {
  return {
    reason,
    message,
    sampleCount: counts.sampleCount ?? null,
    minimum: counts.minimum ?? null,
  };
}

export function noActiveVersion(cityId: string): CouplingAbsence {
  return absence(
    CouplingAbsenceReason.NO_ACTIVE_VERSION,
    `no indicator system applies to city ${cityId}: an ADMIN creates a global version, or an official one for the city`,
  );
}

/**
 * Why (city, period) has no snapshot under a version, from its latest run and whether it has a
 * current run. Pure.
 */
export function explainAbsence(input: {
  version: number;
  period: string;
  latestRun: Pick<CouplingRun, 'status' | 'skipReason' | 'sampleCount'> | null;
  hasCurrentRun: boolean;
  published: boolean;
}): CouplingAbsence {
  const { version, period, latestRun } = input;
  if (input.published && input.hasCurrentRun) {
    return absence(
      CouplingAbsenceReason.NOT_PUBLISHED,
      `${period} of version ${version} is not published yet: an official publishes it with publishCouplingPeriod`,
    );
  }
  if (latestRun?.status === CouplingRunStatus.SKIPPED) {
    const reason = latestRun.skipReason;
    if (reason?.code === 'TOO_FEW_SAMPLES') {
      const count = reason.sampleCount ?? latestRun.sampleCount;
      const minimum = reason.minimum ?? 2;
      return absence(
        CouplingAbsenceReason.TOO_FEW_SAMPLES,
        `version ${version} needs at least ${minimum} samples (a city in a period) to derive its weights and goalposts; it has ${count}. Data for another period or city fixes it. (${reason.message})`,
        { sampleCount: count, minimum },
      );
    }
    if (!input.hasCurrentRun) {
      return absence(
        CouplingAbsenceReason.NO_DATA,
        `version ${version} has no data yet: ${reason?.message ?? 'nothing to compute'}`,
      );
    }
  }
  if (!input.hasCurrentRun) {
    return absence(
      CouplingAbsenceReason.NOT_COMPUTED_YET,
      latestRun?.status === CouplingRunStatus.RUNNING
        ? `version ${version} is being computed now: ask again in a moment`
        : `version ${version} has not been computed yet: the worker computes it after the next data change (or an ADMIN's requestCouplingRebuild)`,
    );
  }
  return absence(
    CouplingAbsenceReason.NO_DATA,
    `the city has no value of version ${version}'s indicators in ${period} (or lacks one of its official statistics): import them, or record activity in the period`,
  );
}
