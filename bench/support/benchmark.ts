import { BenchServices } from './bench-database';
import { BenchReport } from './report';

export interface BenchContext {
  services: BenchServices;
  /** Environment for the api and worker processes under test. */
  appEnv: Record<string, string>;
  scale: number;
  pairs: number;
  /** Seconds per side of each pair for load tests. */
  durationSeconds: number;
  log(line: string): void;
}

export interface Benchmark {
  name: string;
  /** Its duration when `--seconds` is not given (default 10 s per side of a pair). */
  defaultSeconds?: number;
  /** One report, or several when one setup serves several comparisons. */
  run(context: BenchContext): Promise<BenchReport | BenchReport[]>;
}
