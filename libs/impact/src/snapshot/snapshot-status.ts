import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CouplingSnapshotStatus } from '../graphql-enums';

/** The version's current run, read in the same statement as the rows (never two runs mixed). */
const CURRENT_RUN = `snapshot.run_id = (SELECT v.current_run_id FROM indicator_system_version v
  WHERE v.id = snapshot.system_version_id)`;
const LATEST_PUBLISHED = `snapshot.status = 'PUBLISHED' AND snapshot.revision =
  (SELECT max(p.revision) FROM coupling_snapshot p WHERE p.city_id = snapshot.city_id
    AND p.period = snapshot.period AND p.system_version_id = snapshot.system_version_id
    AND p.status = 'PUBLISHED')`;

/**
 * Keeps the rows to show: by default (and LIVE) the rows of the version's current run; with
 * PUBLISHED, per (city, period) the latest published row (a period is published for every city
 * of a version at once, so one period's rows come from one run). The query must name the
 * snapshot table `snapshot`.
 */
export function withSnapshotStatus<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  status: CouplingSnapshotStatus | undefined,
): SelectQueryBuilder<T> {
  if (status === CouplingSnapshotStatus.PUBLISHED) return query.andWhere(LATEST_PUBLISHED);
  return query.andWhere(CURRENT_RUN);
}
