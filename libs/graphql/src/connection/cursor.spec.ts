import { CommonException } from '../errors/domain.exception';
import { decodeCursor, encodeCursor } from './cursor';

describe('cursor', () => {
  it('round-trips a key', () => {
    const key: [string, string] = [
      '2026-11-28T10:00:00.000Z',
      '5b1c1d8e-0000-4000-8000-000000000000',
    ];
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
  });

  it.each([
    '',
    'not-base64!',
    Buffer.from('{"a":1}').toString('base64url'),
    Buffer.from('[1,2]').toString('base64url'),
  ])('rejects malformed cursor %p as a client error', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(CommonException);
  });
});
