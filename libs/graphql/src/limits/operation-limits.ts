import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { DocumentNode, GraphQLError, Kind, ValidationRule } from 'graphql';
import { CommonErrorReason } from '../errors/domain.exception';
import { GraphqlErrorCode } from '../errors/graphql-error-code';
import { QueryShape, QueryShapeMeter } from './query-shape';

/** Limits on the document itself, checked before anything executes, on HTTP and WebSocket. */
export interface OperationLimits {
  maxQueryLength: number;
  maxTokens: number;
  maxFields: number;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
}

/** A refusal in the GraphQL error shape; Apollo answers it with HTTP 400. */
export function refusedOperation(reason: CommonErrorReason, message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: GraphqlErrorCode.BAD_USER_INPUT, reason, http: { status: 400 } },
  });
}

/** The same, reported from a validation rule (Apollo sets the HTTP status itself). */
function invalidOperation(reason: CommonErrorReason, message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: GraphqlErrorCode.BAD_USER_INPUT, reason },
  });
}

/** The first limit the shape breaks, cheapest signal first. */
function shapeViolation(shape: QueryShape, limits: OperationLimits): GraphQLError | undefined {
  if (shape.fields > limits.maxFields) {
    return invalidOperation(
      CommonErrorReason.TOO_MANY_FIELDS,
      `The operation selects ${Number.isFinite(shape.fields) ? shape.fields : 'too many'} fields once fragments are expanded; the limit is ${limits.maxFields}`,
    );
  }
  if (shape.depth > limits.maxDepth) {
    return invalidOperation(
      CommonErrorReason.QUERY_TOO_DEEP,
      `Query depth ${shape.depth} exceeds the limit of ${limits.maxDepth}`,
    );
  }
  if (shape.aliases > limits.maxAliases) {
    return invalidOperation(
      CommonErrorReason.TOO_MANY_ALIASES,
      `Query uses ${shape.aliases} aliases; the limit is ${limits.maxAliases}`,
    );
  }
  return undefined;
}

/** Fields, depth and aliases of every operation in the document, measured in linear time. */
export function documentShapeViolation(
  document: DocumentNode,
  limits: OperationLimits,
): GraphQLError | undefined {
  const meter = new QueryShapeMeter(document);
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const violation = shapeViolation(meter.operation(definition), limits);
    if (violation) return violation;
  }
  return undefined;
}

/**
 * Validation rules for the limits. The shape rule acts when the Document is entered, so it runs
 * before any other rule walks the operation; the directive limit is graphql-armor's.
 */
export function operationLimitRules(limits: OperationLimits): ValidationRule[] {
  const shapeRule: ValidationRule = (context) => ({
    Document(document) {
      const violation = documentShapeViolation(document, limits);
      if (violation) context.reportError(violation);
    },
  });
  const directivesRule: ValidationRule = (context) =>
    maxDirectivesRule({
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: [
        () =>
          context.reportError(
            invalidOperation(
              CommonErrorReason.TOO_MANY_DIRECTIVES,
              `The operation uses more than ${limits.maxDirectives} directives`,
            ),
          ),
      ],
    })(context);
  return [shapeRule, directivesRule];
}

/** A query string over the length limit, or undefined. */
export function queryLengthViolation(
  query: unknown,
  limits: Pick<OperationLimits, 'maxQueryLength'>,
): GraphQLError | undefined {
  if (typeof query !== 'string' || query.length <= limits.maxQueryLength) return undefined;
  return invalidOperation(
    CommonErrorReason.QUERY_TOO_LONG,
    `The query is ${query.length} characters long; the limit is ${limits.maxQueryLength}`,
  );
}
