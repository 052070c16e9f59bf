/**
 * Runs the real CLI (`npm run --silent coupling -- ...`) as a child process: on the published
 * conformance examples, and on bad input.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  checkEx1,
  checkEx2,
  checkEx3Entropy,
  checkEx3Standard,
  checkEx3Wang,
} from '../../../libs/coupling/src/conformance/checks';
import type { OutputLike } from '../../../libs/coupling/src/conformance/checks';
import {
  EX1,
  EX2,
  EX3,
  ex1Model,
  ex2Model,
  ex3EntropyData,
  ex3EntropyModel,
  ex3Model,
} from '../../../libs/coupling/src/conformance/examples';
import type { PublishedComparison } from '../../../libs/coupling/src/conformance/published';
import { examplePath } from '../../../libs/coupling/src/conformance/published';

const REPO = path.resolve(__dirname, '../../..');
const TIMEOUT = 60_000;
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'coupling-cli-'));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function writeTmp(name: string, content: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, content, 'utf8');
  return file;
}

function cli(
  modelFile: string,
  dataFile: string,
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(
    'npm',
    ['run', '--silent', 'coupling', '--', '--model', modelFile, '--data', dataFile],
    {
      cwd: REPO,
      encoding: 'utf8',
      timeout: TIMEOUT,
    },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function runOk(name: string, model: Record<string, unknown>, dataFile: string): OutputLike {
  const r = cli(writeTmp(`${name}.json`, JSON.stringify(model)), dataFile);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as OutputLike;
}

function expectAllMatch(cmp: PublishedComparison, count: number): void {
  expect(cmp.mismatches).toEqual([]);
  expect(cmp.count).toBe(count);
}

describe('coupling CLI (child process) on the published examples', () => {
  it.each(['standard', 'wang', 'fan'] as const)(
    'ex2 %s: matches the published values to 7 decimals',
    (variant) => {
      const out = runOk(`ex2-${variant}`, ex2Model(variant), examplePath(EX2, 'gzma_scores.csv'));
      expect(out.samples).toHaveLength(118);
      expectAllMatch(checkEx2(variant, out), variant === 'standard' ? 36 : 12);
    },
    TIMEOUT,
  );

  it(
    'ex3: standard and Wang C, T, D and obstacles to 3 significant digits',
    () => {
      const data = examplePath(EX3, 'subsystem_scores.csv');
      expectAllMatch(checkEx3Standard(runOk('ex3-standard', ex3Model('standard'), data)), 36);
      expectAllMatch(checkEx3Wang(runOk('ex3-wang', ex3Model('wang', [0.4, 0.3, 0.3]), data)), 36);
    },
    TIMEOUT,
  );

  it(
    'ex3: the entropy_weight example',
    () => {
      const table = ex3EntropyData();
      const csv = [table.header, ...table.rows].map((r) => r.join(',')).join('\n');
      const out = runOk('ex3-entropy', ex3EntropyModel(), writeTmp('ex3-entropy.csv', csv));
      expectAllMatch(checkEx3Entropy(out), 6);
    },
    TIMEOUT,
  );

  it(
    'ex1: entropy weights, scores, C, T, D and obstacles (Chinese columns)',
    () => {
      const out = runOk('ex1', ex1Model(), examplePath(EX1, 'cdev-sim.csv'));
      expect(out.samples).toHaveLength(80);
      expectAllMatch(checkEx1(out), 132);
    },
    TIMEOUT,
  );
});

describe('coupling CLI (child process) on bad input', () => {
  const MODEL = ex3Model('standard');
  const DATA = () => examplePath(EX3, 'subsystem_scores.csv');

  function expectStatus2(modelFile: string, dataFile: string, message: RegExp): void {
    const r = cli(modelFile, dataFile);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  }

  it(
    'an unknown column',
    () => {
      const model = { ...MODEL, idColumns: ['region'] };
      expectStatus2(
        writeTmp('unknown.json', JSON.stringify(model)),
        DATA(),
        /unknown column "region"/,
      );
    },
    TIMEOUT,
  );

  it(
    'a non-numeric cell, with its row and column',
    () => {
      const data = writeTmp('bad.csv', 'ID,s1,s2,s3\nA,0.1,0.2,0.3\nB,0.4,n/a,0.6\n');
      expectStatus2(
        writeTmp('m.json', JSON.stringify(MODEL)),
        data,
        /non-numeric value "n\/a" in column "s2" at data row 2 \(line 3\)/,
      );
    },
    TIMEOUT,
  );

  it(
    'weights that do not sum to 1',
    () => {
      const model = ex3Model('wang', [0.4, 0.3, 0.2]);
      expectStatus2(
        writeTmp('w.json', JSON.stringify(model)),
        DATA(),
        /fixed subsystem weights sum to 0.9, not 1/,
      );
    },
    TIMEOUT,
  );

  it(
    'fewer than 2 subsystems',
    () => {
      const model = { ...MODEL, subsystems: [{ name: 's1', indicators: [{ column: 's1' }] }] };
      expectStatus2(writeTmp('one.json', JSON.stringify(model)), DATA(), /at least 2 subsystems/);
    },
    TIMEOUT,
  );

  it(
    'a missing file and invalid JSON',
    () => {
      expectStatus2(
        path.join(tmp, 'missing.json'),
        DATA(),
        /cannot read model file .*no such file/,
      );
      expectStatus2(writeTmp('broken.json', '{"subsystems": ['), DATA(), /is not valid JSON/);
    },
    TIMEOUT,
  );
});
