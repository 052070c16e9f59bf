import { GraphQLError } from 'graphql';

/**
 * graphql-js writes the values a client sent into its messages (`got invalid value {password:
 * "…"}`, `cannot represent non-integer value: "…"`) and suggests schema names (`Did you mean
 * "…"?`). Both are stripped from every message the client sees: values may be secrets, and
 * suggestions map the schema with introspection switched off.
 */
export function scrubClientMessage(message: string): string {
  return message
    .replace(/\s*Did you mean [^?]*\?/g, '')
    .replace(/(cannot represent [^:;]*?value)(?:: .*)?$/s, '$1')
    .replace(/(Expected value of type "[^"]+"), found .*?(;|\.?$)/s, '$1$2')
    .trim();
}

const VARIABLE_PREFIX = /^Variable "(\$[_A-Za-z][_0-9A-Za-z]*)" got invalid value /;

/**
 * `Variable "$input" got invalid value {…} at "input.price"; Int cannot represent …` keeps the
 * variable, the path to the bad field and the reason, without the value.
 */
export function describeVariableError(error: GraphQLError): string | undefined {
  const variable = VARIABLE_PREFIX.exec(error.message)?.[1];
  if (!variable) return undefined;
  const inner = error.originalError?.message;
  let head = error.message;
  if (inner && head.endsWith(`; ${inner}`)) head = head.slice(0, -(inner.length + 2));
  const path = / at "([^"]*)"$/.exec(head)?.[1];
  const where = path ? ` at "${path}"` : '';
  const why = inner ? `; ${scrubClientMessage(inner)}` : '';
  return `Variable "${variable}" got an invalid value${where}${why}`;
}
