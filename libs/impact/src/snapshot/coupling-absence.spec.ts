import { CouplingAbsenceReason, explainAbsence, noActiveVersion } from './coupling-absence';
import { CouplingRunStatus } from './coupling-run.entity';

describe('explainAbsence', () => {
  const base = { version: 3, period: '2026-Q3', published: false };

  it('NOT_COMPUTED_YET before any run, and while the first one runs', () => {
    expect(explainAbsence({ ...base, latestRun: null, hasCurrentRun: false })).toMatchObject({
      reason: CouplingAbsenceReason.NOT_COMPUTED_YET,
      message: expect.stringContaining('has not been computed yet'),
    });
    expect(
      explainAbsence({
        ...base,
        latestRun: { status: CouplingRunStatus.RUNNING, skipReason: null, sampleCount: 0 },
        hasCurrentRun: false,
      }),
    ).toMatchObject({ reason: CouplingAbsenceReason.NOT_COMPUTED_YET });
  });

  it('TOO_FEW_SAMPLES with the count and the minimum', () => {
    expect(
      explainAbsence({
        ...base,
        latestRun: {
          status: CouplingRunStatus.SKIPPED,
          skipReason: { code: 'TOO_FEW_SAMPLES', message: 'x', sampleCount: 1, minimum: 2 },
          sampleCount: 1,
        },
        hasCurrentRun: false,
      }),
    ).toEqual({
      reason: CouplingAbsenceReason.TOO_FEW_SAMPLES,
      message:
        'version 3 needs at least 2 samples (a city in a period) to derive its weights and goalposts; it has 1. Data for another period or city fixes it. (x)',
      sampleCount: 1,
      minimum: 2,
    });
  });

  it('NO_DATA when the panel is empty, or the runs computed other cities and periods', () => {
    expect(
      explainAbsence({
        ...base,
        latestRun: {
          status: CouplingRunStatus.SKIPPED,
          skipReason: { code: 'NO_DATA', message: 'the panel has no samples' },
          sampleCount: 0,
        },
        hasCurrentRun: false,
      }),
    ).toMatchObject({ reason: CouplingAbsenceReason.NO_DATA, sampleCount: null, minimum: null });
    expect(
      explainAbsence({
        ...base,
        latestRun: { status: CouplingRunStatus.COMPLETED, skipReason: null, sampleCount: 8 },
        hasCurrentRun: true,
      }),
    ).toMatchObject({ reason: CouplingAbsenceReason.NO_DATA });
  });

  it('NOT_PUBLISHED when the published figure is asked for and only live ones exist', () => {
    expect(
      explainAbsence({
        ...base,
        published: true,
        latestRun: { status: CouplingRunStatus.COMPLETED, skipReason: null, sampleCount: 8 },
        hasCurrentRun: true,
      }),
    ).toMatchObject({ reason: CouplingAbsenceReason.NOT_PUBLISHED });
  });

  it('NO_ACTIVE_VERSION names the city and who can make one', () => {
    expect(noActiveVersion('c-1')).toEqual({
      reason: CouplingAbsenceReason.NO_ACTIVE_VERSION,
      message:
        'no indicator system applies to city c-1: an ADMIN creates a global version, or an official one for the city',
      sampleCount: null,
      minimum: null,
    });
  });
});
