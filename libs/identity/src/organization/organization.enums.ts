import { registerEnumType } from '@nestjs/graphql';
import { Role } from '@cc/auth';

export enum OrganizationKind {
  MANUFACTURER = 'MANUFACTURER',
  RETAILER = 'RETAILER',
  INCUBATOR = 'INCUBATOR',
  GOVERNMENT_DEPARTMENT = 'GOVERNMENT_DEPARTMENT',
}
registerEnumType(OrganizationKind, { name: 'OrganizationKind' });

/** The role a user needs to create or join an organization of each kind. */
export const ROLE_FOR_ORGANIZATION_KIND: Record<OrganizationKind, Role> = {
  [OrganizationKind.MANUFACTURER]: Role.MANUFACTURER,
  [OrganizationKind.RETAILER]: Role.RETAILER,
  [OrganizationKind.INCUBATOR]: Role.INCUBATOR,
  [OrganizationKind.GOVERNMENT_DEPARTMENT]: Role.OFFICIAL,
};

export enum IncubatorType {
  MAKERSPACE = 'MAKERSPACE',
  UNIVERSITY_INCUBATOR = 'UNIVERSITY_INCUBATOR',
  INDUSTRIAL_PARK = 'INDUSTRIAL_PARK',
}
registerEnumType(IncubatorType, {
  name: 'IncubatorType',
  description: 'Makerspace, university incubator, or cultural-creative industrial park.',
});

/** Production processes a manufacturer offers; matching compares them with project needs. */
export enum ManufacturingProcess {
  CERAMICS = 'CERAMICS',
  EMBROIDERY = 'EMBROIDERY',
  LASER_ENGRAVING = 'LASER_ENGRAVING',
  THREE_D_PRINTING = 'THREE_D_PRINTING',
  METAL_CASTING = 'METAL_CASTING',
  PRINTING_PACKAGING = 'PRINTING_PACKAGING',
  AR_VR_DEVELOPMENT = 'AR_VR_DEVELOPMENT',
  WOODWORKING = 'WOODWORKING',
  TEXTILE_SEWING = 'TEXTILE_SEWING',
  LEATHERWORK = 'LEATHERWORK',
  INJECTION_MOLDING = 'INJECTION_MOLDING',
  PAPER_CRAFT = 'PAPER_CRAFT',
}
registerEnumType(ManufacturingProcess, { name: 'ManufacturingProcess' });

export enum InvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}
registerEnumType(InvitationStatus, { name: 'InvitationStatus' });
