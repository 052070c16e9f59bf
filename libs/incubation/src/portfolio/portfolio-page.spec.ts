import { pageOf } from './portfolio-page';

describe('pageOf', () => {
  const rows = ['a', 'b', 'c', 'd', 'e'];

  it('pages forwards and backwards with position cursors', () => {
    const first = pageOf(rows, { first: 2 });
    expect(first.edges.map((e) => e.node)).toEqual(['a', 'b']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = pageOf(rows, { first: 2, after: first.pageInfo.endCursor! });
    expect(second.edges.map((e) => e.node)).toEqual(['c', 'd']);
    const last = pageOf(rows, { last: 2, before: second.pageInfo.endCursor! });
    expect(last.edges.map((e) => e.node)).toEqual(['b', 'c']);
    expect(pageOf(rows, { last: 2 }).edges.map((e) => e.node)).toEqual(['d', 'e']);
    expect(first.totalCount).toBe(5);
  });

  it('reads null arguments (a variable sent without a value) as absent', () => {
    const page = pageOf(rows, { first: 2, after: null, before: null, last: null } as never);
    expect(page.edges.map((e) => e.node)).toEqual(['a', 'b']);
  });

  it('refuses a foreign cursor', () => {
    expect(() => pageOf(rows, { after: 'bm9wZQ' })).toThrow();
  });
});
