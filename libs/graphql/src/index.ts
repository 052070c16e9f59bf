export { ConnectionArgs, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './connection/connection.args';
export {
  Connection,
  ConnectionType,
  Edge,
  LazyCount,
  lazyCount,
  PageInfo,
  resolveCount,
} from './connection/connection.type';
export { decodeCursor, encodeCursor } from './connection/cursor';
export { paginate, SortKey } from './connection/paginate';
export { paginateByScore } from './connection/paginate-by-score';
export { BatchLoad, byKeys, groupByKeys, LoaderRegistry } from './dataloader/loader-registry';
export {
  CommonErrorReason,
  CommonException,
  DomainException,
  FieldError,
} from './errors/domain.exception';
export { formatGraphqlError } from './errors/format-graphql-error';
export { GraphqlErrorCode } from './errors/graphql-error-code';
export { createValidationPipe, flattenValidationErrors } from './errors/validation';
export { createGraphqlContext, GraphqlContext, graphqlContextOf, Loaders } from './graphql-context';
export { bodyErrorMiddleware } from './limits/body-error.middleware';
export { queryCost, queryLimitsPlugin, QueryLimits } from './limits/query-limits.plugin';
export { OperationLimits, operationLimitRules } from './limits/operation-limits';
export { requestLimitsMiddleware, RequestLimits } from './limits/request-limits.middleware';
export {
  TOO_MANY_SUBSCRIPTIONS,
  WEBSOCKET_ONLY_SUBSCRIPTIONS,
  webSocketOperationHooks,
  WebSocketOperationLimits,
} from './subscriptions/websocket-operations';
export { Trim } from './input/trim';
export { ParseIdPipe } from './input/parse-id.pipe';
export { RejectNulPipe } from './input/reject-nul.pipe';
