import { ExecutionContext, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { LoaderRegistry } from '@cc/graphql';
import { AuthErrorCode, AuthException } from '../auth.exception';
import { Role } from '../role.enum';
import { AccessTokenService } from '../token/access-token.service';
import { Viewer } from '../viewer';
import { ViewerSource } from '../viewer-source';
import { Authenticated, Public, Roles } from './access.decorators';
import { AccessGuard } from './access.guard';

class SampleResolver {
  @Public() open() {}
  @Authenticated() signedIn() {}
  @Roles(Role.ADMIN) adminOnly() {}
  forgotten() {}
}

const talent = new Viewer('user-1', 'session-1', [Role.TALENT]);
const tokens = {
  verify: jest.fn(async (token: string) => {
    if (token !== 'good') throw AuthException.unauthenticated(AuthErrorCode.TOKEN_INVALID);
    return { userId: 'user-1', sessionId: 'session-1' };
  }),
} as unknown as AccessTokenService;
const viewers: ViewerSource = { resolve: jest.fn(async () => talent) };
const moduleRef = { get: () => viewers } as unknown as ModuleRef;
const guard = new AccessGuard(tokens, moduleRef);

function contextFor(method: keyof SampleResolver, authorization?: string) {
  const graphqlContext = {
    req: { headers: authorization ? { authorization } : {} },
    loaders: new LoaderRegistry(),
    viewer: undefined as Viewer | undefined,
  };
  const info = { parentType: { name: 'Query' }, fieldName: method };
  const host = new ExecutionContextHost(
    [{}, {}, graphqlContext, info],
    SampleResolver,
    SampleResolver.prototype[method],
  );
  host.setType('graphql');
  return { context: host as ExecutionContext, graphqlContext };
}

async function refusal(method: keyof SampleResolver, authorization?: string) {
  const error = await guard
    .canActivate(contextFor(method, authorization).context)
    .catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AuthException);
  return { code: (error as AuthException).code, reason: (error as AuthException).reason };
}

describe('AccessGuard', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['error', 'warn', 'log']));

  it('refuses an operation without a declaration, even for a signed-in user', async () => {
    expect(await refusal('forgotten', 'Bearer good')).toEqual({
      code: 'FORBIDDEN',
      reason: AuthErrorCode.ACCESS_NOT_DECLARED,
    });
    expect(await refusal('forgotten')).toEqual({
      code: 'FORBIDDEN',
      reason: AuthErrorCode.ACCESS_NOT_DECLARED,
    });
  });

  it('lets anyone call a public operation and ignores a bad token there', async () => {
    await expect(guard.canActivate(contextFor('open').context)).resolves.toBe(true);
    await expect(guard.canActivate(contextFor('open', 'Bearer bad').context)).resolves.toBe(true);
    const { context, graphqlContext } = contextFor('open', 'Bearer good');
    await guard.canActivate(context);
    expect(graphqlContext.viewer).toBe(talent);
  });

  it('needs a valid token for authenticated operations', async () => {
    expect((await refusal('signedIn')).code).toBe('UNAUTHENTICATED');
    expect((await refusal('signedIn', 'Bearer bad')).code).toBe('UNAUTHENTICATED');
    expect((await refusal('signedIn', 'Basic abc')).code).toBe('UNAUTHENTICATED');
    const { context, graphqlContext } = contextFor('signedIn', 'Bearer good');
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(graphqlContext.viewer).toBe(talent);
  });

  it('refuses a revoked session', async () => {
    (viewers.resolve as jest.Mock).mockResolvedValueOnce(null);
    expect(await refusal('signedIn', 'Bearer good')).toEqual({
      code: 'UNAUTHENTICATED',
      reason: AuthErrorCode.SESSION_REVOKED,
    });
  });

  it('refuses a signed-in user without the role', async () => {
    expect(await refusal('adminOnly', 'Bearer good')).toEqual({
      code: 'FORBIDDEN',
      reason: AuthErrorCode.ROLE_REQUIRED,
    });
    expect((await refusal('adminOnly')).code).toBe('UNAUTHENTICATED');
  });

  it('leaves HTTP controllers alone', async () => {
    const host = new ExecutionContextHost(
      [{}, {}],
      SampleResolver,
      SampleResolver.prototype.forgotten,
    );
    host.setType('http');
    await expect(guard.canActivate(host)).resolves.toBe(true);
  });
});
