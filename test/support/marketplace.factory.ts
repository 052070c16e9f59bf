import { SeededCity } from './catalog.factory';
import { IdentityFactory, TestMember, TestUser } from './identity.factory';

export interface DeliveredProject {
  projectId: string;
  orderId: string;
  /** The project's owner (its creator). */
  owner: TestUser;
  manufacturer: TestMember;
  unitsDelivered: number;
}

/** The public steps from a new project to a delivery, in order. */
export const CHAIN_STEPS = [
  'createProject',
  'publishProject',
  'submitBid',
  'acceptBid',
  'submitSample',
  'approveSample',
  'startMassProduction',
  'recordDelivery',
] as const;
export type ChainStep = (typeof CHAIN_STEPS)[number];

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/**
 * Drives a project through the public API to a production order with deliveries:
 * create → publish → submitBid → acceptBid → submitSample → approveSample →
 * startMassProduction → recordDelivery.
 */
export async function deliveredProject(
  factory: IdentityFactory,
  city: SeededCity,
  options: {
    owner?: TestUser;
    teamId?: string;
    manufacturer?: TestMember;
    quantity?: number;
    delivered?: number;
    culturalResourceIds?: string[];
    title?: string;
    /** Stop after this step (default: the delivery). `orderId` is '' before the award. */
    until?: ChainStep;
  } = {},
): Promise<DeliveredProject> {
  const until = CHAIN_STEPS.indexOf(options.until ?? 'recordDelivery');
  const reached = (step: ChainStep) => CHAIN_STEPS.indexOf(step) > until;
  const owner = options.owner ?? (await factory.talent());
  const manufacturer = options.manufacturer ?? (await factory.manufacturer());
  const quantity = options.quantity ?? 500;
  const { createProject } = await owner.gql.data<{ createProject: { id: string } }>(
    'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
    {
      input: {
        title: options.title ?? 'Tiexi foundry bookends',
        description: 'Cast-iron bookends from the 1905 workshop moulds.',
        cityId: city.cityId,
        ...(options.teamId && { teamId: options.teamId }),
        category: 'PRODUCT',
        culturalResourceIds: options.culturalResourceIds ?? city.resourceIds.slice(0, 1),
        processes: ['METAL_CASTING'],
        materials: ['cast iron'],
        quantity,
        targetUnitCostFen: 2000,
        requiredCertifications: [],
        bidDeadline: inDays(10),
        deliveryDeadline: inDays(90),
      },
    },
  );
  const projectId = createProject.id;
  const stopped = (orderId = '') => ({
    projectId,
    orderId,
    owner,
    manufacturer,
    unitsDelivered: 0,
  });
  if (reached('publishProject')) return stopped();
  await owner.gql.data('mutation($id: ID!) { publishProject(id: $id) { id } }', { id: projectId });
  if (reached('submitBid')) return stopped();
  const { submitBid } = await manufacturer.gql.data<{ submitBid: { id: string } }>(
    'mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }',
    {
      input: {
        projectId,
        organizationId: manufacturer.organizationId,
        priceTiers: [{ minQuantity: 1, unitPriceFen: 1800 }],
        moq: 1,
        leadTimeDays: 30,
        sampleCostFen: 0,
        note: '',
      },
    },
  );
  if (reached('acceptBid')) return stopped();
  const { acceptBid } = await owner.gql.data<{ acceptBid: { id: string } }>(
    'mutation($bidId: ID!) { acceptBid(bidId: $bidId) { id } }',
    { bidId: submitBid.id },
  );
  const orderId = acceptBid.id;
  const move = (user: TestUser, mutation: string) =>
    user.gql.data(`mutation($id: ID!) { ${mutation}(orderId: $id) { id } }`, { id: orderId });
  for (const [step, by] of [
    ['submitSample', manufacturer],
    ['approveSample', owner],
    ['startMassProduction', manufacturer],
  ] as const) {
    if (reached(step)) return stopped(orderId);
    await move(by, step);
  }
  if (reached('recordDelivery')) return stopped(orderId);
  const unitsDelivered = options.delivered ?? quantity;
  await manufacturer.gql.data(
    'mutation($id: ID!, $quantity: Int!) { recordDelivery(orderId: $id, quantity: $quantity) { id } }',
    { id: orderId, quantity: unitsDelivered },
  );
  return { projectId, orderId, owner, manufacturer, unitsDelivered };
}

/** A team led by `lead` with the given other talents as members. */
export async function teamOf(lead: TestUser, members: TestUser[]): Promise<string> {
  const { createTeam } = await lead.gql.data<{ createTeam: { id: string } }>(
    'mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }',
    { input: { name: `Team ${Math.random().toString(36).slice(2, 8)}` } },
  );
  for (const member of members) {
    const { inviteTeamMember } = await lead.gql.data<{ inviteTeamMember: { id: string } }>(
      'mutation($input: TeamMemberInput!) { inviteTeamMember(input: $input) { id } }',
      { input: { teamId: createTeam.id, userId: member.id } },
    );
    await member.gql.data('mutation($id: ID!) { acceptTeamInvitation(invitationId: $id) { id } }', {
      id: inviteTeamMember.id,
    });
  }
  return createTeam.id;
}
