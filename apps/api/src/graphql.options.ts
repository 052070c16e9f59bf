import { ApolloDriverConfig } from '@nestjs/apollo';
import { SocketAuthenticator } from '@cc/auth';
import { AppConfig } from '@cc/config';
import { createGraphqlContext, formatGraphqlError, queryLimitsPlugin } from '@cc/graphql';
import { buildGraphqlWsOptions } from './graphql-ws.options';

export const SCHEMA_FILE = 'apps/api/schema.gql';

export function buildGraphqlOptions(
  config: AppConfig,
  sockets: SocketAuthenticator,
): ApolloDriverConfig {
  const production = config.isProduction;
  return {
    path: '/graphql',
    // The committed SDL is checked by test/schema.e2e-spec.ts; the running app keeps it in memory.
    autoSchemaFile: true,
    sortSchema: true,
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    graphiql: !production,
    allowBatchedHttpRequests: true,
    autoTransformHttpErrors: false,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    context: createGraphqlContext,
    formatError: formatGraphqlError,
    plugins: [queryLimitsPlugin(config.graphql)],
    // Subscriptions over graphql-ws on the same path (ws://host/graphql); see graphql-ws.options.
    subscriptions: { 'graphql-ws': buildGraphqlWsOptions(config, sockets) },
  };
}
