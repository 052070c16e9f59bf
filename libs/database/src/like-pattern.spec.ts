import { containsPattern, escapeLike } from './like-pattern';

describe('escapeLike / containsPattern', () => {
  it.each([
    ['100%', '100\\%'],
    ['a_b', 'a\\_b'],
    ['back\\slash', 'back\\\\slash'],
    ['%_\\', '\\%\\_\\\\'],
    ['沈阳故宫', '沈阳故宫'],
    ['plain', 'plain'],
  ])('escapes %p as %p', (input, expected) => {
    expect(escapeLike(input)).toBe(expected);
  });

  it('wraps the escaped text in wildcards', () => {
    expect(containsPattern('50%_off')).toBe('%50\\%\\_off%');
  });
});
