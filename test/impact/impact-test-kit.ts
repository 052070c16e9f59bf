import { randomBytes } from 'node:crypto';
import type { FrozenParameters } from '@cc/coupling';
import { QueueName, QueueService } from '@cc/queue';
import { seedCity } from '../support/catalog.factory';
import { GraphqlClient } from '../support/graphql-client';
import { eventually, TestApp } from '../support/test-app';

export interface TestCity {
  id: string;
  code: string;
}

export async function seedTestCity(app: TestApp): Promise<TestCity> {
  const { cityId } = await seedCity(app.db, 0);
  const [{ code }] = await app.db.query('SELECT code FROM city WHERE id = $1', [cityId]);
  return { id: cityId, code };
}

/** Indicator keys no other test file uses, so versions of parallel test files never share a panel. */
export function uniqueKeys<K extends string>(...names: K[]): Record<K, string> {
  const suffix = randomBytes(3).toString('hex');
  return Object.fromEntries(names.map((name) => [name, `${name}_${suffix}`])) as Record<K, string>;
}

export const VERSION_FIELDS = `id version cityId periodGranularity
  subsystems { name label fixedWeight indicators { key label subsystem direction source aggregation fixedWeight } }
  method { standardization { method range } indicatorWeighting scoreScale subsystemWeighting coupling { variant productFloor } }
  modelJson`;

export const SNAPSHOT_FIELDS = `id cityId period granularity revision status computedAt publishedAt
  runId run { id sequence status trigger basisHash inputsHash }
  couplingDegree coordinationIndex coordinationDegree level
  city { id code }
  systemVersion { id version }
  subsystems { name label score value weight obstacle obstacleNormalized }
  indicators { key label subsystem source aggregation direction raw standardized weight bounds { min max }
    obstacle obstacleNormalized trace { source recordCount numerator denominator contributorCount importId note } }
  panel { sampleCount cityCount firstPeriod lastPeriod excluded }
  warnings { code message }`;

export const IMPORT_FIELDS = `importId rowsRead rowsImported rowsRejected valuesInserted valuesUpdated
  valuesUnchanged recomputeRequested errors { line column reason }`;

export interface ImportResult {
  importId: string;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  valuesInserted: number;
  valuesUpdated: number;
  valuesUnchanged: number;
  recomputeRequested: boolean;
  errors: { line: number; column: string | null; reason: string }[];
}

export async function importCsv(client: GraphqlClient, csv: string): Promise<ImportResult> {
  const { importOfficialStatistics } = await client.data<{
    importOfficialStatistics: ImportResult;
  }>(
    `mutation($input: ImportOfficialStatisticsInput!) { importOfficialStatistics(input: $input) { ${IMPORT_FIELDS} } }`,
    { input: { csv } },
  );
  return importOfficialStatistics;
}

/**
 * Waits until the outbox is empty and the coupling queue holds no waiting, delayed or running job (the nightly
 * scheduler's next run, always delayed, does not count).
 */
export async function couplingQueueDrained(app: TestApp, timeoutMs = 30_000): Promise<void> {
  const queue = app.api.get(QueueService).queue(QueueName.COUPLING);
  let quietSince = 0;
  await eventually(async () => {
    // Events still in the outbox are jobs to come.
    const [{ outbox }] = await app.db.query('SELECT count(*)::int AS outbox FROM outbox_event');
    const pending = await queue.getJobs(['waiting', 'delayed', 'active', 'prioritized'], 0, -1);
    const busy =
      outbox > 0 ||
      pending.some((job) => job && !job.repeatJobKey && !job.id?.startsWith('repeat:'));
    if (busy) {
      quietSince = 0;
      return false;
    }
    // Quiet for 300 ms: a finishing job may still requeue its follow-up.
    if (!quietSince) quietSince = Date.now();
    return Date.now() - quietSince >= 300;
  }, timeoutMs);
}

/** Completed recompute jobs of one version (BullMQ keeps completed jobs for a day). */
export async function completedRecomputes(app: TestApp, versionId: string): Promise<number> {
  const queue = app.api.get(QueueService).queue(QueueName.COUPLING);
  const jobs = await queue.getJobs(['completed'], 0, -1);
  return jobs.filter(
    (job) => job?.name === 'RecomputeCouplingJob' && job.data.versionId === versionId,
  ).length;
}

/** A coupling_snapshot row as stored. */
export interface SnapshotRow {
  id: string;
  city_id: string;
  period: string;
  revision: number;
  status: string;
  run_id: string;
  raw_values: Record<string, number>;
  standardized_values: Record<string, number>;
  subsystem_values: Record<string, number>;
  frozen: FrozenParameters;
  obstacles: { indicators: Record<string, number>; subsystems: Record<string, number> };
  coupling_degree: number;
  coordination_index: number;
  coordination_degree: number;
  level: string;
  trace: Record<string, Record<string, unknown>>;
  panel: { sampleCount: number; excluded: string[] };
  content_hash: string;
  basis: { origin: string; fixedAt: string | null; note?: string };
  [column: string]: unknown;
}

/** The rows of the version's current run (what readers see), by city and period. */
export async function snapshotRows(app: TestApp, versionId: string): Promise<SnapshotRow[]> {
  return app.db.query(
    `SELECT * FROM coupling_snapshot WHERE system_version_id = $1
        AND run_id = (SELECT current_run_id FROM indicator_system_version v WHERE v.id = system_version_id)
      ORDER BY city_id, period`,
    [versionId],
  );
}
