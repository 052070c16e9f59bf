import { COUPLING_LEVELS } from '../../../libs/coupling/src/levels';
import type { CouplingLevelCode } from './api/queries';

/** The ten bands of D with their English and Chinese names, from the coupling engine itself. */
export const LEVEL_BANDS = COUPLING_LEVELS;

/** Light tints, red (disorder) to green (coordination): dark text on them keeps a 7:1 contrast. */
export const BAND_COLOURS = [
  '#fde0dd',
  '#fde5d2',
  '#feebc8',
  '#fff2c2',
  '#fff8c7',
  '#f3f9c9',
  '#e5f5c9',
  '#d5efcb',
  '#c7e9d0',
  '#b9e3d6',
] as const;

export function levelName(code: CouplingLevelCode): string {
  const band = LEVEL_BANDS.find((level) => level.code === code);
  return band ? `${band.labelZh} ${band.label}` : code;
}
