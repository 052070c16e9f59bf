import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError, GraphQLSchema } from 'graphql';
import { ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { CommonErrorReason } from '../errors/domain.exception';
import { GraphqlErrorCode } from '../errors/graphql-error-code';
import { DEFAULT_PAGE_SIZE } from '../connection/connection.args';
import { measureQueryShape } from './query-shape';

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
  maxAliases: number;
}

/** A paginated field costs its page size times what each node costs. */
const paginationEstimator: ComplexityEstimator = ({ args, childComplexity, field }) => {
  const fieldArgs = new Set(field.args.map((arg) => arg.name));
  if (!fieldArgs.has('first') && !fieldArgs.has('last')) return undefined;
  const pageSize = Number(args.first ?? args.last ?? DEFAULT_PAGE_SIZE);
  return 1 + childComplexity * pageSize;
};

function rejected(reason: CommonErrorReason, message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: GraphqlErrorCode.BAD_USER_INPUT, reason, http: { status: 400 } },
  });
}

/** Refuses too-deep, too-aliased and too-costly operations before any resolver runs. */
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart(): Promise<GraphQLRequestListener<object>> {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return;
          const { depth, aliases } = measureQueryShape(document, operation);
          if (depth > limits.maxDepth) {
            throw rejected(
              CommonErrorReason.QUERY_TOO_DEEP,
              `Query depth ${depth} exceeds the limit of ${limits.maxDepth}`,
            );
          }
          if (aliases > limits.maxAliases) {
            throw rejected(
              CommonErrorReason.TOO_MANY_ALIASES,
              `Query uses ${aliases} aliases; the limit is ${limits.maxAliases}`,
            );
          }
          let complexity: number;
          try {
            complexity = getComplexity({
              schema: schema as GraphQLSchema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [paginationEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (error) {
            // getComplexity coerces the variables first: a bad one (e.g. an unknown input
            // field) is the client's error, not a 500.
            if (error instanceof GraphQLError) {
              throw rejected(CommonErrorReason.VALIDATION_FAILED, error.message);
            }
            throw error;
          }
          if (complexity > limits.maxComplexity) {
            throw rejected(
              CommonErrorReason.QUERY_TOO_COMPLEX,
              `Query cost ${complexity} exceeds the limit of ${limits.maxComplexity}`,
            );
          }
        },
      };
    },
  };
}
