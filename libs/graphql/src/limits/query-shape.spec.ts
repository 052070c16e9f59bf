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
