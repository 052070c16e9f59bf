import { OperationDefinitionNode, parse } from 'graphql';
import { measureQueryShape } from './query-shape';

function shape(query: string) {
  const document = parse(query);
  return measureQueryShape(document, document.definitions[0] as OperationDefinitionNode);
}

describe('measureQueryShape', () => {
  it('counts depth of nested selections', () => {
    expect(shape('{ a { b { c } } }').depth).toBe(3);
  });

  it('follows fragments and inline fragments', () => {
    expect(shape('query { a { ...F } } fragment F on A { b { ... on B { c { d } } } }').depth).toBe(
      4,
    );
  });

  it('counts aliases, per fragment spread', () => {
    expect(shape('query { x: a y: a ...F ...F } fragment F on Q { z: a }').aliases).toBe(4);
  });

  it('ignores introspection subtrees', () => {
    expect(shape('{ __schema { types { fields { type { ofType { name } } } } } a }').depth).toBe(1);
  });

  it('survives recursive fragments', () => {
    expect(shape('query { ...F } fragment F on Q { a { ...F } }').depth).toBe(1);
  });
});

describe('measureQueryShape on fragment fan-out', () => {
  const fanOut = (levels: number) => {
    const fragments = ['fragment F0 on Q { a }'];
    for (let k = 1; k <= levels; k += 1)
      fragments.push(`fragment F${k} on Q { ...F${k - 1} ...F${k - 1} }`);
    return `query { ...F${levels} } ${fragments.join(' ')}`;
  };

  it('counts the expanded fields, measuring each fragment once', () => {
    expect(shape(fanOut(3)).fields).toBe(8);
    const started = process.hrtime.bigint();
    expect(shape(fanOut(40)).fields).toBe(2 ** 40);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(50);
  });
});
