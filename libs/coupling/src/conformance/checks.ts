/**
 * Comparisons of an engine result or a CLI output (same shape) with each published example.
 * Every number printed in the examples' expected_outputs.txt is checked here at its printed precision.
 */
import { EX1, EX1_SUBSYSTEMS, EX2, EX3 } from './examples';
import { PublishedComparison, readSections, section } from './published';

export interface SampleLike {
  id: string[];
  scores: Record<string, number>;
  U: Record<string, number>;
  C: number;
  T: number;
  D: number;
  obstacles: { indicators: Record<string, number>; subsystems: Record<string, number> };
}

export interface OutputLike {
  indicatorWeights: Record<string, number>;
  subsystemWeights: Record<string, number>;
  samples: SampleLike[];
}

function byId(out: OutputLike): Map<string, SampleLike> {
  return new Map(out.samples.map((s) => [s.id.join('|'), s]));
}

function dataRows(rows: string[][]): string[][] {
  return rows.filter((r) => r[0] !== 'ID');
}

/** ex2: normalised values (from the standard run) and C, D of one variant. */
export function checkEx2(
  variant: 'standard' | 'wang' | 'fan',
  out: OutputLike,
): PublishedComparison {
  const cmp = new PublishedComparison();
  const sections = readSections(EX2);
  const samples = byId(out);
  const names = ['PS', 'EL', 'OH', 'IL'];
  if (variant === 'standard') {
    for (const [fid, ...values] of section(sections, 'head(dt)')) {
      names.forEach((n, k) =>
        cmp.check(`normalised ${n} of unit ${fid}`, samples.get(fid)?.U[n], values[k]),
      );
    }
  }
  const title =
    variant === 'standard' ? 'ccd(dt)  method="standard"' : `ccd(dt, method="${variant}")`;
  for (const [fid, c, d] of section(sections, title)) {
    cmp.check(`${variant} C of unit ${fid}`, samples.get(fid)?.C, c);
    cmp.check(`${variant} D of unit ${fid}`, samples.get(fid)?.D, d);
  }
  return cmp;
}

/** ex3 standard with equal weights: C, T, D and the obstacle degrees (1 − U)/3. */
export function checkEx3Standard(out: OutputLike): PublishedComparison {
  const cmp = new PublishedComparison();
  const sections = readSections(EX3);
  const samples = byId(out);
  for (const [id, c, t, d] of dataRows(section(sections, 'coupling_degree(df, id_cols="ID")'))) {
    cmp.check(`standard C of ${id}`, samples.get(id)?.C, c);
    cmp.check(`T of ${id}`, samples.get(id)?.T, t);
    cmp.check(`standard D of ${id}`, samples.get(id)?.D, d);
  }
  for (const [id, ...o] of dataRows(section(sections, 'obstacle_degree(df, id_cols="ID")'))) {
    ['s1', 's2', 's3'].forEach((s, k) =>
      cmp.check(
        `equal-weight obstacle ${s} of ${id}`,
        samples.get(id)?.obstacles.subsystems[s],
        o[k],
      ),
    );
  }
  return cmp;
}

/** ex3 Wang C with α = 0.4/0.3/0.3: C, T, D and the obstacle degrees (1 − U)·α. */
export function checkEx3Wang(out: OutputLike): PublishedComparison {
  const cmp = new PublishedComparison();
  const sections = readSections(EX3);
  const samples = byId(out);
  for (const [id, c, t, d] of dataRows(section(sections, 'coupling_degree(df, c(0.4,0.3,0.3)'))) {
    cmp.check(`wang C of ${id}`, samples.get(id)?.C, c);
    cmp.check(`weighted T of ${id}`, samples.get(id)?.T, t);
    cmp.check(`wang D of ${id}`, samples.get(id)?.D, d);
  }
  for (const [id, ...o] of dataRows(section(sections, 'obstacle_degree(df, c(0.4,0.3,0.3)'))) {
    ['s1', 's2', 's3'].forEach((s, k) =>
      cmp.check(`weighted obstacle ${s} of ${id}`, samples.get(id)?.obstacles.subsystems[s], o[k]),
    );
  }
  return cmp;
}

/** ex3's entropy_weight example: the two weights and the four scores (×100). */
export function checkEx3Entropy(out: OutputLike): PublishedComparison {
  const cmp = new PublishedComparison();
  const rows = section(readSections(EX3), 'entropy_weight(');
  const w = rows.find((r) => r[0] === 'w:')!;
  for (let i = 1; i + 1 < w.length; i += 2) {
    cmp.check(`entropy weight of ${w[i]}`, out.indicatorWeights[w[i]], w[i + 1]);
  }
  const s = rows.find((r) => r[0] === 's:')!;
  s.slice(1).forEach((printed, i) =>
    cmp.check(`score of sample ${i + 1}`, byId(out).get(String(i + 1))?.scores.X, printed),
  );
  return cmp;
}

/**
 * ex1: the nine entropy weights, the printed subsystem scores, the fixed α, C, T, D and the
 * subsystem obstacles of the printed rows, and the yearly sums of the obstacles over the provinces.
 */
export function checkEx1(out: OutputLike): PublishedComparison {
  const cmp = new PublishedComparison();
  const sections = readSections(EX1);
  const samples = byId(out);
  const names = EX1_SUBSYSTEMS.map((s) => s.name);
  for (const [column, w] of section(sections, 'indicator weights')) {
    cmp.check(`entropy weight of ${column}`, out.indicatorWeights[column], w);
  }
  for (const [region, year, ...scores] of section(sections, 'subsystem scores')) {
    names.forEach((n, k) =>
      cmp.check(
        `score ${n} of ${region} ${year}`,
        samples.get(`${region}|${year}`)?.scores[n],
        scores[k],
      ),
    );
  }
  for (const [name, w] of section(sections, 'system weights')) {
    cmp.check(`subsystem weight of ${name}`, out.subsystemWeights[name], w);
  }
  for (const [year, region, c, t, d] of section(sections, 'coupling_degree per year')) {
    const s = samples.get(`${region}|${year}`);
    cmp.check(`C of ${region} ${year}`, s?.C, c);
    cmp.check(`T of ${region} ${year}`, s?.T, t);
    cmp.check(`D of ${region} ${year}`, s?.D, d);
  }
  for (const [year, region, ...o] of section(sections, 'obstacle_degree per year')) {
    names.forEach((n, k) =>
      cmp.check(
        `obstacle ${n} of ${region} ${year}`,
        samples.get(`${region}|${year}`)?.obstacles.subsystems[n],
        o[k],
      ),
    );
  }
  for (const [year, ...sums] of section(sections, 'yearly sum of obstacle degrees')) {
    const ofYear = out.samples.filter((s) => s.id[1] === year);
    names.forEach((n, k) =>
      cmp.check(
        `sum of ${n} obstacles in ${year} (${ofYear.length} provinces)`,
        ofYear.length === 8
          ? ofYear.reduce((acc, s) => acc + s.obstacles.subsystems[n], 0)
          : undefined,
        sums[k],
      ),
    );
  }
  return cmp;
}
