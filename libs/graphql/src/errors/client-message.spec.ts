import {
  buildSchema,
  getVariableValues,
  GraphQLError,
  parse,
  OperationDefinitionNode,
} from 'graphql';
import { describeVariableError, scrubClientMessage } from './client-message';

const schema = buildSchema(`
  input SignUp { email: String!, password: String!, age: Int }
  type Query { a(input: SignUp): Int }
`);

function variableError(value: unknown): GraphQLError {
  const operation = parse('query($input: SignUp) { a(input: $input) }')
    .definitions[0] as OperationDefinitionNode;
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], { input: value });
  if (!('errors' in result) || !result.errors) throw new Error('expected an error');
  return result.errors[0];
}

describe('client messages', () => {
  it('drops the echoed value and the suggestion from a variable error', () => {
    const error = variableError({ email: 'a@b.c', password: 'hunter2-secret', passwrd: 'x' });
    expect(error.message).toContain('hunter2-secret');
    const message = describeVariableError(error);
    expect(message).toBe(
      'Variable "$input" got an invalid value; Field "passwrd" is not defined by type "SignUp".',
    );
  });

  it('keeps the path to the bad field, not its value', () => {
    const error = variableError({ email: 'a@b.c', password: 'p', age: 1e20 });
    expect(describeVariableError(error)).toBe(
      'Variable "$input" got an invalid value at "input.age"; Int cannot represent non 32-bit signed integer value',
    );
  });

  it('scrubs literal values and suggestions from validation messages', () => {
    expect(
      scrubClientMessage('Cannot query field "nam" on type "City". Did you mean "name"?'),
    ).toBe('Cannot query field "nam" on type "City".');
    expect(scrubClientMessage('Expected value of type "Int!", found "secret".')).toBe(
      'Expected value of type "Int!".',
    );
  });
});
