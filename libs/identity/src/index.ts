export { IdentityErrorCode, IdentityException } from './identity.exception';
export { IdentityLoaders } from './identity.loaders';
export { IDENTITY_ENTITIES, IdentityModule } from './identity.module';
export { ManufacturerCapability } from './organization/manufacturer-capability.entity';
export { OrganizationInvitation } from './organization/organization-invitation.entity';
export { OrganizationMember } from './organization/organization-member.entity';
export { Organization } from './organization/organization.entity';
export {
  IncubatorType,
  InvitationStatus,
  ManufacturingProcess,
  OrganizationKind,
  ROLE_FOR_ORGANIZATION_KIND,
} from './organization/organization.enums';
export { OfficialGrant } from './role-request/official-grant.entity';
export { RoleRequest, RoleRequestStatus } from './role-request/role-request.entity';
export { Discipline } from './talent-profile/discipline.enum';
export {
  DisciplineReader,
  DisciplineReaderModule,
  DisciplinesOf,
} from './talent-profile/discipline.reader';
export { AbilitySelfAssessment, TalentProfile } from './talent-profile/talent-profile.entity';
export { TeamMember } from './team/team-member.entity';
export { Team, TeamRole } from './team/team.entity';
export { AdminBootstrap } from './user/admin-bootstrap.service';
export { PASSWORD_HASH_OPTIONS } from './user/password-hasher';
export { User } from './user/user.entity';
export { UserService } from './user/user.service';
export { IdentityMatchingModule } from './matching/identity-matching.module';
export { IdentityAudience } from './audience/identity-audience';
export { IdentityAudienceModule } from './audience/identity-audience.module';
