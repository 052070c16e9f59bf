import { withEnv } from '../support/env-override';
import { IdentityFactory } from '../support/identity.factory';
import { startTestApp, TestApp } from '../support/test-app';

const INVITE = 'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id token } }';
const ACCEPT =
  'mutation($id: ID!, $token: String!) { acceptInvitation(invitationId: $id, token: $token) { id } }';
const SALES_OF = 'query($id: ID!) { organization(id: $id) { members { role } } }';

describe('invitations need the secret of the invitation link (production mode)', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  const env = withEnv({ NODE_ENV: 'production' });

  beforeAll(async () => {
    app = await startTestApp();
    factory = new IdentityFactory(app);
  });

  afterAll(async () => {
    await app.close();
    env.restore();
  });

  it('signing up with the invited address is not enough to join', async () => {
    const owner = await factory.retailer();
    const invitedEmail = factory.email('new.hire');
    const { inviteMember } = await owner.gql.data<{
      inviteMember: { id: string; token: string };
    }>(INVITE, { input: { organizationId: owner.organizationId, email: invitedEmail } });
    expect(inviteMember.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // the attacker registers the address first (no email verification) and guesses
    const attacker = await factory.signUp({ roles: ['RETAILER' as never], email: invitedEmail });
    const guessed = await attacker.gql.request(ACCEPT, { id: inviteMember.id, token: 'guess' });
    expect(guessed.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'INVITATION_TOKEN_INVALID',
    });
    const withoutToken = await attacker.gql.request(
      'mutation($id: ID!) { acceptInvitation(invitationId: $id) { id } }',
      { id: inviteMember.id },
    );
    expect(withoutToken.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const reading = await attacker.gql.request(SALES_OF, { id: owner.organizationId });
    expect(reading.errors?.[0].extensions?.reason).toBe('NOT_ORGANIZATION_MEMBER');

    // the secret is stored only as a hash, and never shown again
    const [row] = await app.db.query<{ token_hash: string }[]>(
      'SELECT token_hash FROM organization_invitation WHERE id = $1',
      [inviteMember.id],
    );
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.token_hash).not.toContain(inviteMember.token);
    const { myInvitations } = await attacker.gql.data<{
      myInvitations: { edges: { node: { token: string | null } }[] };
    }>('{ myInvitations { edges { node { token } } } }');
    expect(myInvitations.edges.map((edge) => edge.node.token)).toEqual([null]);
  });

  it('the link works once, for the invited address only', async () => {
    const owner = await factory.retailer();
    const invitee = await factory.signUp({ roles: ['RETAILER' as never] });
    const { inviteMember } = await owner.gql.data<{
      inviteMember: { id: string; token: string };
    }>(INVITE, { input: { organizationId: owner.organizationId, email: invitee.email } });
    const variables = { id: inviteMember.id, token: inviteMember.token };

    const forwarded = await factory.signUp({ roles: ['RETAILER' as never] });
    expect((await forwarded.gql.request(ACCEPT, variables)).errors?.[0].extensions?.reason).toBe(
      'INVITATION_NOT_FOR_YOU',
    );
    expect(
      (await invitee.gql.data<{ acceptInvitation: { id: string } }>(ACCEPT, variables))
        .acceptInvitation.id,
    ).toBe(owner.organizationId);
    expect((await invitee.gql.request(ACCEPT, variables)).errors?.[0].extensions?.reason).toBe(
      'INVITATION_CLOSED',
    );
  });
});
