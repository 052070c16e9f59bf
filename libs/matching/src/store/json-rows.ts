import { DataSource, EntityManager } from 'typeorm';

/** How a column is read from one element `r` of a JSON array of rows. */
export const col = {
  uuid: (key: string) => `(r->>'${key}')::uuid`,
  text: (key: string) => `(r->>'${key}')`,
  bool: (key: string) => `(r->>'${key}')::boolean`,
  float: (key: string) => `(r->>'${key}')::double precision`,
  texts: (key: string) => `ARRAY(SELECT jsonb_array_elements_text(r->'${key}'))`,
  uuids: (key: string) => `ARRAY(SELECT jsonb_array_elements_text(r->'${key}'))::uuid[]`,
  json: (key: string) => `(r->'${key}')`,
};

const CHUNK = 1_000;

/**
 * Inserts (or, with `conflictKey`, upserts) many rows in one statement per thousand: the rows
 * travel as one JSON parameter and `jsonb_array_elements` spreads them, which keeps a rebuild of
 * 10,000 manufacturers to ten round trips.
 */
export async function insertJsonRows(
  db: DataSource | EntityManager,
  table: string,
  columns: Record<string, string>,
  rows: readonly object[],
  conflictKey?: string[],
): Promise<void> {
  const names = Object.keys(columns);
  const onConflict = conflictKey
    ? `ON CONFLICT (${conflictKey.join(', ')}) DO UPDATE SET ${names
        .filter((name) => !conflictKey.includes(name))
        .map((name) => `${name} = EXCLUDED.${name}`)
        .join(', ')}`
    : '';
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.query(
      `INSERT INTO ${table} (${names.join(', ')})
       SELECT ${names.map((name) => columns[name]).join(', ')}
       FROM jsonb_array_elements($1::jsonb) r ${onConflict}`,
      [JSON.stringify(rows.slice(i, i + CHUNK))],
    );
  }
}
