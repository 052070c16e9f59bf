/** Where an operation's credentials can come from: the HTTP request, or graphql-ws `connection_init`. */
export interface CredentialSource {
  req?: { headers?: { authorization?: string } };
  connectionParams?: Readonly<Record<string, unknown>>;
}

/**
 * The bearer token an operation carries: `undefined` when it sends none, `null` when the value
 * is not `Bearer <token>`. The HTTP `Authorization` header wins; a WebSocket client (which
 * cannot set headers in a browser) sends `{ authorization: 'Bearer <jwt>' }` as its
 * connection params instead.
 */
export function bearerTokenOf(source: CredentialSource): string | null | undefined {
  const header =
    source.req?.headers?.authorization ??
    (source.connectionParams?.authorization as string | undefined) ??
    (source.connectionParams?.Authorization as string | undefined);
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}
