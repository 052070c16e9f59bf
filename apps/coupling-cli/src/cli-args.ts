/** Command-line arguments of the coupling CLI. */

export const USAGE = 'usage: npm run --silent coupling -- --model model.json --data data.csv';

export type CliArgs = { help: true } | { help: false; modelPath: string; dataPath: string };

/** A problem with the command line itself (exit status 2). */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

/** Parses `--model <file> --data <file>` (also `--model=<file>`), or `--help`. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const values: Record<'model' | 'data', string | undefined> = {
    model: undefined,
    data: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { help: true };
    const match = /^--(model|data)(?:=(.*))?$/.exec(arg);
    if (!match) {
      throw new CliUsageError(`unexpected argument "${arg}" (${USAGE})`);
    }
    const key = match[1] as 'model' | 'data';
    let value = match[2];
    if (value === undefined) {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) {
        throw new CliUsageError(`--${key} needs a file path (${USAGE})`);
      }
      i += 1;
    }
    if (value === '') throw new CliUsageError(`--${key} needs a file path (${USAGE})`);
    if (values[key] !== undefined) throw new CliUsageError(`--${key} is given twice`);
    values[key] = value;
  }
  if (values.model === undefined) throw new CliUsageError(`missing --model (${USAGE})`);
  if (values.data === undefined) throw new CliUsageError(`missing --data (${USAGE})`);
  return { help: false, modelPath: values.model, dataPath: values.data };
}
