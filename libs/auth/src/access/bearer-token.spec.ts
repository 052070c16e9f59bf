import { bearerTokenOf } from './bearer-token';

describe('bearerTokenOf', () => {
  it('reads the HTTP Authorization header', () => {
    expect(bearerTokenOf({ req: { headers: { authorization: 'Bearer abc.def' } } })).toBe(
      'abc.def',
    );
    expect(bearerTokenOf({ req: { headers: { authorization: 'bearer  abc ' } } })).toBe('abc');
  });

  it('reads graphql-ws connection params (authorization or Authorization)', () => {
    expect(bearerTokenOf({ connectionParams: { authorization: 'Bearer ws1' } })).toBe('ws1');
    expect(bearerTokenOf({ connectionParams: { Authorization: 'Bearer ws2' } })).toBe('ws2');
  });

  it('prefers the header of the upgrade request over connection params', () => {
    expect(
      bearerTokenOf({
        req: { headers: { authorization: 'Bearer header' } },
        connectionParams: { authorization: 'Bearer params' },
      }),
    ).toBe('header');
  });

  it('is undefined without credentials and null for anything but Bearer <token>', () => {
    expect(bearerTokenOf({})).toBeUndefined();
    expect(bearerTokenOf({ req: { headers: {} }, connectionParams: {} })).toBeUndefined();
    expect(bearerTokenOf({ connectionParams: { authorization: 'Basic dXNlcg==' } })).toBeNull();
    expect(bearerTokenOf({ connectionParams: { authorization: 'Bearer a b' } })).toBeNull();
    expect(bearerTokenOf({ connectionParams: { authorization: 42 } })).toBeNull();
  });
});
