/** Raw obstacle degree of a weighted value: weight · (1 − value). */
export function obstacleDegree(weight: number, value: number): number {
  return weight * (1 - value);
}

/** Divides each entry by the sum of the entries; all zeros when the sum is 0. */
export function rowNormalize(values: Readonly<Record<string, number>>): Record<string, number> {
  let sum = 0;
  for (const v of Object.values(values)) sum += v;
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(values)) out[k] = sum !== 0 ? v / sum : 0;
  return out;
}
