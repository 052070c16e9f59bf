import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { startTestApp, TestApp } from './support/test-app';

const SCHEMA_FILE = join(__dirname, '..', 'apps', 'api', 'schema.gql');
const HEADER =
  '# Generated from the code-first resolvers. Do not edit: run `npm run schema:update`.\n\n';

describe('committed GraphQL schema', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(() => app.close());

  it('apps/api/schema.gql matches the schema the code builds', () => {
    const generated =
      HEADER + printSchema(lexicographicSortSchema(app.api.get(GraphQLSchemaHost).schema)) + '\n';
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, generated);
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    if (committed !== generated) {
      throw new Error(
        'apps/api/schema.gql is stale: run `npm run schema:update` and commit the result',
      );
    }
    expect(committed).toBe(generated);
  });
});
