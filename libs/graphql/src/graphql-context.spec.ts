import type { IncomingMessage } from 'node:http';
import type { Request, Response } from 'express';
import { LoaderRegistry } from './dataloader/loader-registry';
import { createGraphqlContext } from './graphql-context';

describe('createGraphqlContext', () => {
  it('over HTTP: the request and response, and fresh loaders (as before)', () => {
    const req = { headers: {} } as Request;
    const res = {} as Response;
    const context = createGraphqlContext({ req, res });
    expect(context).toEqual({ req, res, loaders: expect.any(LoaderRegistry) });
    expect(createGraphqlContext({ req, res }).loaders).not.toBe(context.loaders);
  });

  it('over graphql-ws: the upgrade request and the connection params', () => {
    const request = { headers: {}, socket: {} } as IncomingMessage;
    const connectionParams = { authorization: 'Bearer t' };
    const context = createGraphqlContext({ connectionParams, extra: { request } });
    expect(context).toEqual({
      req: request,
      loaders: expect.any(LoaderRegistry),
      connectionParams,
    });
  });

  it('over graphql-ws without connection params: an empty object', () => {
    const request = { headers: {} } as IncomingMessage;
    expect(createGraphqlContext({ extra: { request } }).connectionParams).toEqual({});
  });
});
