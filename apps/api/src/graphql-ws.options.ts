import type { IncomingMessage } from 'node:http';
import { GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import { CloseCode } from 'graphql-ws';
import type { WebSocket } from 'ws';
import { AuthErrorCode, AuthException, SocketAuthenticator } from '@cc/auth';
import { AppConfig } from '@cc/config';
import { webSocketOperationHooks } from '@cc/graphql';

export const MAX_SUBSCRIPTIONS_PER_SOCKET = 20;

interface SocketExtra {
  socket: WebSocket;
  request: IncomingMessage;
}

/**
 * GraphQL over WebSocket (graphql-ws protocol, same path as HTTP).
 *
 * Authentication happens twice, with the same code as HTTP: when the socket opens, the access
 * token from `connectionParams.authorization` ('Bearer <jwt>') is verified and its session
 * loaded. A token that is present but bad closes the socket with 4403 and the reason
 * (TOKEN_INVALID, TOKEN_EXPIRED, SESSION_REVOKED); no token gives an anonymous socket on which
 * only @Public subscriptions work. Then every subscription passes the AccessGuard, which reads
 * the same token from the connection params. The socket is closed (4403 TOKEN_EXPIRED) when
 * its token expires, so a revoked session stops receiving within one token lifetime; the
 * graphql-ws client reconnects and resubscribes, calling its `connectionParams` function for a
 * fresh token. Every WS_SESSION_CHECK_SECONDS the socket's session is checked again, so a
 * logout, a password change or a refresh-token reuse closes it (4403 SESSION_REVOKED) within
 * that interval rather than at token expiry.
 */
export function buildGraphqlWsOptions(
  config: AppConfig,
  sockets: SocketAuthenticator,
): GraphQLWsSubscriptionsConfig {
  const timers = new WeakMap<object, NodeJS.Timeout[]>();
  const hooks = webSocketOperationHooks({
    ...config.graphql,
    maxSubscriptionsPerSocket: MAX_SUBSCRIPTIONS_PER_SOCKET,
  });
  const options = {
    ...hooks,
    async onConnect(ctx) {
      const { socket, request } = ctx.extra as SocketExtra;
      let identity;
      try {
        identity = await sockets.authenticate({
          req: request,
          connectionParams: ctx.connectionParams,
        });
      } catch (error) {
        if (!(error instanceof AuthException)) throw error;
        socket.close(CloseCode.Forbidden, error.reason);
        return false;
      }
      if (identity) {
        const close = (reason: string) => socket.close(CloseCode.Forbidden, reason);
        const expiry = setTimeout(
          () => close(AuthErrorCode.TOKEN_EXPIRED),
          Math.max(identity.expiresAt.getTime() - Date.now(), 0),
        );
        const sessionCheck = setInterval(() => {
          sockets
            .authenticate({ req: request, connectionParams: ctx.connectionParams })
            .catch((error: unknown) => {
              if (error instanceof AuthException) close(error.reason);
            });
        }, config.http.webSocketSessionCheckSeconds * 1000);
        expiry.unref();
        sessionCheck.unref();
        timers.set(ctx, [expiry, sessionCheck]);
      }
      return true;
    },
    onClose(ctx) {
      for (const timer of timers.get(ctx) ?? []) clearTimeout(timer);
    },
  } satisfies GraphQLWsSubscriptionsConfig & Pick<typeof hooks, 'onError' | 'validate'>;
  // Nest's type lists fewer hooks than it passes on: `onError` and `validate` reach graphql-ws.
  return options;
}
