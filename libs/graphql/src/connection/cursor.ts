import { isUUID } from 'class-validator';
import { CommonException } from '../errors/domain.exception';

export type CursorKey = [sortValue: string | number | null, id: string];

const MAX_SORT_VALUE_LENGTH = 512;

/** Opaque keyset cursors: base64url of the sort value and id of the row they point at. */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

const sortValueOk = (value: unknown) =>
  value === null ||
  (typeof value === 'string' && value.length <= MAX_SORT_VALUE_LENGTH && !value.includes('\0')) ||
  (typeof value === 'number' && Number.isFinite(value));

/**
 * Decodes a cursor; `field` names the argument it came in. Anything this API would not have
 * given out (malformed, a non-UUID id, an odd sort value) is the client's error, never SQL's.
 */
export function decodeCursor(cursor: string, field = 'after'): CursorKey {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === 2 &&
      sortValueOk(key[0]) &&
      typeof key[1] === 'string' &&
      isUUID(key[1])
    ) {
      return key as CursorKey;
    }
  } catch {
    // fall through: any malformed cursor is the client's error
  }
  throw CommonException.invalidCursor(field);
}
