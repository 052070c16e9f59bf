/**
 * The coupling coordination CLI:
 *   npm run --silent coupling -- --model model.json --data data.csv
 * prints one JSON document to stdout. Bad input exits with status 2 and one line on stderr.
 */
import * as fs from 'node:fs';
import { CouplingError, evaluate, parseModel, samplesFromTable } from '@cc/coupling';
import { CliUsageError, USAGE, parseArgs } from './cli-args';
import { CsvError, readCsv } from './csv-reader';
import { serializeOutput, toCliOutput } from './output';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Buffer;
}

/** Bad input that is not the engine's (files, JSON). */
class InputError extends Error {}

function readInput(io: CliIo, path: string, what: string): Buffer {
  try {
    return io.readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : err instanceof Error
            ? err.message
            : String(err);
    throw new InputError(`cannot read ${what} file "${path}": ${reason}`);
  }
}

function readModelJson(io: CliIo, path: string): unknown {
  const text = readInput(io, path, 'model')
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new InputError(`model file "${path}" is not valid JSON: ${message}`);
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** Runs the CLI and returns its exit status. */
export function run(argv: readonly string[], io: CliIo): number {
  try {
    const args = parseArgs(argv);
    if (args.help) {
      io.stdout(`${USAGE}\n`);
      return EXIT_OK;
    }
    const model = parseModel(readModelJson(io, args.modelPath));
    const table = readCsv(readInput(io, args.dataPath, 'data'), `data file "${args.dataPath}"`);
    const samples = samplesFromTable(model, table.header, table.rows, table.lines);
    const output = serializeOutput(toCliOutput(evaluate(model, samples)));
    io.stdout(output);
    return EXIT_OK;
  } catch (err) {
    if (err instanceof CouplingError) {
      io.stderr(`coupling: error [${err.code}]: ${oneLine(err.message)}\n`);
      return EXIT_BAD_INPUT;
    }
    if (err instanceof CliUsageError || err instanceof CsvError || err instanceof InputError) {
      io.stderr(`coupling: error: ${oneLine(err.message)}\n`);
      return EXIT_BAD_INPUT;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`coupling: internal error: ${oneLine(message)}\n`);
    return EXIT_INTERNAL;
  }
}

if (require.main === module) {
  process.exitCode = run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => fs.readFileSync(path),
  });
}
