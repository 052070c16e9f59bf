/** One measurement of one side: the figure compared, plus whatever else is worth reporting. */
export interface Sample {
  /** The compared figure (requests/s, rows/s, jobs/s, or seconds where lower is better). */
  value: number;
  details?: Record<string, number>;
}

export interface PairedResult {
  project: Sample[];
  baseline: Sample[];
  /** project ÷ baseline per pair, in run order. */
  ratios: number[];
  medianRatio: number;
  medianProject: Sample;
  medianBaseline: Sample;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function medianSample(samples: Sample[]): Sample {
  const value = median(samples.map((sample) => sample.value));
  return samples.reduce((best, sample) =>
    Math.abs(sample.value - value) < Math.abs(best.value - value) ? sample : best,
  );
}

/**
 * Runs project and baseline alternately (A, B, A, B, …) so drift on a shared machine — another
 * process, thermal state, caches — falls on both sides alike, and reports the median ratio.
 */
export async function interleaved(
  pairs: number,
  project: (round: number) => Promise<Sample>,
  baseline: (round: number) => Promise<Sample>,
): Promise<PairedResult> {
  if (pairs < 3) throw new Error('a comparison needs at least 3 pairs');
  const result: PairedResult = {
    project: [],
    baseline: [],
    ratios: [],
    medianRatio: 0,
    medianProject: { value: 0 },
    medianBaseline: { value: 0 },
  };
  for (let round = 0; round < pairs; round += 1) {
    const a = await project(round);
    const b = await baseline(round);
    result.project.push(a);
    result.baseline.push(b);
    result.ratios.push(b.value === 0 ? 0 : a.value / b.value);
  }
  result.medianRatio = median(result.ratios);
  result.medianProject = medianSample(result.project);
  result.medianBaseline = medianSample(result.baseline);
  return result;
}
