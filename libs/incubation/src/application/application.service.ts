import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Viewer } from '@cc/auth';
import { isUniqueViolation } from '@cc/database';
import { Connection, ConnectionArgs, paginate } from '@cc/graphql';
import { MarketplaceException, ProjectService } from '@cc/marketplace';
import { IncubationAccess } from '../incubation-access';
import { IncubationEvents } from '../incubation-events';
import { IncubationNotifier } from '../incubation-notifier';
import { MilestoneCatchUp } from '../milestone/milestone-catch-up';
import { IncubationErrorCode, IncubationException } from '../incubation.exception';
import { Cohort } from '../program/cohort.entity';
import { ProgramService } from '../program/program.service';
import { ApplicationState, canMoveApplication, SEATED_STATES } from './application-state';
import { Application } from './application.entity';
import { ApplyToCohortInput, CohortApplicationsArgs } from './dto/application.inputs';

const today = () => new Date().toISOString().slice(0, 10);

const NEWEST_FIRST = {
  column: 'application.created_at',
  direction: 'DESC' as const,
  valueOf: (application: Application) => application.createdAt.toISOString(),
};

/**
 * Applications and their one state machine (APPLICATION_TRANSITIONS): teams apply, the
 * incubator admits or rejects with a note, teams withdraw, the incubator graduates them.
 */
@Injectable()
export class ApplicationService {
  constructor(
    @InjectRepository(Application) private readonly applications: Repository<Application>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programs: ProgramService,
    private readonly projects: ProjectService,
    private readonly access: IncubationAccess,
    private readonly notifier: IncubationNotifier,
    private readonly events: IncubationEvents,
    private readonly milestones: MilestoneCatchUp,
  ) {}

  async apply(viewer: Viewer, input: ApplyToCohortInput): Promise<Application> {
    const cohort = await this.programs.getCohort(input.cohortId);
    if (cohort.endsOn < today()) {
      throw IncubationException.conflict(
        IncubationErrorCode.COHORT_CLOSED,
        `The cohort ended on ${cohort.endsOn}; apply to a cohort that has not ended`,
      );
    }
    if (input.teamId) await this.access.assertTeamMember(viewer, input.teamId);
    const projectIds = [...new Set(input.projectIds)];
    await this.assertProjects(viewer, projectIds, input.teamId ?? null);
    try {
      return await this.applications.save(
        this.applications.create({
          cohortId: cohort.id,
          teamId: input.teamId ?? null,
          applicantUserId: viewer.userId,
          projectIds,
          pitch: input.pitch,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw IncubationException.conflict(
          IncubationErrorCode.ALREADY_APPLIED,
          'You (or your team) already have a live application to this cohort; withdraw it first (withdrawApplication) to apply again',
        );
      }
      throw error;
    }
  }

  /** Each project must be the viewer's own (or, applying for a team, that team's). */
  private async assertProjects(
    viewer: Viewer,
    projectIds: string[],
    teamId: string | null,
  ): Promise<void> {
    const problems: { field: string; message: string }[] = [];
    for (const [index, id] of projectIds.entries()) {
      try {
        const project = await this.projects.getOwned(viewer, id);
        if (teamId && project.ownerTeamId !== teamId) {
          problems.push({ field: `projectIds.${index}`, message: 'not a project of this team' });
        }
      } catch (error) {
        if (!(error instanceof MarketplaceException)) throw error;
        problems.push({ field: `projectIds.${index}`, message: 'not a project of yours' });
      }
    }
    if (problems.length) {
      throw IncubationException.invalidFields(IncubationErrorCode.INVALID_PROJECTS, problems);
    }
  }

  /** Takes a seat with one conditional UPDATE: concurrent admissions cannot overfill the cohort. */
  async admit(viewer: Viewer, id: string, note: string | undefined): Promise<Application> {
    const { application, cohort } = await this.getManaged(viewer, id);
    const admitted = await this.move(
      application,
      ApplicationState.ADMITTED,
      {
        decisionNote: note ?? null,
        decidedByUserId: viewer.userId,
        decidedAt: new Date(),
        admittedAt: new Date(),
      },
      async (manager) => {
        const seats: unknown[] = await manager.query(
          `UPDATE incubation_cohort SET admitted_count = admitted_count + 1, updated_at = now()
            WHERE id = $1 AND admitted_count < capacity RETURNING id`,
          [cohort.id],
        );
        if (!rowsAffected(seats)) {
          throw IncubationException.conflict(
            IncubationErrorCode.COHORT_FULL,
            `The cohort's ${cohort.capacity} seats are taken; admit into another cohort, or withdraw or reject an admitted application first`,
            { capacity: cohort.capacity },
          );
        }
        await this.events.venturesChanged(manager, cohort.cityId, `team admitted: ${id}`);
      },
    );
    await this.milestones.afterAdmission(admitted);
    await this.tell(admitted, cohort, 'admitted', note);
    return admitted;
  }

  async reject(viewer: Viewer, id: string, note: string | undefined): Promise<Application> {
    const { application, cohort } = await this.getManaged(viewer, id);
    const rejected = await this.move(application, ApplicationState.REJECTED, {
      decisionNote: note ?? null,
      decidedByUserId: viewer.userId,
      decidedAt: new Date(),
    });
    await this.tell(rejected, cohort, 'not admitted', note);
    return rejected;
  }

  async graduate(viewer: Viewer, id: string, note: string | undefined): Promise<Application> {
    const { application, cohort } = await this.getManaged(viewer, id);
    const graduated = await this.move(
      application,
      ApplicationState.GRADUATED,
      { decisionNote: note ?? application.decisionNote, endedAt: new Date() },
      (manager) => this.events.venturesChanged(manager, cohort.cityId, `team graduated: ${id}`),
    );
    await this.tell(graduated, cohort, 'graduated', note);
    return graduated;
  }

  /** The applicant withdraws; a seat taken is given back. */
  async withdraw(viewer: Viewer, id: string): Promise<Application> {
    const application = await this.get(id);
    await this.access.assertApplicant(viewer, application);
    const cohort = await this.programs.getCohort(application.cohortId);
    const seated = application.state === ApplicationState.ADMITTED;
    return this.move(
      application,
      ApplicationState.WITHDRAWN,
      { endedAt: new Date() },
      async (manager) => {
        if (!seated) return;
        await manager.query(
          `UPDATE incubation_cohort SET admitted_count = admitted_count - 1, updated_at = now() WHERE id = $1`,
          [cohort.id],
        );
        await this.events.venturesChanged(manager, cohort.cityId, `team withdrew: ${id}`);
      },
    );
  }

  async get(id: string): Promise<Application> {
    const application = await this.applications.findOneBy({ id });
    if (!application) {
      throw IncubationException.notFound(
        IncubationErrorCode.APPLICATION_NOT_FOUND,
        'Application',
        id,
      );
    }
    return application;
  }

  /** For the applicant and the incubator's members; to anyone else it does not exist. */
  async getVisible(viewer: Viewer, id: string): Promise<Application> {
    const application = await this.get(id);
    if (await this.access.isApplicant(viewer, application)) return application;
    const cohort = await this.programs.getCohort(application.cohortId);
    if (await this.access.isIncubatorMember(viewer, cohort.organizationId)) return application;
    throw IncubationException.notFound(
      IncubationErrorCode.APPLICATION_NOT_FOUND,
      'Application',
      id,
    );
  }

  async getManaged(
    viewer: Viewer,
    id: string,
  ): Promise<{ application: Application; cohort: Cohort }> {
    const application = await this.get(id);
    const cohort = await this.programs.getManagedCohort(viewer, application.cohortId);
    return { application, cohort };
  }

  /** The viewer's applications and their teams', newest first. */
  async mine(viewer: Viewer, page: ConnectionArgs): Promise<Connection<Application>> {
    const teamIds = await this.access.teamIdsOf(viewer);
    const query = this.applications
      .createQueryBuilder('application')
      .where('(application.applicant_user_id = :userId OR application.team_id = ANY(:teamIds))', {
        userId: viewer.userId,
        teamIds,
      });
    return paginate(query, page, NEWEST_FIRST);
  }

  async ofCohort(
    viewer: Viewer,
    { cohortId, state, ...page }: CohortApplicationsArgs,
  ): Promise<Connection<Application>> {
    await this.programs.getManagedCohort(viewer, cohortId);
    const query = this.applications
      .createQueryBuilder('application')
      .where('application.cohort_id = :cohortId', { cohortId });
    if (state) query.andWhere('application.state = :state', { state });
    return paginate(query, page, NEWEST_FIRST);
  }

  /** Every application of these cohorts. */
  ofCohorts(cohortIds: readonly string[]): Promise<Application[]> {
    if (!cohortIds.length) return Promise.resolve([]);
    return this.applications
      .createQueryBuilder('application')
      .where('application.cohort_id = ANY(:cohortIds)', { cohortIds: [...cohortIds] })
      .orderBy('application.created_at', 'ASC')
      .addOrderBy('application.id', 'ASC')
      .getMany();
  }

  /** Applications of these cohorts holding a seat (admitted or graduated). */
  seatedIn(cohortIds: readonly string[]): Promise<Application[]> {
    if (!cohortIds.length) return Promise.resolve([]);
    return this.applications
      .createQueryBuilder('application')
      .where('application.cohort_id = ANY(:cohortIds)', { cohortIds: [...cohortIds] })
      .andWhere('application.state = ANY(:states)', { states: [...SEATED_STATES] })
      .orderBy('application.admitted_at', 'ASC')
      .addOrderBy('application.id', 'ASC')
      .getMany();
  }

  /**
   * Moves state only if nobody moved it meanwhile (compare-and-set on the current state), with
   * `alongside` run in the same transaction (a seat taken or given back).
   */
  private async move(
    application: Application,
    to: ApplicationState,
    changes: Partial<Application>,
    alongside?: (manager: EntityManager) => Promise<void>,
  ): Promise<Application> {
    if (!canMoveApplication(application.state, to)) {
      throw IncubationException.illegalTransition(application.state, to);
    }
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.update(
        Application,
        { id: application.id, state: application.state },
        { ...changes, state: to },
      );
      if (!result.affected) {
        const current = await manager.findOneByOrFail(Application, { id: application.id });
        throw IncubationException.illegalTransition(current.state, to);
      }
      await alongside?.(manager);
    });
    return this.applications.findOneByOrFail({ id: application.id });
  }

  private async tell(
    application: Application,
    cohort: Cohort,
    outcome: string,
    note: string | undefined,
  ): Promise<void> {
    await this.notifier.send(await this.access.applicantUserIds(application), {
      title: `Your application to “${cohort.name}”: ${outcome}`,
      body: note?.length ? note : `The incubator marked your application ${outcome}.`,
      payload: { applicationId: application.id, cohortId: cohort.id },
    });
  }
}

/** `UPDATE ... RETURNING` through `manager.query` gives [rows, count] on PostgreSQL. */
function rowsAffected(result: unknown[]): number {
  if (Array.isArray(result[0])) return (result[0] as unknown[]).length;
  return result.length;
}
