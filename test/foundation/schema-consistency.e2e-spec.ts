import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/test-app';

/** What information_schema says of a timestamp column's precision when none is declared. */
const POSTGRES_DEFAULT_PRECISION = 6;

describe('entities and migrations agree', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(() => app.close());

  it('stores every timestamp column at the precision its entity declares', async () => {
    // Keyset pages compare bare timestamp columns declared with millisecond precision; a
    // migration that creates such a column at the default (microseconds) breaks paging.
    const db: DataSource = app.db;
    const rows = (await db.query(
      `SELECT table_name, column_name, datetime_precision
         FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type = 'timestamp with time zone'`,
    )) as { table_name: string; column_name: string; datetime_precision: number }[];
    const stored = new Map(
      rows.map((row) => [`${row.table_name}.${row.column_name}`, row.datetime_precision]),
    );

    const mismatches: string[] = [];
    for (const entity of db.entityMetadatas) {
      for (const column of entity.columns) {
        const key = `${entity.tableName}.${column.databaseName}`;
        if (!stored.has(key)) continue;
        const declared = column.precision ?? POSTGRES_DEFAULT_PRECISION;
        if (stored.get(key) !== declared)
          mismatches.push(`${key}: entity ${declared}, database ${stored.get(key)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
