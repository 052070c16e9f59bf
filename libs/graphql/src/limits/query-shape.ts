import {
  DocumentNode,
  FragmentDefinitionNode,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';

export interface QueryShape {
  /** Deepest field nesting. */
  depth: number;
  /** Aliased fields, counted once per time they execute (a fragment spread twice counts twice). */
  aliases: number;
  /** Fields that would execute once every fragment is expanded, before page sizes multiply. */
  fields: number;
}

const EMPTY: QueryShape = { depth: 0, aliases: 0, fields: 0 };
const isIntrospection = (name: string) => name.startsWith('__');

/**
 * Measures every operation of a document, following fragments, in time linear in the document:
 * each fragment is measured once and its shape reused at every spread, so `fragment F1 { ...F0
 * ...F0 }` chains cost one visit per definition instead of 2^n. Counts grow with the expansion
 * (they may reach Infinity for huge fan-outs, which is simply over any limit). Introspection
 * subtrees are left out: they are bounded by the schema, and switched off in production.
 */
export class QueryShapeMeter {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly measured = new Map<string, QueryShape>();
  private readonly measuring = new Set<string>();

  constructor(document: DocumentNode) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        this.fragments.set(definition.name.value, definition);
    }
  }

  operation(operation: OperationDefinitionNode): QueryShape {
    return this.selectionSet(operation.selectionSet);
  }

  private fragment(name: string): QueryShape {
    const known = this.measured.get(name);
    if (known) return known;
    const fragment = this.fragments.get(name);
    // unknown and cyclic spreads are left to GraphQL validation, which refuses both
    if (!fragment || this.measuring.has(name)) return EMPTY;
    this.measuring.add(name);
    const shape = this.selectionSet(fragment.selectionSet);
    this.measuring.delete(name);
    this.measured.set(name, shape);
    return shape;
  }

  private selectionSet(selectionSet: SelectionSetNode): QueryShape {
    let depth = 0;
    let aliases = 0;
    let fields = 0;
    for (const selection of selectionSet.selections) {
      let inner: QueryShape;
      if (selection.kind === Kind.FIELD) {
        if (isIntrospection(selection.name.value)) continue;
        const below = selection.selectionSet ? this.selectionSet(selection.selectionSet) : EMPTY;
        inner = {
          depth: below.depth + 1,
          aliases: below.aliases + (selection.alias ? 1 : 0),
          fields: below.fields + 1,
        };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = this.selectionSet(selection.selectionSet);
      } else {
        inner = this.fragment(selection.name.value);
      }
      depth = Math.max(depth, inner.depth);
      aliases += inner.aliases;
      fields += inner.fields;
    }
    return { depth, aliases, fields };
  }
}

/** The shape of one operation of the document. */
export function measureQueryShape(
  document: DocumentNode,
  operation: OperationDefinitionNode,
): QueryShape {
  return new QueryShapeMeter(document).operation(operation);
}
