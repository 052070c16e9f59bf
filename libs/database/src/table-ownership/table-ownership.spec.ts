import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ownerOf, TABLE_OWNERS } from './table-owners';
import {
  accessedEntities,
  createdTables,
  declaredEntities,
  EntityTable,
  referencedTables,
} from './table-references';

const ROOT = join(__dirname, '../../../..');
const LIBS = join(ROOT, 'libs');
const MIGRATIONS = join(LIBS, 'database/src/migrations');

/**
 * Files still allowed to name another library's tables, each with the tables and the reason:
 * only the offline matching evaluation, which reads the demo seed's planted answers. Anything
 * else reads another domain through its exported services or keeps facts from its events.
 * A stale entry (the file no longer names that table) fails the last test, so the list shrinks.
 */
const ALLOWED_CROSS_DOMAIN: Record<string, { tables: string[]; reason: string }> = {
  'libs/matching/src/eval/planted-fits.ts': {
    tables: ['seed_fixture'],
    reason: 'offline evaluation (npm run eval:matching) reads the answers the demo seed planted',
  },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const libraries = readdirSync(LIBS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => ({
    name: entry.name,
    files: sourceFiles(join(LIBS, entry.name, 'src')).map((path) => ({
      path: relative(ROOT, path),
      source: readFileSync(path, 'utf8'),
    })),
  }));

const migrationTables = readdirSync(MIGRATIONS)
  .filter((file) => /^\d+-.+\.ts$/.test(file))
  .flatMap((file) => createdTables(readFileSync(join(MIGRATIONS, file), 'utf8')));

const knownTables = new Set(Object.keys(TABLE_OWNERS));

const entities: (EntityTable & { library: string })[] = libraries.flatMap((library) =>
  library.files.flatMap((file) =>
    declaredEntities(file.source).map((entity) => ({ ...entity, library: library.name })),
  ),
);

/** "path: table (owner)" for every table a file names that its library does not own. */
function foreignTablesByFile(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const library of libraries) {
    for (const file of library.files) {
      const foreign = referencedTables(file.source, knownTables).filter(
        (table) => ownerOf(table) !== library.name,
      );
      if (foreign.length) found.set(file.path, foreign);
    }
  }
  return found;
}

describe('table ownership', () => {
  it('finds tables in SQL and query builders, not in comments', () => {
    const source = `
      // reads FROM sale
      /* JOIN outlet */
      const sql = \`SELECT p.id FROM project p JOIN team_member tm ON tm.team_id = p.owner_team_id\`;
      qb.leftJoin('bid', 'bid', 'bid.project_id = p.id');
      await manager.query('INSERT INTO notification (user_id) VALUES ($1)');`;
    expect(referencedTables(source, knownTables)).toEqual([
      'bid',
      'notification',
      'project',
      'team_member',
    ]);
    expect(
      accessedEntities(
        '@InjectRepository(Project) repo; manager.findOneBy(TeamMember, {}); const x: Bid = b;',
        ['Project', 'TeamMember', 'Bid'],
      ),
    ).toEqual(['Project', 'TeamMember']);
  });

  it('gives every table a migration creates an owner, and owns no table nobody creates', () => {
    const created = new Set(migrationTables);
    expect([...created].filter((table) => !knownTables.has(table))).toEqual([]);
    expect([...knownTables].filter((table) => !created.has(table))).toEqual([]);
  });

  it("declares each library's entities on tables that library owns", () => {
    expect(entities).toEqual(
      expect.arrayContaining([
        { className: 'User', table: 'user_account', library: 'identity' },
        {
          className: 'ProjectCulturalResource',
          table: 'project_cultural_resource',
          library: 'marketplace',
        },
      ]),
    );
    const misplaced = entities
      .filter((entity) => ownerOf(entity.table) !== entity.library)
      .map((e) => `${e.library}/${e.className}: ${e.table} (${ownerOf(e.table) ?? 'no owner'})`);
    expect(misplaced).toEqual([]);
  });

  it("names in SQL only tables its library owns (or an allowlisted file's)", () => {
    const violations = [...foreignTablesByFile()].flatMap(([path, tables]) =>
      tables
        .filter((table) => !ALLOWED_CROSS_DOMAIN[path]?.tables.includes(table))
        .map((table) => `${path}: ${table} (owned by ${ownerOf(table)})`),
    );
    expect(violations).toEqual([]);
  });

  it("reads or writes no other library's entity through TypeORM", () => {
    const violations = libraries.flatMap((library) => {
      const foreign = entities.filter((entity) => entity.library !== library.name);
      return library.files.flatMap((file) =>
        accessedEntities(
          file.source,
          foreign.map((entity) => entity.className),
        ).map((name) => `${file.path}: ${name}`),
      );
    });
    expect(violations).toEqual([]);
  });

  it('keeps no stale allowlist entry', () => {
    const found = foreignTablesByFile();
    const stale = Object.entries(ALLOWED_CROSS_DOMAIN).flatMap(([path, { tables }]) =>
      tables.filter((table) => !found.get(path)?.includes(table)).map((t) => `${path}: ${t}`),
    );
    expect(stale).toEqual([]);
  });
});
