import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { byKeys, groupByKeys, LoaderRegistry } from '@cc/graphql';
import { Application } from './application/application.entity';
import { KpiMetric } from './kpi/kpi-metric.entity';
import { KpiReport } from './kpi/kpi-report.entity';
import { KpiEntry } from './kpi/kpi.types';
import { KpiService } from './kpi/kpi.service';
import { TeamMilestone } from './milestone/milestone-status.types';
import { Milestone } from './milestone/milestone.entity';
import { MilestoneService } from './milestone/milestone.service';
import { Cohort } from './program/cohort.entity';

/**
 * Per-request batch loaders of incubation's per-row fields: a list of 50 cohorts, applications
 * or reports costs the statements of a list of 2.
 */
@Injectable()
export class IncubationLoaders {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly milestones: MilestoneService,
    private readonly kpis: KpiService,
  ) {}

  cohort(loaders: LoaderRegistry): DataLoader<string, Cohort | null> {
    return loaders.get('incubation.cohortById', async (ids: readonly string[]) =>
      byKeys(ids, await this.db.getRepository(Cohort).findBy({ id: In([...ids]) }), (c) => c.id),
    );
  }

  cohortsOfProgram(loaders: LoaderRegistry): DataLoader<string, Cohort[]> {
    return loaders.get('incubation.cohortsByProgram', async (ids: readonly string[]) =>
      groupByKeys(
        ids,
        await this.db.getRepository(Cohort).find({
          where: { programId: In([...ids]) },
          order: { startsOn: 'DESC', id: 'ASC' },
        }),
        (c) => c.programId,
      ),
    );
  }

  milestonesOfCohort(loaders: LoaderRegistry): DataLoader<string, Milestone[]> {
    return loaders.get('incubation.milestonesByCohort', async (ids: readonly string[]) =>
      groupByKeys(ids, await this.milestones.ofCohorts(ids), (m) => m.cohortId),
    );
  }

  metricsOfCohort(loaders: LoaderRegistry): DataLoader<string, KpiMetric[]> {
    return loaders.get('incubation.metricsByCohort', async (ids: readonly string[]) =>
      groupByKeys(ids, await this.kpis.metricsOf(ids), (m) => m.cohortId),
    );
  }

  /** Each application's cohort milestones as it stands (keyed by the application). */
  teamMilestones(loaders: LoaderRegistry): DataLoader<Application, TeamMilestone[]> {
    return loaders.get(
      'incubation.teamMilestonesByApplication',
      async (applications: readonly Application[]) => {
        const byApplication = await this.milestones.forApplications(applications);
        return applications.map((application) => byApplication.get(application.id) ?? []);
      },
    );
  }

  entriesOfReport(loaders: LoaderRegistry): DataLoader<KpiReport, KpiEntry[]> {
    return loaders.get('incubation.entriesByReport', (reports: readonly KpiReport[]) =>
      this.kpis.entriesOfReports(reports),
    );
  }
}
