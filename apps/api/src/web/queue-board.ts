import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { AuthException, Role, SocketAuthenticator, SocketIdentity } from '@cc/auth';
import { DomainException, GraphqlErrorCode } from '@cc/graphql';
import { QueueName, QueueService } from '@cc/queue';

export const QUEUE_BOARD_PATH = '/admin/queues';
/** HttpOnly cookie holding an ADMIN's access token, for the board's own browser requests. */
export const QUEUE_BOARD_COOKIE = 'cc_queue_board';

function cookieOf(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/**
 * The credentials of a board request: the `Authorization: Bearer` header, else the cookie that
 * `POST /admin/queues/session` set. Both carry the same access token and get the same checks.
 */
function credentialsOf(req: Request): { req: { headers: { authorization?: string } } } {
  const cookie = cookieOf(req, QUEUE_BOARD_COOKIE);
  const authorization = req.headers.authorization ?? (cookie ? `Bearer ${cookie}` : undefined);
  return { req: { headers: { authorization } } };
}

function refuse(res: Response, error: DomainException): void {
  const status = error.code === GraphqlErrorCode.UNAUTHENTICATED ? 401 : 403;
  if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
  res
    .status(status)
    .json({ error: { code: error.code, reason: error.reason, message: error.message } });
}

/** Auth failures answer 401/403 as JSON; anything else goes to Express's error handling. */
function refusal(res: Response, next: NextFunction) {
  return (error: unknown) => (error instanceof DomainException ? refuse(res, error) : next(error));
}

/**
 * Bull Board at /admin/queues for operators: every queue of the registry, ADMIN only. 401 without
 * good credentials, 403 for a signed-in non-ADMIN.
 */
export function mountQueueBoard(app: NestExpressApplication): void {
  const authenticator = app.get(SocketAuthenticator);
  const queues = app.get(QueueService);

  const adminOnly = async (req: Request): Promise<SocketIdentity> => {
    const identity = await authenticator.authenticate(credentialsOf(req));
    if (!identity) throw AuthException.unauthenticated();
    if (!identity.viewer.isAdmin) throw AuthException.roleRequired([Role.ADMIN]);
    return identity;
  };

  // The dashboard trades its bearer token for the cookie here, so the board's page and its
  // fetches (which cannot set headers) are authenticated. SameSite=Strict keeps other sites out.
  app.use(`${QUEUE_BOARD_PATH}/session`, (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST') return next();
    if (!req.headers.authorization) return refuse(res, AuthException.unauthenticated());
    adminOnly(req)
      .then(({ expiresAt }) => {
        const token = req.headers.authorization!.replace(/^Bearer\s+/i, '').trim();
        res.cookie(QUEUE_BOARD_COOKIE, token, {
          httpOnly: true,
          sameSite: 'strict',
          secure: req.secure,
          path: QUEUE_BOARD_PATH,
          expires: expiresAt,
        });
        res.status(204).end();
      })
      .catch(refusal(res, next));
  });

  const board = new ExpressAdapter();
  board.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: Object.values(QueueName).map((name) => new BullMQAdapter(queues.queue(name))),
    serverAdapter: board,
  });
  app.use(
    QUEUE_BOARD_PATH,
    (req: Request, res: Response, next: NextFunction) => {
      adminOnly(req)
        .then(() => next())
        .catch(refusal(res, next));
    },
    board.getRouter(),
  );
}
