import { PROJECT_EVENT_JOB, ProjectEventKind } from '@cc/queue';
import { MilestoneKind } from './milestone-kind.enum';
import { MILESTONE_OF_EVENT } from './milestone-ticker';
import { ProjectEventJob } from './project-event.job';

describe('ProjectEventJob', () => {
  it('is named as producers enqueue it, so the worker dispatches their jobs to it', () => {
    expect(ProjectEventJob.name).toBe(PROJECT_EVENT_JOB);
  });

  it('maps every project event to a milestone kind', () => {
    expect(MILESTONE_OF_EVENT).toEqual({
      [ProjectEventKind.BID_ACCEPTED]: MilestoneKind.FIRST_PRODUCTION_ORDER,
      [ProjectEventKind.SAMPLE_APPROVED]: MilestoneKind.PROTOTYPE,
      [ProjectEventKind.PLACEMENT_STARTED]: MilestoneKind.FIRST_PLACEMENT,
      [ProjectEventKind.SALE_RECORDED]: MilestoneKind.FIRST_1000_UNITS_SOLD,
    });
  });
});
