import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Viewer } from '@cc/auth';
import { isUniqueViolation } from '@cc/database';
import { ApplicationState } from '../application/application-state';
import { Application } from '../application/application.entity';
import { ApplicationService } from '../application/application.service';
import { IncubationAccess } from '../incubation-access';
import { IncubationErrorCode, IncubationException } from '../incubation.exception';
import { ProgramService } from '../program/program.service';
import { CreateMilestoneInput, MarkMilestoneDoneInput } from './dto/milestone.inputs';
import { CompletionSource, MilestoneKind } from './milestone-kind.enum';
import { MilestoneCompletion } from './milestone-completion.entity';
import { teamMilestones, TeamMilestone } from './milestone-status.types';
import { Milestone } from './milestone.entity';

const TITLES: Record<MilestoneKind, string> = {
  [MilestoneKind.PROTOTYPE]: 'Prototype',
  [MilestoneKind.FIRST_PRODUCTION_ORDER]: 'First production order',
  [MilestoneKind.FIRST_PLACEMENT]: 'First placement',
  [MilestoneKind.FIRST_1000_UNITS_SOLD]: 'First 1,000 units sold',
  [MilestoneKind.CUSTOM]: 'Custom milestone',
};

@Injectable()
export class MilestoneService {
  constructor(
    @InjectRepository(Milestone) private readonly milestones: Repository<Milestone>,
    @InjectRepository(MilestoneCompletion)
    private readonly completions: Repository<MilestoneCompletion>,
    private readonly programs: ProgramService,
    private readonly applications: ApplicationService,
    private readonly access: IncubationAccess,
  ) {}

  async create(viewer: Viewer, input: CreateMilestoneInput): Promise<Milestone> {
    await this.programs.getManagedCohort(viewer, input.cohortId);
    if (input.kind === MilestoneKind.CUSTOM && !input.title) {
      throw IncubationException.invalid(
        IncubationErrorCode.INVALID_MILESTONE,
        'title',
        'a CUSTOM milestone needs a title',
      );
    }
    try {
      return await this.milestones.save(
        this.milestones.create({
          cohortId: input.cohortId,
          kind: input.kind,
          title: input.title ?? TITLES[input.kind],
          dueOn: input.dueOn ?? null,
          createdByUserId: viewer.userId,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw IncubationException.invalid(
          IncubationErrorCode.DUPLICATE_MILESTONE,
          'kind',
          `The cohort already has a ${input.kind} milestone`,
        );
      }
      throw error;
    }
  }

  /** Marked with evidence by the incubator or by the team itself; once per team. */
  async markDone(viewer: Viewer, input: MarkMilestoneDoneInput): Promise<MilestoneCompletion> {
    const milestone = await this.milestones.findOneBy({ id: input.milestoneId });
    if (!milestone) {
      throw IncubationException.notFound(
        IncubationErrorCode.MILESTONE_NOT_FOUND,
        'Milestone',
        input.milestoneId,
      );
    }
    const application = await this.applications.getVisible(viewer, input.applicationId);
    if (application.cohortId !== milestone.cohortId) {
      throw IncubationException.invalid(
        IncubationErrorCode.MILESTONE_NOT_FOUND,
        'milestoneId',
        'The milestone belongs to another cohort',
      );
    }
    if (application.state !== ApplicationState.ADMITTED) {
      throw IncubationException.conflict(
        IncubationErrorCode.NOT_ADMITTED,
        `Milestones are marked for admitted teams; this application is ${application.state} (admit it first with admitApplication)`,
      );
    }
    try {
      return await this.completions.save(
        this.completions.create({
          milestoneId: milestone.id,
          applicationId: application.id,
          completedAt: input.completedAt ?? new Date(),
          evidence: input.evidence,
          source: CompletionSource.MANUAL,
          markedByUserId: viewer.userId,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw IncubationException.conflict(
          IncubationErrorCode.ALREADY_COMPLETED,
          'This team already reached the milestone',
        );
      }
      throw error;
    }
  }

  ofCohorts(cohortIds: readonly string[]): Promise<Milestone[]> {
    if (!cohortIds.length) return Promise.resolve([]);
    return this.milestones.find({
      where: { cohortId: In([...cohortIds]) },
      order: { dueOn: 'ASC', createdAt: 'ASC' },
    });
  }

  completionsOf(applicationIds: readonly string[]): Promise<MilestoneCompletion[]> {
    if (!applicationIds.length) return Promise.resolve([]);
    return this.completions.find({ where: { applicationId: In([...applicationIds]) } });
  }

  /** Each team's milestones: done (with how) or not, and overdue. */
  async forApplications(
    applications: readonly Application[],
  ): Promise<Map<string, TeamMilestone[]>> {
    const milestones = await this.ofCohorts([...new Set(applications.map((a) => a.cohortId))]);
    const completions = await this.completionsOf(applications.map((a) => a.id));
    const result = new Map<string, TeamMilestone[]>();
    for (const application of applications) {
      result.set(
        application.id,
        teamMilestones(
          milestones.filter((milestone) => milestone.cohortId === application.cohortId),
          completions.filter((completion) => completion.applicationId === application.id),
        ),
      );
    }
    return result;
  }
}
