import { DataSource } from 'typeorm';

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
  const columns: { column_name: string }[] = await db.query(
    `SELECT column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER'
      ORDER BY ordinal_position`,
    [table],
  );
  const list = columns.map(({ column_name }) => `"${column_name}"`).join(', ');
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
