import { registerEnumType } from '@nestjs/graphql';

/** What a user may act as. A user can hold several roles. */
export enum Role {
  TALENT = 'TALENT',
  MANUFACTURER = 'MANUFACTURER',
  RETAILER = 'RETAILER',
  INCUBATOR = 'INCUBATOR',
  OFFICIAL = 'OFFICIAL',
  ADMIN = 'ADMIN',
}

/** Roles a user may take at sign-up. OFFICIAL is requested and granted; ADMIN only granted. */
export const SELF_SERVICE_ROLES: readonly Role[] = [
  Role.TALENT,
  Role.MANUFACTURER,
  Role.RETAILER,
  Role.INCUBATOR,
];

registerEnumType(Role, {
  name: 'Role',
  valuesMap: {
    TALENT: { description: 'Designer, student team member or studio: posts projects.' },
    MANUFACTURER: { description: 'Acts for a manufacturer company: bids and produces.' },
    RETAILER: { description: 'Acts for a retailer: outlets, placements and sales.' },
    INCUBATOR: { description: 'Acts for an incubator: programs and cohorts.' },
    OFFICIAL: { description: 'City official, scoped to cities and departments by an ADMIN.' },
    ADMIN: { description: 'Platform administrator: catalogue, users and role grants.' },
  },
});
