import { NotificationKind, NotificationService } from '@cc/notification';
import { IdentityFactory, TestUser } from '../support/identity.factory';
import { startTestApp, TestApp } from '../support/test-app';

const LIST = `query($unreadOnly: Boolean, $first: Int, $after: String) {
  notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
    totalCount unreadCount
    edges { cursor node { id kind title body read readAt createdAt projectId bidId orderId payload } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const MARK = `mutation($ids: [ID!], $all: Boolean) { markNotificationsRead(ids: $ids, all: $all) }`;

interface NotificationView {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  read: boolean;
  readAt: string | null;
  createdAt: string;
  projectId: string | null;
  bidId: string | null;
  orderId: string | null;
  payload: string;
}
interface ListView {
  notifications: {
    totalCount: number;
    unreadCount: number;
    edges: { cursor: string; node: NotificationView }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe('stored notifications', () => {
  let app: TestApp;
  let service: NotificationService;
  let factory: IdentityFactory;
  let alice: TestUser;
  let bob: TestUser;

  const list = async (user: TestUser, variables: Record<string, unknown> = {}) =>
    (await user.gql.data<ListView>(LIST, variables)).notifications;

  beforeAll(async () => {
    app = await startTestApp();
    service = app.api.get(NotificationService);
    factory = new IdentityFactory(app);
    [alice, bob] = await Promise.all([factory.talent(), factory.talent()]);
  });

  afterAll(() => app.close());

  it('notify stores one row per distinct recipient in one INSERT, listed only to that recipient', async () => {
    const projectId = '11111111-1111-4111-8111-111111111111';
    const bidId = '22222222-2222-4222-8222-222222222222';
    // notify speaks SQL through the data source: count its INSERTs.
    const spy = jest.spyOn(app.db, 'query');
    let stored;
    let statements: string[] = [];
    try {
      stored = await service.notify([alice.id, bob.id, alice.id], {
        kind: NotificationKind.BID_SUBMITTED,
        title: 'New bid on “Fuyun bookmarks”',
        body: 'Tiexi Foundry bid ¥18.50 per unit.',
        payload: { projectId, bidId, note: 'sealed' },
      });
      statements = spy.mock.calls.map(([sql]) => sql);
    } finally {
      spy.mockRestore();
    }
    expect(statements.filter((sql) => /INSERT/i.test(sql))).toHaveLength(1);
    expect(stored.map((notification) => notification.recipientId).sort()).toEqual(
      [alice.id, bob.id].sort(),
    );

    const mine = await list(alice);
    expect(mine.totalCount).toBe(1);
    expect(mine.unreadCount).toBe(1);
    const node = mine.edges[0].node;
    expect(node).toMatchObject({
      kind: 'BID_SUBMITTED',
      title: 'New bid on “Fuyun bookmarks”',
      body: 'Tiexi Foundry bid ¥18.50 per unit.',
      read: false,
      readAt: null,
      projectId,
      bidId,
      orderId: null,
    });
    expect(JSON.parse(node.payload)).toEqual({ projectId, bidId, note: 'sealed' });
    expect(node.id).toBe(stored.find((n) => n.recipientId === alice.id)!.id);
    // Bob sees his own copy, never Alice's.
    const bobs = await list(bob);
    expect(bobs.edges.map((edge) => edge.node.id)).toEqual([
      stored.find((n) => n.recipientId === bob.id)!.id,
    ]);
  });

  it('skips recipients that are not users, and does nothing for nobody', async () => {
    const ghost = '33333333-3333-4333-8333-333333333333';
    const carol = await factory.talent();
    const stored = await service.notify([ghost, carol.id], {
      kind: NotificationKind.GENERAL,
      title: 'Welcome',
      body: '',
    });
    expect(stored.map((notification) => notification.recipientId)).toEqual([carol.id]);
    expect(
      await service.notify([], { kind: NotificationKind.GENERAL, title: 'x', body: '' }),
    ).toEqual([]);
  });

  it('refuses malformed messages from other domains before touching the database', async () => {
    const message = { kind: NotificationKind.GENERAL, title: 'Hello', body: '' };
    await expect(service.notify(['not-a-uuid'], message)).rejects.toThrow(/not user ids/);
    await expect(service.notify([alice.id], { ...message, title: ' ' })).rejects.toThrow(/title/);
    await expect(
      service.notify([alice.id], { ...message, payload: { blob: 'x'.repeat(5000) } }),
    ).rejects.toThrow(/payload/);
    await expect(
      service.notify([alice.id], { ...message, kind: 'NOPE' as NotificationKind }),
    ).rejects.toThrow(/kind/);
  });

  it('pages newest first with stable cursors, ties included, and filters unread', async () => {
    const dave = await factory.talent();
    const titles = Array.from({ length: 7 }, (_, i) => `Milestone ${i + 1}`);
    for (const title of titles) {
      await service.notify([dave.id], {
        kind: NotificationKind.PRODUCTION_MILESTONE,
        title,
        body: '',
        payload: { orderId: '44444444-4444-4444-8444-444444444444' },
      });
    }
    // Four of them at the very same millisecond: the id breaks the tie, nothing is lost.
    await app.db.query(
      `UPDATE notification SET created_at = '2030-01-01T00:00:00.000Z'
        WHERE recipient_id = $1 AND title = ANY($2)`,
      [dave.id, titles.slice(1, 5)],
    );
    const single = (await list(dave, { first: 10 })).edges.map((edge) => edge.node);
    const times = single.map((node) => Date.parse(node.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: ListView['notifications'] = await list(dave, { first: 3, after });
      expect(page.totalCount).toBe(7);
      seen.push(...page.edges.map((edge) => edge.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(single.map((node) => node.id));
    expect(new Set(seen).size).toBe(7);

    const all = await list(dave, { first: 10 });
    const [newest, second] = all.edges.map((edge) => edge.node);
    expect(newest.orderId).toBe('44444444-4444-4444-8444-444444444444');
    expect(await dave.gql.data(MARK, { ids: [newest.id, second.id] })).toEqual({
      markNotificationsRead: 2,
    });
    const unread = await list(dave, { unreadOnly: true, first: 10 });
    expect(unread.totalCount).toBe(5);
    expect(unread.unreadCount).toBe(5);
    expect(unread.edges.map((edge) => edge.node.id)).not.toContain(newest.id);
    const after2 = await list(dave, { first: 1 });
    expect(after2.edges[0].node).toMatchObject({ id: newest.id, read: true });
    expect(after2.edges[0].node.readAt).not.toBeNull();
    expect(after2.unreadCount).toBe(5);
  });

  it('marks only the viewer’s own notifications; all: true marks the rest; counts what changed', async () => {
    const [erin, frank] = await Promise.all([factory.talent(), factory.talent()]);
    const message = { kind: NotificationKind.BID_ACCEPTED, title: 'Accepted', body: '' };
    const [erins] = await service.notify([erin.id], message);
    const [franks] = await service.notify([frank.id], message);
    await service.notify([frank.id], message);

    // Erin names Frank's notification: nothing of Frank's changes.
    expect(await erin.gql.data(MARK, { ids: [franks.id, erins.id] })).toEqual({
      markNotificationsRead: 1,
    });
    expect((await list(frank)).unreadCount).toBe(2);
    // Marking again changes nothing.
    expect(await erin.gql.data(MARK, { ids: [erins.id] })).toEqual({ markNotificationsRead: 0 });

    expect(await frank.gql.data(MARK, { all: true })).toEqual({ markNotificationsRead: 2 });
    expect((await list(frank)).unreadCount).toBe(0);
    expect((await list(erin)).edges[0].node.read).toBe(true);
  });

  it('refuses bad markNotificationsRead input and anonymous callers', async () => {
    for (const variables of [{}, { ids: [], all: true }, { all: false }]) {
      const response = await alice.gql.request(MARK, variables);
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    const malformed = await alice.gql.request(MARK, { ids: ['nope'] });
    expect(malformed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const anonymousList = await app.gql.request(LIST);
    expect(anonymousList.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const anonymousMark = await app.gql.request(MARK, { all: true });
    expect(anonymousMark.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
