import { evaluate, parseModel } from '@cc/coupling';
import { serializeOutput, toCliOutput } from './output';

const model = parseModel({
  idColumns: ['city'],
  subsystems: [
    { name: 'a', indicators: [{ column: 'x', direction: 'positive' }] },
    { name: 'b', indicators: [{ column: 'y', direction: 'negative' }] },
  ],
});

describe('CLI output', () => {
  const result = evaluate(model, [
    { id: ['p'], values: { x: 1, y: 3 } },
    { id: ['q'], values: { x: 2, y: 1 } },
    { id: ['r'], values: { x: 4, y: 2 } },
  ]);

  it('has exactly the documented shape', () => {
    const out = toCliOutput(result);
    expect(Object.keys(out)).toEqual([
      'indicatorWeights',
      'subsystemWeights',
      'samples',
      'warnings',
    ]);
    expect(Object.keys(out.samples[0])).toEqual([
      'id',
      'scores',
      'U',
      'C',
      'T',
      'D',
      'level',
      'obstacles',
      'obstaclesNormalized',
    ]);
    expect(Object.keys(out.samples[0].obstacles)).toEqual(['indicators', 'subsystems']);
    expect(out.samples.map((s) => s.id)).toEqual([['p'], ['q'], ['r']]);
  });

  it('keeps full double precision', () => {
    const text = serializeOutput(toCliOutput(result));
    const parsed = JSON.parse(text) as ReturnType<typeof toCliOutput>;
    parsed.samples.forEach((s, i) => {
      expect(s.D).toBe(result.samples[i].D);
      expect(s.C).toBe(result.samples[i].C);
      expect(s.U).toEqual(result.samples[i].U);
    });
    expect(text).toContain(String(result.samples[0].T));
  });

  it('refuses to write a non-finite number as null', () => {
    const out = toCliOutput(result);
    out.samples[0].D = NaN;
    expect(() => serializeOutput(out)).toThrow(/non-finite/);
  });
});
