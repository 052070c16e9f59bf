import { Transform } from 'class-transformer';

/** Trims strings before validation, so "  " is empty and names have no stray spaces. */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
