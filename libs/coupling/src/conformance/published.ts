/**
 * Helpers for the conformance specs: locate ../shared/conformance/ccd beside the repository,
 * read the published outputs, and compare numbers at the precision they were printed with.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';

/** The repository root: the nearest ancestor holding both package.json and libs/. */
function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'libs'))) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no repository root above ${__dirname}`);
    dir = parent;
  }
}

/** `<repo>/../shared/conformance/ccd`, or $CCD_CONFORMANCE_DIR when set. */
export function conformanceDir(): string {
  const dir =
    process.env.CCD_CONFORMANCE_DIR ??
    path.resolve(repoRoot(), '..', 'shared', 'conformance', 'ccd');
  if (!fs.existsSync(path.join(dir, 'README.md'))) {
    throw new Error(`the conformance examples are not at ${dir}`);
  }
  return dir;
}

export function examplePath(example: string, file: string): string {
  return path.join(conformanceDir(), example, file);
}

/** The sections of an expected_outputs.txt: title (after "## ") → rows of whitespace-split tokens. */
export function readSections(example: string): Map<string, string[][]> {
  const text = fs.readFileSync(examplePath(example, 'expected_outputs.txt'), 'utf8');
  const sections = new Map<string, string[][]>();
  let current: string[][] | null = null;
  let title = '';
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('## ')) {
      if (current && current.length === 0) {
        // A title continued on the next "## " line.
        sections.delete(title);
        title = `${title} ${line.slice(3).trim()}`;
      } else {
        current = [];
        title = line.slice(3).trim();
      }
      sections.set(title, current);
    } else if (line.startsWith('#')) {
      current = null;
    } else if (current && line.trim() !== '') {
      current.push(line.trim().split(/\s+/));
    }
  }
  return sections;
}

/** The rows of the one section whose title starts with `prefix`. */
export function section(sections: Map<string, string[][]>, prefix: string): string[][] {
  const matches = [...sections.keys()].filter((t) => t.startsWith(prefix));
  if (matches.length !== 1) {
    throw new Error(`expected one section starting with "${prefix}", found ${matches.length}`);
  }
  const rows = sections.get(matches[0])!;
  if (rows.length === 0) throw new Error(`section "${matches[0]}" is empty`);
  return rows;
}

/** A CSV file of an example as header + rows of text cells. */
export function readExampleCsv(
  example: string,
  file: string,
): { header: string[]; rows: string[][] } {
  const records = parse(fs.readFileSync(examplePath(example, file)), {
    bom: true,
    skip_empty_lines: true,
  }) as string[][];
  return { header: records[0], rows: records.slice(1) };
}

/** Number of decimals printed in `printed` (e.g. "0.000820" → 6, "36.2" → 1, "2015" → 0). */
export function printedDecimals(printed: string): number {
  if (!/^-?\d+(\.\d+)?$/.test(printed)) throw new Error(`not a printed decimal: "${printed}"`);
  const dot = printed.indexOf('.');
  return dot < 0 ? 0 : printed.length - dot - 1;
}

/**
 * True when `actual`, rounded to the last place printed in `printed`, gives `printed`:
 * |actual − printed| ≤ half a unit in that place (plus a hair for the decimal parsing of `printed`).
 */
export function matchesPrinted(actual: number, printed: string): boolean {
  const half = 0.5 * 10 ** -printedDecimals(printed);
  return Math.abs(actual - Number(printed)) <= half * (1 + 1e-9) + 1e-15;
}

export interface Mismatch {
  what: string;
  printed: string;
  actual: number;
}

/** Collects comparisons so one assertion can report every mismatch at once. */
export class PublishedComparison {
  readonly mismatches: Mismatch[] = [];
  count = 0;

  check(what: string, actual: number | undefined, printed: string): void {
    this.count += 1;
    if (actual === undefined || !matchesPrinted(actual, printed)) {
      this.mismatches.push({ what, printed, actual: actual ?? NaN });
    }
  }
}
