import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Viewer } from '@cc/auth';
import { periodEnd } from '@cc/impact';
import { ApplicationState } from '../application/application-state';
import { ApplicationService } from '../application/application.service';
import { IncubationAccess } from '../incubation-access';
import { IncubationNotifier } from '../incubation-notifier';
import { Cohort } from '../program/cohort.entity';
import { ProgramService } from '../program/program.service';
import { KpiService } from './kpi.service';
import { OverdueKpiReport } from './kpi.types';
import { duePeriods, reportablePeriods } from './report-periods';

/** Reports whose period ended without one: listed for the incubator; each team told once. */
@Injectable()
export class KpiOverdueService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly programs: ProgramService,
    private readonly applications: ApplicationService,
    private readonly kpis: KpiService,
    private readonly access: IncubationAccess,
    private readonly notifier: IncubationNotifier,
  ) {}

  async list(viewer: Viewer, cohortId: string, now = new Date()): Promise<OverdueKpiReport[]> {
    return this.overdueIn(await this.programs.getManagedCohort(viewer, cohortId), now);
  }

  async overdueIn(cohort: Cohort, now = new Date()): Promise<OverdueKpiReport[]> {
    if (!(await this.kpis.metricsOf([cohort.id])).length) return [];
    const admitted = (await this.applications.seatedIn([cohort.id])).filter(
      (application) => application.state === ApplicationState.ADMITTED && application.admittedAt,
    );
    const reports = await this.kpis.reportsOfApplications(admitted.map((a) => a.id));
    const sent = new Set(reports.map((report) => `${report.applicationId}/${report.period}`));
    return admitted.flatMap((application) =>
      duePeriods(reportablePeriods(cohort.kpiCadence, cohort, application.admittedAt!, now), now)
        .filter((period) => !sent.has(`${application.id}/${period.key}`))
        .map((period) => ({ application, period: period.key, dueSince: periodEnd(period) })),
    );
  }

  /** Tells each team about its overdue reports it was not told of yet; returns how many were. */
  async remind(viewer: Viewer, cohortId: string): Promise<number> {
    const cohort = await this.programs.getManagedCohort(viewer, cohortId);
    let told = 0;
    for (const overdue of await this.overdueIn(cohort)) {
      const fresh: unknown[] = await this.db.query(
        `INSERT INTO incubation_kpi_reminder (application_id, period) VALUES ($1, $2)
         ON CONFLICT DO NOTHING RETURNING application_id`,
        [overdue.application.id, overdue.period],
      );
      if (!fresh.length) continue;
      told += 1;
      await this.notifier.send(await this.access.applicantUserIds(overdue.application), {
        title: `KPI report for ${overdue.period} is overdue`,
        body: `“${cohort.name}” expects your ${overdue.period} KPI report; platform figures are pre-filled.`,
        payload: {
          applicationId: overdue.application.id,
          cohortId: cohort.id,
          period: overdue.period,
        },
      });
    }
    return told;
  }
}
