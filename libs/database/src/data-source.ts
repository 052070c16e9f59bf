import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';

/** Used by the TypeORM CLI (`npm run migration:generate` / `migration:run`). */
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is required, e.g. postgres://postgres@127.0.0.1:5432/creative_chain');
  process.exit(1);
}

export default new DataSource(buildDataSourceOptions({ url }));
