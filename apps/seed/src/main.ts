import { runMigrations } from '@cc/database';
import { DatabaseNotEmptyError, seedDatabase, SeedProgress } from './seed';
import { parseSeedArgs, SEED_USAGE, SeedArgsError } from './seed-args';

/** A one-line progress bar on stderr (only when it is a terminal; otherwise a line per 10%). */
function progressBar(): (progress: SeedProgress) => void {
  let lastDecile = -1;
  const started = Date.now();
  return ({ projectsDone, projectsTotal, rowsWritten }) => {
    const share = Math.min(1, projectsDone / projectsTotal);
    const rate = Math.round(rowsWritten / Math.max(0.001, (Date.now() - started) / 1000));
    const text = `${(share * 100).toFixed(0).padStart(3)}% | ${projectsDone}/${projectsTotal} projects | ${rowsWritten} rows | ${rate} rows/s`;
    if (process.stderr.isTTY) {
      const width = 30;
      const filled = Math.round(share * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}`);
    } else if (Math.floor(share * 10) > lastDecile) {
      lastDecile = Math.floor(share * 10);
      process.stderr.write(`${text}\n`);
    }
  };
}

async function main(): Promise<void> {
  const args = parseSeedArgs(process.argv.slice(2), process.env, new Date());
  await runMigrations(args.databaseUrl);
  const result = await seedDatabase(args.databaseUrl, args, progressBar());
  const seconds = result.elapsedMs / 1000;
  if (process.stderr.isTTY) process.stderr.write('\n');
  for (const [table, count] of Object.entries(result.rows)) {
    if (count) process.stderr.write(`  ${table.padEnd(24)} ${count}\n`);
  }
  process.stderr.write(
    `seeded ${result.totalRows} rows (scale ${args.scale}, seed "${args.seed}", history ending ${args.now.toISOString()}) in ${seconds.toFixed(1)} s: ${Math.round(result.totalRows / seconds)} rows/s\n`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof SeedArgsError) process.stderr.write(`${error.message}\n${SEED_USAGE}\n`);
  else if (error instanceof DatabaseNotEmptyError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`seed failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
