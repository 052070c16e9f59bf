import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';

/** Applies pending migrations and returns their names. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource({
    ...buildDataSourceOptions({ url, poolSize: 2 }),
    entities: [],
  });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
