import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { SocketAuthenticator } from '@cc/auth';
import { AppConfig } from '@cc/config';
import {
  createGraphqlContext,
  formatGraphqlError,
  operationLimitRules,
  queryLimitsPlugin,
} from '@cc/graphql';
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
    // Document limits: tokens while parsing, then fields/depth/aliases/directives as validation
    // rules, then the cost (page sizes multiplied) before execution. See README "Security".
    parseOptions: { maxTokens: config.graphql.maxTokens },
    validationRules: operationLimitRules(config.graphql),
    // Apollo's default cache-control plugin sets no header here (no field declares a hint), yet
    // its per-field hook makes Apollo wrap every resolver: a quarter of a nested page's CPU.
    plugins: [queryLimitsPlugin(config.graphql), ApolloServerPluginCacheControlDisabled()],
    // Subscriptions over graphql-ws on the same path (ws://host/graphql); see graphql-ws.options.
    subscriptions: { 'graphql-ws': buildGraphqlWsOptions(config, sockets) },
  };
}
