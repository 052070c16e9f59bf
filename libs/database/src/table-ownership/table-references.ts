/** Pure source scanning for table-ownership.spec.ts: which tables and entities a file names. */

/** Block comments and whole-line `//` comments, so prose about another domain is not a read. */
export function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/^\s*\/\/.*$/gm, ' ');
}

/** Tables created by migration source text. */
export function createdTables(migrationSource: string): string[] {
  return [...migrationSource.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"?(\w+)"?/g)].map(
    (match) => match[1],
  );
}

const SQL_TABLE = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE|from|join)\s+"?([a-z_][a-z0-9_]*)"?/g;
const BUILDER_TABLE =
  /\.(?:from|into|update|delete|innerJoin|leftJoin|innerJoinAndSelect|leftJoinAndSelect)\(\s*['"`]([a-z_][a-z0-9_]*)['"`]/g;

/** Names of known tables that SQL text or query-builder calls in `source` mention. */
export function referencedTables(source: string, known: ReadonlySet<string>): string[] {
  const text = withoutComments(source);
  const names = [...text.matchAll(SQL_TABLE), ...text.matchAll(BUILDER_TABLE)].map((m) => m[1]);
  return [...new Set(names.filter((name) => known.has(name)))].sort();
}

/** An `@Entity()` class and the table it maps (explicit name, or the snake-cased class name). */
export interface EntityTable {
  className: string;
  table: string;
}

export function declaredEntities(source: string): EntityTable[] {
  return [...source.matchAll(/@Entity\(\s*(?:'(\w+)')?[^)]*\)[\s\S]*?export class (\w+)/g)].map(
    ([, explicit, className]) => ({
      className,
      table: explicit ?? className.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase(),
    }),
  );
}

/** Calls that read or write through an entity class: repositories, managers, query builders. */
const ENTITY_ACCESS =
  '(?:getRepository|InjectRepository|forFeature|createQueryBuilder|from|into|innerJoin|leftJoin|innerJoinAndSelect|leftJoinAndSelect|find\\w*|count\\w*|exist\\w*|update|delete|insert|save|upsert|increment|decrement|sum|average|minimum|maximum|remove|softDelete|restore|create|preload|merge|clear)';

/** Which of `classNames` `source` reads or writes through TypeORM. */
export function accessedEntities(source: string, classNames: readonly string[]): string[] {
  const text = withoutComments(source);
  return classNames.filter((name) =>
    new RegExp(`\\b${ENTITY_ACCESS}\\(\\s*\\[?[^()]*?\\b${name}\\b`).test(text),
  );
}
