import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Viewer } from '@cc/auth';
import { CatalogService } from '@cc/catalog';
import { Connection, paginate } from '@cc/graphql';
import { CouplingRecomputeRequester } from '../coupling-jobs/coupling-recompute.requester';
import { assertCityAccess } from '../impact-access';
import { ImpactException } from '../impact.exception';
import { periodStart, tryParsePeriod } from '../period';
import { OfficialStatisticsArgs } from './dto/official-statistics.args';
import { OfficialStatisticsImportResult } from './dto/official-statistics-import.result';
import { OfficialStatistic } from './official-statistic.entity';
import { CsvRowError, StatisticImport } from './statistic-import.entity';
import { parseStatisticsCsv } from './statistics-csv';

@Injectable()
export class OfficialStatisticsService {
  constructor(
    @InjectRepository(OfficialStatistic)
    private readonly statistics: Repository<OfficialStatistic>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recompute: CouplingRecomputeRequester,
    private readonly catalog: CatalogService,
  ) {}

  /**
   * Imports a CSV of official statistics. Every row is checked; bad rows are reported by line and
   * reason and good rows are stored, upserted by (city, period, indicator), so importing the same
   * file again stores nothing new. The caller must be an OFFICIAL of every city named in the file
   * (or an ADMIN); otherwise nothing is imported. Changed values trigger a coupling recompute.
   */
  async import(viewer: Viewer, csv: string): Promise<OfficialStatisticsImportResult> {
    const parsed = parseStatisticsCsv(csv);
    const codes = [...new Set(parsed.rows.map((row) => row.cityCode))];
    const cities = await this.catalog.citiesByCodes(codes);
    const cityIdOf = new Map(cities.map((city) => [city.code, city.id]));
    // Authorization first: a file naming any city outside the caller's grants imports nothing.
    for (const city of cities) assertCityAccess(viewer, city.id);

    const errors: CsvRowError[] = [...parsed.errors];
    const good = parsed.rows.filter((row) => {
      if (cityIdOf.has(row.cityCode)) return true;
      errors.push({
        line: row.line,
        column: 'city',
        reason: `no city has the code "${row.cityCode}"`,
      });
      return false;
    });
    errors.sort((a, b) => a.line - b.line);

    const columns = {
      cityId: [] as string[],
      period: [] as string[],
      granularity: [] as string[],
      periodStart: [] as string[],
      indicator: [] as string[],
      value: [] as number[],
    };
    for (const row of good) {
      for (const { indicator, value } of row.values) {
        columns.cityId.push(cityIdOf.get(row.cityCode)!);
        columns.period.push(row.period.key);
        columns.granularity.push(row.period.granularity);
        columns.periodStart.push(periodStart(row.period).toISOString());
        columns.indicator.push(indicator);
        columns.value.push(value);
      }
    }

    const { importId, inserted, updated, changedCities, changedIndicators } =
      await this.dataSource.transaction(async (manager) => {
        const record = await manager.save(
          manager.create(StatisticImport, {
            importedById: viewer.userId,
            rowsRead: parsed.rowsRead,
            rowsAccepted: good.length,
            rowsRejected: errors.length,
            valuesInserted: 0,
            valuesUpdated: 0,
            valuesUnchanged: 0,
            errors,
          }),
        );
        const changed: { inserted: boolean; city_id: string; indicator: string }[] = columns.value
          .length
          ? await manager.query(
              `INSERT INTO official_statistic (city_id, period, granularity, period_start, indicator, value, import_id)
               SELECT c, p, g, s, i, v, $7::uuid
                 FROM unnest($1::uuid[], $2::text[], $3::period_granularity[], $4::timestamptz[], $5::text[], $6::float8[])
                      AS t(c, p, g, s, i, v)
               ON CONFLICT (city_id, period, indicator) DO UPDATE
                  SET value = EXCLUDED.value, import_id = EXCLUDED.import_id, updated_at = now()
                WHERE official_statistic.value IS DISTINCT FROM EXCLUDED.value
               RETURNING (xmax = 0) AS inserted, city_id, indicator`,
              [
                columns.cityId,
                columns.period,
                columns.granularity,
                columns.periodStart,
                columns.indicator,
                columns.value,
                record.id,
              ],
            )
          : [];
        const insertedCount = changed.filter((row) => row.inserted).length;
        const updatedCount = changed.length - insertedCount;
        await manager.update(StatisticImport, record.id, {
          valuesInserted: insertedCount,
          valuesUpdated: updatedCount,
          valuesUnchanged: columns.value.length - changed.length,
        });
        return {
          importId: record.id,
          inserted: insertedCount,
          updated: updatedCount,
          changedCities: [...new Set(changed.map((row) => row.city_id))],
          changedIndicators: [...new Set(changed.map((row) => row.indicator))],
        };
      });

    if (changedCities.length > 0) {
      await this.recompute.requestForChange({
        cityIds: changedCities,
        indicators: changedIndicators,
        reason: `statistics import ${importId}`,
      });
    }
    return {
      importId,
      rowsRead: parsed.rowsRead,
      rowsImported: good.length,
      rowsRejected: errors.length,
      valuesInserted: inserted,
      valuesUpdated: updated,
      valuesUnchanged: columns.value.length - inserted - updated,
      errors,
      recomputeRequested: changedCities.length > 0,
    };
  }

  list(viewer: Viewer, args: OfficialStatisticsArgs): Promise<Connection<OfficialStatistic>> {
    const { cityId, indicator, period, ...page } = args;
    assertCityAccess(viewer, cityId);
    const query = this.statistics
      .createQueryBuilder('statistic')
      .where('statistic.city_id = :cityId', { cityId });
    if (indicator) query.andWhere('statistic.indicator = :indicator', { indicator });
    if (period) {
      const parsed = tryParsePeriod(period);
      if (!parsed) throw ImpactException.invalidPeriod(`"${period}" is not a period`);
      query.andWhere('statistic.period = :period', { period: parsed.key });
    }
    return paginate(query, page, {
      column: 'statistic.period_start',
      direction: 'DESC',
      valueOf: (statistic) => statistic.periodStart.toISOString(),
    });
  }
}
