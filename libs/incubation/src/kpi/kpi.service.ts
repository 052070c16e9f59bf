import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { Viewer } from '@cc/auth';
import { isUniqueViolation } from '@cc/database';
import { ApplicationState } from '../application/application-state';
import { Application } from '../application/application.entity';
import { ApplicationService } from '../application/application.service';
import { IncubationAccess } from '../incubation-access';
import { IncubationErrorCode, IncubationException } from '../incubation.exception';
import { Cohort } from '../program/cohort.entity';
import { ProgramService } from '../program/program.service';
import { DefineKpiMetricInput, SubmitKpiReportInput } from './dto/kpi.inputs';
import { DEFAULT_UNITS, KpiMetricKind, PLATFORM_DERIVED_KINDS } from './kpi-metric-kind.enum';
import { KpiMetric } from './kpi-metric.entity';
import { KpiReport } from './kpi-report.entity';
import { KpiValue } from './kpi-value.entity';
import { KpiEntry, KpiReportDraft } from './kpi.types';
import { PlatformKpis } from './platform-kpis';
import { parseCadencePeriod, reportablePeriods, reportWindow } from './report-periods';

const NAMES: Record<KpiMetricKind, string> = {
  [KpiMetricKind.REVENUE]: 'Revenue',
  [KpiMetricKind.UNITS_SOLD]: 'Units sold',
  [KpiMetricKind.PRODUCTION_ORDERS]: 'Production orders',
  [KpiMetricKind.PLACEMENTS]: 'Placements',
  [KpiMetricKind.JOBS_CREATED]: 'Jobs created',
  [KpiMetricKind.EXTERNAL_FUNDING]: 'External funding raised',
  [KpiMetricKind.CUSTOM]: 'Custom metric',
};

/** KPI metrics of a cohort and the teams' reports: collect once, platform values pre-filled. */
@Injectable()
export class KpiService {
  constructor(
    @InjectRepository(KpiMetric) private readonly metrics: Repository<KpiMetric>,
    @InjectRepository(KpiReport) private readonly reports: Repository<KpiReport>,
    @InjectRepository(KpiValue) private readonly values: Repository<KpiValue>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programs: ProgramService,
    private readonly applications: ApplicationService,
    private readonly access: IncubationAccess,
    private readonly platform: PlatformKpis,
  ) {}

  async defineMetric(viewer: Viewer, input: DefineKpiMetricInput): Promise<KpiMetric> {
    await this.programs.getManagedCohort(viewer, input.cohortId);
    if (input.kind === KpiMetricKind.CUSTOM && !input.name) {
      throw IncubationException.invalid(
        IncubationErrorCode.INVALID_METRIC,
        'name',
        'a CUSTOM metric needs a name',
      );
    }
    try {
      return await this.metrics.save(
        this.metrics.create({
          cohortId: input.cohortId,
          kind: input.kind,
          name: input.name ?? NAMES[input.kind],
          unit: input.unit ?? DEFAULT_UNITS[input.kind],
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw IncubationException.invalid(
          IncubationErrorCode.DUPLICATE_METRIC,
          'kind',
          'The cohort already has this metric (same kind, or same name)',
        );
      }
      throw error;
    }
  }

  metricsOf(cohortIds: readonly string[]): Promise<KpiMetric[]> {
    if (!cohortIds.length) return Promise.resolve([]);
    return this.metrics.find({
      where: { cohortId: In([...cohortIds]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** The report as it would be submitted now: platform values computed, team values as last sent. */
  async draft(viewer: Viewer, applicationId: string, periodKey: string): Promise<KpiReportDraft> {
    const application = await this.applications.getVisible(viewer, applicationId);
    const cohort = await this.programs.getCohort(application.cohortId);
    const metrics = await this.metricsOf([cohort.id]);
    const platformValues = await this.platformValues(application, cohort, periodKey, metrics);
    const existing = await this.reports.findOneBy({ applicationId, period: periodKey });
    const sent = existing ? await this.values.findBy({ reportId: existing.id }) : [];
    const byMetric = new Map(sent.map((value) => [value.metricId, value.value]));
    return {
      period: periodKey,
      entries: metrics.map((metric) => ({
        metric,
        platformDerived: metric.platformDerived,
        value: metric.platformDerived
          ? (platformValues.get(metric.kind) ?? 0)
          : (byMetric.get(metric.id) ?? null),
      })),
    };
  }

  /**
   * The team submits (or resubmits) its report for a period: team-reported metrics all given,
   * platform-derived ones recomputed here — a value that differs from the platform's is refused.
   */
  async submit(viewer: Viewer, input: SubmitKpiReportInput): Promise<KpiReport> {
    const application = await this.applications.get(input.applicationId);
    await this.access.assertApplicant(viewer, application);
    if (application.state !== ApplicationState.ADMITTED) {
      throw IncubationException.conflict(
        IncubationErrorCode.NOT_ADMITTED,
        `Reports are sent while admitted; this application is ${application.state} (it must be ADMITTED)`,
      );
    }
    const cohort = await this.programs.getCohort(application.cohortId);
    const metrics = await this.metricsOf([cohort.id]);
    const platformValues = await this.platformValues(application, cohort, input.period, metrics);
    const given = new Map<string, number>();
    const problems: { field: string; message: string }[] = [];
    const byId = new Map(metrics.map((metric) => [metric.id, metric]));
    input.values.forEach((entry, index) => {
      const metric = byId.get(entry.metricId);
      if (!metric) {
        problems.push({
          field: `values.${index}.metricId`,
          message: 'not a metric of this cohort',
        });
      } else if (given.has(metric.id)) {
        problems.push({ field: `values.${index}.metricId`, message: 'given twice' });
      } else {
        given.set(metric.id, entry.value);
      }
    });
    if (problems.length) {
      throw IncubationException.invalidFields(IncubationErrorCode.METRIC_NOT_FOUND, problems);
    }
    const readOnly = metrics.filter(
      (metric) =>
        metric.platformDerived &&
        given.has(metric.id) &&
        given.get(metric.id) !== (platformValues.get(metric.kind) ?? 0),
    );
    if (readOnly.length) {
      throw new ReadOnlyValues(readOnly, platformValues).exception(input.values, byId);
    }
    const missing = metrics.filter((metric) => !metric.platformDerived && !given.has(metric.id));
    if (missing.length) {
      throw IncubationException.invalidFields(
        IncubationErrorCode.MISSING_KPI_VALUE,
        missing.map((metric) => ({
          field: 'values',
          message: `missing a value for “${metric.name}” (${metric.id})`,
        })),
      );
    }
    return this.dataSource.transaction(async (manager) => {
      await manager.upsert(
        KpiReport,
        {
          applicationId: application.id,
          period: input.period,
          submittedByUserId: viewer.userId,
          submittedAt: new Date(),
        },
        ['applicationId', 'period'],
      );
      const report = await manager.findOneByOrFail(KpiReport, {
        applicationId: application.id,
        period: input.period,
      });
      await manager.delete(KpiValue, { reportId: report.id });
      const rows = metrics.map((metric) => ({
        reportId: report.id,
        metricId: metric.id,
        platformDerived: metric.platformDerived,
        value: metric.platformDerived
          ? (platformValues.get(metric.kind) ?? 0)
          : given.get(metric.id)!,
      }));
      if (rows.length) await manager.insert(KpiValue, rows);
      return report;
    });
  }

  /** Reports of a team, newest period first: for the team and the incubator. */
  async reportsOf(viewer: Viewer, applicationId: string): Promise<KpiReport[]> {
    await this.applications.getVisible(viewer, applicationId);
    return this.reportsOfApplications([applicationId]);
  }

  reportsOfApplications(applicationIds: readonly string[]): Promise<KpiReport[]> {
    if (!applicationIds.length) return Promise.resolve([]);
    return this.reports.find({
      where: { applicationId: In([...applicationIds]) },
      order: { period: 'DESC' },
    });
  }

  /** Each report's entries, in the order given (two statements for any number of reports). */
  async entriesOfReports(reports: readonly KpiReport[]): Promise<KpiEntry[][]> {
    const values = await this.valuesOfReports(reports.map((report) => report.id));
    const metricIds = [...new Set(values.map((value) => value.metricId))];
    const metrics = metricIds.length ? await this.metrics.findBy({ id: In(metricIds) }) : [];
    const byId = new Map(metrics.map((metric) => [metric.id, metric]));
    return reports.map((report) =>
      values
        .filter((value) => value.reportId === report.id && byId.has(value.metricId))
        .map((value) => ({
          metric: byId.get(value.metricId)!,
          value: value.value,
          platformDerived: value.platformDerived,
        })),
    );
  }

  valuesOfReports(reportIds: readonly string[]): Promise<KpiValue[]> {
    if (!reportIds.length) return Promise.resolve([]);
    return this.values.findBy({ reportId: In([...reportIds]) });
  }

  private async platformValues(
    application: Application,
    cohort: Cohort,
    periodKey: string,
    metrics: readonly KpiMetric[],
  ): Promise<Map<KpiMetricKind, number>> {
    const period = parseCadencePeriod(cohort.kpiCadence, periodKey);
    const allowed = application.admittedAt
      ? reportablePeriods(cohort.kpiCadence, cohort, application.admittedAt)
      : [];
    if (!period || !allowed.some((candidate) => candidate.key === period.key)) {
      throw IncubationException.invalid(
        IncubationErrorCode.INVALID_PERIOD,
        'period',
        `Report periods of this team are ${allowed.map((p) => p.key).join(', ') || 'none yet'} (${cohort.kpiCadence} cadence)`,
      );
    }
    const kinds = new Set(
      metrics.map((metric) => metric.kind).filter((kind) => PLATFORM_DERIVED_KINDS.has(kind)),
    );
    return this.platform.values(application.projectIds, reportWindow(period), kinds);
  }
}

/** Platform-derived values a founder tried to change, with what the platform recorded. */
class ReadOnlyValues {
  constructor(
    private readonly metrics: KpiMetric[],
    private readonly platform: Map<KpiMetricKind, number>,
  ) {}

  exception(
    values: SubmitKpiReportInput['values'],
    byId: Map<string, KpiMetric>,
  ): IncubationException {
    const ids = new Set(this.metrics.map((metric) => metric.id));
    return IncubationException.invalidFields(
      IncubationErrorCode.PLATFORM_DERIVED_READ_ONLY,
      values.flatMap((entry, index) =>
        ids.has(entry.metricId)
          ? [
              {
                field: `values.${index}.value`,
                message: `“${byId.get(entry.metricId)!.name}” is platform-derived: the platform recorded ${this.platform.get(byId.get(entry.metricId)!.kind) ?? 0}; confirm it or leave it out`,
              },
            ]
          : [],
      ),
    );
  }
}
