import {
  DocumentNode,
  FragmentDefinitionNode,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';

export interface QueryShape {
  depth: number;
  aliases: number;
}

const isIntrospection = (name: string) => name.startsWith('__');

/**
 * Depth and alias count of the operation that will run, following fragments. Introspection
 * subtrees are left out: they are bounded by the schema, and switched off in production.
 */
export function measureQueryShape(
  document: DocumentNode,
  operation: OperationDefinitionNode,
): QueryShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  let aliases = 0;

  const walk = (selectionSet: SelectionSetNode, depth: number, visiting: Set<string>): number => {
    let deepest = depth;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (isIntrospection(selection.name.value)) continue;
        if (selection.alias) aliases += 1;
        if (selection.selectionSet)
          deepest = Math.max(deepest, walk(selection.selectionSet, depth + 1, visiting));
        else deepest = Math.max(deepest, depth + 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, walk(selection.selectionSet, depth, visiting));
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visiting.has(name)) continue;
        // walked per spread: a fragment spread twice executes its aliases twice
        deepest = Math.max(
          deepest,
          walk(fragment.selectionSet, depth, new Set(visiting).add(name)),
        );
      }
    }
    return deepest;
  };

  const depth = walk(operation.selectionSet, 0, new Set());
  return { depth, aliases };
}
