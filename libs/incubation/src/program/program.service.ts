import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Viewer } from '@cc/auth';
import { isUniqueViolation } from '@cc/database';
import { Connection, paginate } from '@cc/graphql';
import { IncubationAccess } from '../incubation-access';
import { IncubationErrorCode, IncubationException } from '../incubation.exception';
import { Cohort } from './cohort.entity';
import { CreateCohortInput, CreateProgramInput, ProgramsArgs } from './dto/program.inputs';
import { Program } from './program.entity';

/** Programs and their cohorts: created by the incubator's members, readable by anyone. */
@Injectable()
export class ProgramService {
  constructor(
    @InjectRepository(Program) private readonly programs: Repository<Program>,
    @InjectRepository(Cohort) private readonly cohorts: Repository<Cohort>,
    private readonly access: IncubationAccess,
  ) {}

  async createProgram(viewer: Viewer, input: CreateProgramInput): Promise<Program> {
    const incubator = await this.access.assertIncubatorMember(viewer, input.organizationId);
    try {
      return await this.programs.save(
        this.programs.create({
          organizationId: incubator.id,
          cityId: incubator.cityId,
          name: input.name,
          description: input.description ?? '',
          createdByUserId: viewer.userId,
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw IncubationException.invalid(
          IncubationErrorCode.DUPLICATE_PROGRAM,
          'name',
          'This incubator already has a program of that name',
        );
      }
      throw error;
    }
  }

  async createCohort(viewer: Viewer, input: CreateCohortInput): Promise<Cohort> {
    const program = await this.getProgram(input.programId);
    await this.access.assertIncubatorMember(viewer, program.organizationId);
    if (input.endsOn <= input.startsOn) {
      throw IncubationException.invalid(
        IncubationErrorCode.INVALID_DATES,
        'endsOn',
        'The cohort must end after it starts',
      );
    }
    return this.cohorts.save(
      this.cohorts.create({
        ...input,
        focusDisciplines: [...new Set(input.focusDisciplines)],
        focusResourceKinds: [...new Set(input.focusResourceKinds)],
        organizationId: program.organizationId,
        cityId: program.cityId,
      }),
    );
  }

  async getProgram(id: string): Promise<Program> {
    const program = await this.programs.findOneBy({ id });
    if (!program) {
      throw IncubationException.notFound(IncubationErrorCode.PROGRAM_NOT_FOUND, 'Program', id);
    }
    return program;
  }

  async getCohort(id: string): Promise<Cohort> {
    const cohort = await this.cohorts.findOneBy({ id });
    if (!cohort) {
      throw IncubationException.notFound(IncubationErrorCode.COHORT_NOT_FOUND, 'Cohort', id);
    }
    return cohort;
  }

  /** The cohort, when the viewer is a member of its incubator. */
  async getManagedCohort(viewer: Viewer, id: string): Promise<Cohort> {
    const cohort = await this.getCohort(id);
    await this.access.assertIncubatorMember(viewer, cohort.organizationId);
    return cohort;
  }

  list({ organizationId, cityId, ...page }: ProgramsArgs): Promise<Connection<Program>> {
    const query = this.programs.createQueryBuilder('program');
    if (organizationId)
      query.andWhere('program.organization_id = :organizationId', { organizationId });
    if (cityId) query.andWhere('program.city_id = :cityId', { cityId });
    return paginate(query, page, {
      column: 'program.created_at',
      direction: 'DESC',
      valueOf: (program) => program.createdAt.toISOString(),
    });
  }

  cohortsOf(programId: string): Promise<Cohort[]> {
    return this.cohorts.find({ where: { programId }, order: { startsOn: 'DESC', id: 'ASC' } });
  }

  cohortsOfCity(cityId: string): Promise<Cohort[]> {
    return this.cohorts.find({ where: { cityId }, order: { startsOn: 'DESC', id: 'ASC' } });
  }

  cohortsOfIncubator(organizationId: string): Promise<Cohort[]> {
    return this.cohorts.find({ where: { organizationId }, order: { startsOn: 'DESC', id: 'ASC' } });
  }
}
