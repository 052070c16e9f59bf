import { DataSource } from 'typeorm';

const columnLists = new WeakMap<DataSource, Map<string, Promise<string>>>();

/** The table's insertable columns, quoted and comma-separated (read once per table). */
function columnList(db: DataSource, table: string): Promise<string> {
  let lists = columnLists.get(db);
  if (!lists) columnLists.set(db, (lists = new Map()));
  let list = lists.get(table);
  if (!list) {
    list = db
      .query(
        `SELECT column_name FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER'
          ORDER BY ordinal_position`,
        [table],
      )
      .then((columns: { column_name: string }[]) =>
        columns.map(({ column_name }) => `"${column_name}"`).join(', '),
      );
    lists.set(table, list);
  }
  return list;
}

/**
 * Copies one row of `table` under a new id, with `overrides` (column name → value) applied, and
 * returns the new id. Statement-count tests use it to grow a page from 2 rows to 50 without
 * driving 50 objects through every mutation of their lifecycle.
 */
export async function cloneRow(
  db: DataSource,
  table: string,
  id: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const list = await columnList(db, table);
  const [row]: { id: string }[] = await db.query(
    `INSERT INTO "${table}" (${list})
     SELECT ${list} FROM jsonb_populate_record(NULL::"${table}",
       (SELECT to_jsonb(src) FROM "${table}" src WHERE src.id = $1)
         || $2::jsonb || jsonb_build_object('id', gen_random_uuid()))
     RETURNING id`,
    [id, JSON.stringify(overrides)],
  );
  if (!row) throw new Error(`cloneRow: no ${table} row with id ${id}`);
  return row.id;
}

/** Copies every row of `table` whose `column` is `from`, pointing the copies at `to`. */
export async function cloneChildren(
  db: DataSource,
  table: string,
  column: string,
  from: string,
  to: string,
): Promise<void> {
  const rows: { id: string }[] = await db.query(
    `SELECT id FROM "${table}" WHERE "${column}" = $1`,
    [from],
  );
  for (const { id } of rows) await cloneRow(db, table, id, { [column]: to });
}

/**
 * Copies a delivered project with its accepted bid, the bid's revisions, its production order
 * and the order's milestones and reviews; returns the copies' ids.
 */
export async function cloneDeliveredProject(
  db: DataSource,
  source: { projectId: string; orderId: string },
  title: string,
): Promise<{ projectId: string; bidId: string; orderId: string }> {
  const [{ bid_id: sourceBid }]: { bid_id: string }[] = await db.query(
    'SELECT bid_id FROM production_order WHERE id = $1',
    [source.orderId],
  );
  const projectId = await cloneRow(db, 'project', source.projectId, { title });
  const bidId = await cloneRow(db, 'bid', sourceBid, { project_id: projectId });
  await cloneChildren(db, 'bid_revision', 'bid_id', sourceBid, bidId);
  const orderId = await cloneRow(db, 'production_order', source.orderId, {
    project_id: projectId,
    bid_id: bidId,
  });
  await cloneChildren(db, 'production_milestone', 'order_id', source.orderId, orderId);
  await cloneChildren(db, 'review', 'order_id', source.orderId, orderId);
  return { projectId, bidId, orderId };
}
