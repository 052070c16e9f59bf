import { CommonException } from '../errors/domain.exception';

export type CursorKey = [sortValue: string | number | null, id: string];

/** Opaque keyset cursors: base64url of the sort value and id of the row they point at. */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): CursorKey {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const sortValueOk = (value: unknown) =>
      value === null || typeof value === 'string' || typeof value === 'number';
    if (
      Array.isArray(key) &&
      key.length === 2 &&
      sortValueOk(key[0]) &&
      typeof key[1] === 'string'
    ) {
      return key as CursorKey;
    }
  } catch {
    // fall through: any malformed cursor is the client's error
  }
  throw CommonException.invalidCursor();
}
