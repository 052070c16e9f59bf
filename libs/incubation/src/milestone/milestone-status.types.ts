import { Field, ObjectType } from '@nestjs/graphql';
import { MilestoneCompletion } from './milestone-completion.entity';
import { Milestone } from './milestone.entity';

/** One milestone of the cohort as one team stands with it. */
@ObjectType()
export class TeamMilestone {
  @Field(() => Milestone)
  milestone!: Milestone;

  @Field(() => MilestoneCompletion, { nullable: true })
  completion!: MilestoneCompletion | null;

  @Field({ description: 'Not done and its due date has passed.' })
  overdue!: boolean;
}

export function teamMilestones(
  milestones: readonly Milestone[],
  completions: readonly MilestoneCompletion[],
  today = new Date().toISOString().slice(0, 10),
): TeamMilestone[] {
  const byMilestone = new Map(
    completions.map((completion) => [completion.milestoneId, completion]),
  );
  return milestones.map((milestone) => {
    const completion = byMilestone.get(milestone.id) ?? null;
    return {
      milestone,
      completion,
      overdue: !completion && milestone.dueOn !== null && milestone.dueOn < today,
    };
  });
}
