import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CouplingSnapshotStatus } from '../graphql-enums';

const SAME_KEY = `p.city_id = snapshot.city_id AND p.period = snapshot.period
  AND p.system_version_id = snapshot.system_version_id AND p.status = 'PUBLISHED'`;
const LATEST_PUBLISHED = `snapshot.status = 'PUBLISHED' AND snapshot.revision =
  (SELECT max(p.revision) FROM coupling_snapshot p WHERE ${SAME_KEY})`;
const LIVE_UNPUBLISHED = `snapshot.status = 'LIVE' AND NOT EXISTS
  (SELECT 1 FROM coupling_snapshot p WHERE ${SAME_KEY})`;

/**
 * Keeps, per (city, period, version), the revision to show: LIVE or the latest PUBLISHED one
 * when asked; by default the latest PUBLISHED revision if there is one (the official figure),
 * else the LIVE one. The query must name the snapshot table `snapshot`.
 */
export function withSnapshotStatus<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  status: CouplingSnapshotStatus | undefined,
): SelectQueryBuilder<T> {
  if (status === CouplingSnapshotStatus.LIVE) return query.andWhere(`snapshot.status = 'LIVE'`);
  if (status === CouplingSnapshotStatus.PUBLISHED) return query.andWhere(LATEST_PUBLISHED);
  return query.andWhere(`((${LATEST_PUBLISHED}) OR (${LIVE_UNPUBLISHED}))`);
}
