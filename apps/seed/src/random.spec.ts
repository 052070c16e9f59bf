import { Random } from './random';

describe('Random', () => {
  const draws = (random: Random) => [
    random.uint32(),
    random.next(),
    random.int(1, 6),
    random.uuid(),
    random.pick(['a', 'b', 'c']),
    random.sample([1, 2, 3, 4, 5], 3),
    random.poisson(4),
    random.poisson(80),
  ];

  it('gives the same sequence for the same seed', () => {
    expect(draws(new Random('shenyang'))).toEqual(draws(new Random('shenyang')));
  });

  it('gives a different sequence for another seed', () => {
    expect(draws(new Random('shenyang'))).not.toEqual(draws(new Random('dalian')));
  });

  it('forks independent, reproducible streams', () => {
    const a = new Random('s').fork('projects');
    const b = new Random('s').fork('projects');
    const c = new Random('s').fork('sales');
    expect(a.uuid()).toBe(b.uuid());
    expect(a.uuid()).not.toBe(c.uuid());
  });

  it('makes valid version-4 UUIDs', () => {
    const random = new Random('ids');
    for (let i = 0; i < 100; i += 1) {
      expect(random.uuid()).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    }
  });

  it('keeps int, real and sample within their bounds', () => {
    const random = new Random('bounds');
    for (let i = 0; i < 1000; i += 1) {
      const n = random.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
      const x = random.real(1, 2);
      expect(x).toBeGreaterThanOrEqual(1);
      expect(x).toBeLessThan(2);
    }
    expect(new Set(random.sample([1, 2, 3, 4], 4)).size).toBe(4);
    expect(random.sample([1, 2], 5)).toHaveLength(2);
  });

  it('picks by weight', () => {
    const random = new Random('weights');
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 4000; i += 1)
      counts[
        random.weighted([
          ['a', 3],
          ['b', 1],
        ] as const)
      ] += 1;
    expect(counts.a / 4000).toBeCloseTo(0.75, 1);
  });
});
