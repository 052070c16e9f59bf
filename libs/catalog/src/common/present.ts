import { ValidateIf } from 'class-validator';

/**
 * For partial updates of non-nullable columns: an omitted field is skipped, but an explicit
 * `null` is validated (and refused by the field's other rules) instead of reaching a NOT NULL column.
 */
export const IsOptionalNotNull = () =>
  ValidateIf((_object: object, value: unknown) => value !== undefined);

/** The fields of a partial-update input that were actually given (`null` included). */
export function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
