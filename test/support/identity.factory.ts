import { randomBytes, randomInt } from 'node:crypto';
import { GovernmentDepartment, Role } from '@cc/auth';
import { AdminBootstrap } from '@cc/identity';
import { seedCity, SeededCity } from './catalog.factory';
import { GraphqlClient } from './graphql-client';
import { TestApp } from './test-app';

export const TEST_PASSWORD = 'correct-horse-battery';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  roles: Role[];
  accessToken: string;
  refreshToken: string;
  /** A client that sends this user's access token. */
  gql: GraphqlClient;
}

export interface TestMember extends TestUser {
  organizationId: string;
}

export interface TestOfficial extends TestUser {
  cityId: string;
  department: GovernmentDepartment;
}

/** One signed-in user per role, for authorization tests. */
export interface RoleActors {
  TALENT: TestUser;
  MANUFACTURER: TestMember;
  RETAILER: TestMember;
  INCUBATOR: TestMember;
  OFFICIAL: TestOfficial;
  ADMIN: TestUser;
}

const AUTH_FIELDS = 'accessToken refreshToken user { id roles }';

/** A fresh client address per login, so tests never share a per-IP login budget. */
export function testIp(): string {
  return `198.18.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

/**
 * Creates users through the public API (sign-up, login, createOrganization) so tests exercise
 * the real paths; only the first ADMIN comes from `AdminBootstrap`, as in production.
 */
export class IdentityFactory {
  private city?: Promise<SeededCity>;

  constructor(private readonly app: TestApp) {}

  /** An email no other test uses. */
  email(label = 'user'): string {
    return `${label}-${randomBytes(5).toString('hex')}@test.creative-chain.example`;
  }

  /** A city (with one district) shared by this factory's organizations and grants. */
  defaultCity(): Promise<SeededCity> {
    this.city ??= seedCity(this.app.db, 1);
    return this.city;
  }

  async signUp(
    options: {
      roles?: Role[];
      email?: string;
      password?: string;
      displayName?: string;
      officialRequest?: { cityId: string; department: GovernmentDepartment; note?: string };
    } = {},
  ): Promise<TestUser> {
    const email = options.email ?? this.email(options.roles?.[0]?.toLowerCase());
    const password = options.password ?? TEST_PASSWORD;
    const response = await this.app.gql.request<{
      signUp: { accessToken: string; refreshToken: string; user: { id: string; roles: Role[] } };
    }>(
      `mutation($input: SignUpInput!) { signUp(input: $input) { ${AUTH_FIELDS} } }`,
      {
        input: {
          email,
          password,
          displayName: options.displayName ?? `Test ${email.split('@')[0]}`,
          roles: options.roles ?? [Role.TALENT],
          ...(options.officialRequest && { officialRequest: options.officialRequest }),
        },
      },
      // each sign-up from its own address, so tests never share the per-IP sign-up budget
      { 'x-forwarded-for': testIp() },
    );
    if (!response.data?.signUp) {
      throw new Error(`signUp failed: ${JSON.stringify(response.errors)}`);
    }
    return this.user(email, password, response.data.signUp);
  }

  async login(email: string, password = TEST_PASSWORD): Promise<TestUser> {
    const response = await this.app.gql.request<{
      login: { accessToken: string; refreshToken: string; user: { id: string; roles: Role[] } };
    }>(
      `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { ${AUTH_FIELDS} } }`,
      { email, password },
      { 'x-forwarded-for': testIp() },
    );
    if (!response.data?.login) throw new Error(`login failed: ${JSON.stringify(response.errors)}`);
    return this.user(email, password, response.data.login);
  }

  talent(): Promise<TestUser> {
    return this.signUp({ roles: [Role.TALENT] });
  }

  /** A user of `role` who owns a fresh organization of the matching kind. */
  async member(
    role: Role.MANUFACTURER | Role.RETAILER | Role.INCUBATOR,
    name?: string,
  ): Promise<TestMember> {
    const user = await this.signUp({ roles: [role] });
    const city = await this.defaultCity();
    const { createOrganization } = await user.gql.data<{ createOrganization: { id: string } }>(
      'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
      {
        input: {
          kind: role,
          name: name ?? `${role.toLowerCase()} ${randomBytes(3).toString('hex')}`,
          cityId: city.cityId,
          districtId: city.districtId,
          ...(role === Role.INCUBATOR && { incubatorType: 'MAKERSPACE' }),
        },
      },
    );
    return { ...user, organizationId: createOrganization.id };
  }

  manufacturer(name?: string): Promise<TestMember> {
    return this.member(Role.MANUFACTURER, name);
  }

  retailer(name?: string): Promise<TestMember> {
    return this.member(Role.RETAILER, name);
  }

  incubator(name?: string): Promise<TestMember> {
    return this.member(Role.INCUBATOR, name);
  }

  /** An ADMIN, provisioned the way operators do it (AdminBootstrap), then signed in. */
  async admin(): Promise<TestUser> {
    const email = this.email('admin');
    await this.app.api.get(AdminBootstrap).ensureAdmin(email, TEST_PASSWORD);
    return this.login(email);
  }

  /** An OFFICIAL who asked at sign-up and was granted the city and department by an ADMIN. */
  async official(
    options: { cityId?: string; department?: GovernmentDepartment; admin?: TestUser } = {},
  ): Promise<TestOfficial> {
    const cityId = options.cityId ?? (await this.defaultCity()).cityId;
    const department = options.department ?? GovernmentDepartment.CULTURE;
    const user = await this.signUp({
      roles: [Role.OFFICIAL],
      officialRequest: { cityId, department },
    });
    const admin = options.admin ?? (await this.admin());
    await admin.gql.data('mutation($input: RoleGrantInput!) { grantRole(input: $input) { id } }', {
      input: { userId: user.id, role: Role.OFFICIAL, cityId, department },
    });
    return { ...user, roles: [Role.OFFICIAL], cityId, department };
  }

  /** One signed-in user per role (the member roles each own an organization). */
  async actors(): Promise<RoleActors> {
    const ADMIN = await this.admin();
    const [TALENT, MANUFACTURER, RETAILER, INCUBATOR, OFFICIAL] = await Promise.all([
      this.talent(),
      this.manufacturer(),
      this.retailer(),
      this.incubator(),
      this.official({ admin: ADMIN }),
    ]);
    return { TALENT, MANUFACTURER, RETAILER, INCUBATOR, OFFICIAL, ADMIN };
  }

  private user(
    email: string,
    password: string,
    payload: { accessToken: string; refreshToken: string; user: { id: string; roles: Role[] } },
  ): TestUser {
    return {
      id: payload.user.id,
      email,
      password,
      roles: payload.user.roles,
      accessToken: payload.accessToken,
      refreshToken: payload.refreshToken,
      gql: this.app.gql.as(payload.accessToken),
    };
  }
}
