import { LocalWindowCounter } from './local-window-counter';

describe('LocalWindowCounter', () => {
  let now = 1_000_000;
  const counter = () => new LocalWindowCounter(() => now);

  it('counts hits within a window and starts over after it', () => {
    const local = counter();
    expect(local.hit('k', 60)).toEqual([1, 60]);
    now += 30_000;
    expect(local.hit('k', 60)).toEqual([2, 30]);
    now += 30_000;
    expect(local.hit('k', 60)).toEqual([1, 60]);
  });

  it('refunds only into an open window', () => {
    const local = counter();
    local.hit('k', 10);
    local.hit('k', 10);
    local.refund('k');
    expect(local.hit('k', 10)).toEqual([2, 10]);
    local.refund('other');
    expect(local.size).toBe(1);
    now += 10_000;
    local.refund('k');
    expect(local.hit('k', 10)).toEqual([1, 10]);
  });

  it('sweeps expired windows so that memory stays bounded', () => {
    const local = counter();
    for (let i = 0; i < 10_000; i += 1) local.hit(`old-${i}`, 1);
    now += 2_000;
    local.hit('new', 1);
    expect(local.size).toBe(1);
  });
});
