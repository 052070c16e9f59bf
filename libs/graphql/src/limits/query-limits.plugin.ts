import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import { ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { describeVariableError, scrubClientMessage } from '../errors/client-message';
import { CommonErrorReason } from '../errors/domain.exception';
import { DEFAULT_PAGE_SIZE } from '../connection/connection.args';
import { refusedOperation } from './operation-limits';

export interface QueryLimits {
  maxComplexity: number;
}

const PAGE_SIZE_ARGS = ['first', 'last'] as const;

/**
 * A paginated field costs its page size times what each node costs. Page sizes are checked
 * here, before any resolver runs: a negative or zero `first` would otherwise make the cost
 * negative and hide every other field's cost.
 */
const paginationEstimator: ComplexityEstimator = ({ args, childComplexity, field }) => {
  const fieldArgs = new Set(field.args.map((arg) => arg.name));
  if (!PAGE_SIZE_ARGS.some((name) => fieldArgs.has(name))) return undefined;
  for (const name of PAGE_SIZE_ARGS) {
    const value: unknown = args[name];
    if (value === undefined || value === null) continue;
    if (!Number.isSafeInteger(value) || (value as number) < 1) {
      throw refusedOperation(
        CommonErrorReason.INVALID_PAGE_SIZE,
        `${field.name}(${name}) must be a positive whole number`,
      );
    }
  }
  const pageSize = Number(args.first ?? args.last ?? DEFAULT_PAGE_SIZE);
  return 1 + childComplexity * pageSize;
};

/**
 * The estimated cost of an operation: 1 per field, a paginated field its page size times its
 * children. The README (Performance) documents how it compares with the statements a read runs.
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
): number {
  return getComplexity({
    schema,
    query: document,
    operationName,
    variables,
    estimators: [paginationEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });
}

/**
 * Refuses operations whose estimated cost is over the limit, before any resolver runs. The
 * document's shape (fields, depth, aliases, directives) was already checked during validation
 * (operationLimitRules), so the walk here is bounded.
 */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<object>> {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return;
          let complexity: number;
          try {
            complexity = queryCost(
              schema as GraphQLSchema,
              document,
              request.variables ?? {},
              request.operationName ?? undefined,
            );
          } catch (error) {
            if (error instanceof GraphQLError && error.extensions.reason) throw error;
            // getComplexity coerces the variables first: a bad one (e.g. an unknown input
            // field) is the client's error, not a 500. Its message may echo the values sent
            // (passwords too) and suggest field names, so only the variable's name is kept.
            if (error instanceof GraphQLError) {
              throw refusedOperation(
                CommonErrorReason.VALIDATION_FAILED,
                describeVariableError(error) ?? scrubClientMessage(error.message),
              );
            }
            throw error;
          }
          if (complexity > limits.maxComplexity) {
            throw refusedOperation(
              CommonErrorReason.QUERY_TOO_COMPLEX,
              `Query cost ${complexity} exceeds the limit of ${limits.maxComplexity}`,
            );
          }
        },
      };
    },
  };
}
