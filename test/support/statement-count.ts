import { GraphQLSchemaHost } from '@nestjs/graphql';
import { parse } from 'graphql';
import { appendFileSync } from 'node:fs';
import { queryCost } from '@cc/graphql';
import { DataSource } from 'typeorm';
import { countQueries } from './sql-counter';
import { TestApp } from './test-app';

export interface PageStatements {
  /** Rows the small and the large page returned (the test asserts them: an empty page proves nothing). */
  rows: { small: number; large: number };
  statements: { small: string[]; large: string[] };
}

/**
 * Runs the same read with a small and a large page size and returns the statements each sent.
 * `read(first)` returns how many rows the page held. A read without per-row queries sends the
 * same statements for both.
 */
export async function pageStatements(
  db: DataSource,
  read: (first: number) => Promise<number>,
  sizes: { small: number; large: number } = { small: 2, large: 50 },
): Promise<PageStatements> {
  let small = 0;
  let large = 0;
  const smallStatements = await countQueries(db, async () => {
    small = await read(sizes.small);
  });
  const largeStatements = await countQueries(db, async () => {
    large = await read(sizes.large);
  });
  return {
    rows: { small, large },
    statements: { small: smallStatements, large: largeStatements },
  };
}

/** A statement with its parameter lists and page limit collapsed, so batches of 2 and of 50 keys compare equal. */
export function statementShape(sql: string): string {
  return sql
    .replace(/\$\d+/g, '$')
    .replace(/IN \((\$(, )?)+\)/g, 'IN (…)')
    .replace(/LIMIT \d+/g, 'LIMIT n')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The large page ran the same kinds of statement as the small one and no more of them. One
 * extra is allowed: two loads of one DataLoader may land in different ticks (e.g. a product's and
 * an outlet's units delivered) and be sent as two batches; a per-row query would add one
 * statement per extra row (48 from 2 to 50).
 */
export function expectFlatStatements(page: PageStatements): void {
  const shapes = (statements: string[]) => [...new Set(statements.map(statementShape))].sort();
  expect(page.rows.large).toBeGreaterThan(page.rows.small);
  expect(shapes(page.statements.large)).toEqual(shapes(page.statements.small));
  expect(page.statements.large.length).toBeLessThanOrEqual(page.statements.small.length + 1);
}

/** Statements every request may run besides its fields: the session, an access check, the page. */
export const FIXED_STATEMENTS = 4;

/**
 * The cost estimate (libs/graphql queryCost: 1 per field, a page its size × its node's fields)
 * bounds the statements a read runs: with every per-row field batched, each selected field costs
 * at most one statement per request, so statements ≤ cost ÷ page size + FIXED_STATEMENTS, for the
 * small page and the large one. With STATEMENT_COST_REPORT=<file> set, appends each figure there
 * as a JSON line (the README's table comes from it).
 */
export function expectStatementsWithinCost(
  app: TestApp,
  query: string,
  variables: (first: number) => Record<string, unknown>,
  page: PageStatements,
): void {
  const schema = app.api.get(GraphQLSchemaHost).schema;
  for (const size of ['small', 'large'] as const) {
    const first = page.rows[size];
    const cost = queryCost(schema, parse(query), { ...variables(first), first });
    const statements = page.statements[size].length;
    expect(statements).toBeLessThanOrEqual(cost / first + FIXED_STATEMENTS);
    const report = process.env.STATEMENT_COST_REPORT;
    if (report) {
      const field = /{\s*(\w+)/.exec(query)?.[1];
      appendFileSync(report, `${JSON.stringify({ field, first, cost, statements })}\n`);
    }
  }
}

/** The three checks of a statement-count test: 2 and 50 rows, flat statements, within cost. */
export function expectFlatRead(
  app: TestApp,
  query: string,
  variables: (first: number) => Record<string, unknown>,
  page: PageStatements,
): void {
  expect(page.rows).toEqual({ small: 2, large: 50 });
  expectFlatStatements(page);
  expectStatementsWithinCost(app, query, variables, page);
}
