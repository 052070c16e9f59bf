import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  GraphQLSchema,
  isListType,
  isObjectType,
} from 'graphql';
import { LIST_FIELD_COVERAGE } from '../support/list-field-coverage';

const root = join(__dirname, '..', '..');

/** Connections on Query and object types, and lists of objects; a connection's own edges excluded. */
function listFields(schema: GraphQLSchema): string[] {
  const fields: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    if (type === schema.getMutationType() || type === schema.getSubscriptionType()) continue;
    if (type.name.endsWith('Connection')) {
      for (const field of Object.values(type.getFields())) {
        if (field.name === 'edges') continue;
        if (isListType(getNullableType(field.type)) && isObjectType(getNamedType(field.type))) {
          fields.push(`${type.name}.${field.name}`);
        }
      }
      continue;
    }
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      const list = isListType(getNullableType(field.type)) && isObjectType(named);
      const connection = isObjectType(named) && named.name.endsWith('Connection');
      if (list || connection) fields.push(`${type.name}.${field.name}`);
    }
  }
  return fields.sort();
}

describe('every list field has a statement-count test, or a stated reason', () => {
  const schema = buildSchema(readFileSync(join(root, 'apps/api/schema.gql'), 'utf8'));
  const fields = listFields(schema);

  it('finds the list fields of the schema', () => {
    expect(fields).toEqual(expect.arrayContaining(['Query.projects', 'ProductionOrder.reviews']));
    expect(fields).not.toContain('ProjectConnection.edges');
  });

  it('names every list field in the coverage registry', () => {
    expect(fields.filter((field) => !(field in LIST_FIELD_COVERAGE))).toEqual([]);
  });

  it('names no field the schema no longer has', () => {
    expect(Object.keys(LIST_FIELD_COVERAGE).filter((field) => !fields.includes(field))).toEqual([]);
  });

  it('points each covered field at a test file that counts statements and selects the field', () => {
    const unproven = Object.entries(LIST_FIELD_COVERAGE).flatMap(([field, coverage]) => {
      if (!('test' in coverage)) return [];
      const path = join(root, coverage.test);
      if (!existsSync(path)) return [`${field}: ${coverage.test} is missing`];
      const text = readFileSync(path, 'utf8');
      const name = field.split('.')[1];
      const counts = /pageStatements|countQueries|recordQueries/.test(text);
      return counts && new RegExp(`\\b${name}\\b`).test(text)
        ? []
        : [`${field}: ${coverage.test} does not count statements of ${name}`];
    });
    expect(unproven).toEqual([]);
  });

  it('gives every uncovered field a reason', () => {
    const silent = Object.entries(LIST_FIELD_COVERAGE).filter(([, coverage]) => {
      if ('test' in coverage) return false;
      return coverage.inMemory.trim().length < 10;
    });
    expect(silent).toEqual([]);
  });
});
