import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MembershipDirectory, ViewerSource } from '@cc/auth';
import { CatalogModule } from '@cc/catalog';
import { NotificationModule } from '@cc/notification';
import { LocationValidator } from './common/location';
import { IdentityMembershipDirectory } from './identity-membership.directory';
import { IdentityLoaders } from './identity.loaders';
import { ManufacturerCapability } from './organization/manufacturer-capability.entity';
import { MembershipService } from './organization/membership.service';
import { OrganizationInvitation } from './organization/organization-invitation.entity';
import {
  OrganizationInvitationResolver,
  OrganizationMemberResolver,
} from './organization/organization-member.resolver';
import { OrganizationMember } from './organization/organization-member.entity';
import { Organization } from './organization/organization.entity';
import { OrganizationResolver } from './organization/organization.resolver';
import { OrganizationService } from './organization/organization.service';
import { OfficialGrant } from './role-request/official-grant.entity';
import { RoleRequest } from './role-request/role-request.entity';
import { OfficialGrantResolver, RoleRequestResolver } from './role-request/role-request.resolver';
import { RoleRequestService } from './role-request/role-request.service';
import { LoginRateLimiter } from './session/login-rate-limiter';
import { RefreshToken } from './session/refresh-token.entity';
import { SessionViewerSource } from './session/session-viewer.source';
import { Session } from './session/session.entity';
import { SessionResolver } from './session/session.resolver';
import { SessionService } from './session/session.service';
import { TalentDirectoryResolver } from './talent-directory/talent-directory.resolver';
import { TalentDirectoryService } from './talent-directory/talent-directory.service';
import { DisciplineReaderModule } from './talent-profile/discipline.reader';
import { TalentProfile } from './talent-profile/talent-profile.entity';
import { TalentProfileResolver } from './talent-profile/talent-profile.resolver';
import { TalentProfileService } from './talent-profile/talent-profile.service';
import { TeamMember } from './team/team-member.entity';
import { Team } from './team/team.entity';
import { TeamInvitation } from './team/team-invitation.entity';
import { TeamInvitationService } from './team/team-invitation.service';
import { TeamInvitationResolver, TeamMemberResolver, TeamResolver } from './team/team.resolver';
import { TeamService } from './team/team.service';
import { AdminBootstrap } from './user/admin-bootstrap.service';
import { PasswordHasher } from './user/password-hasher';
import { User } from './user/user.entity';
import { UserResolver } from './user/user.resolver';
import { UserService } from './user/user.service';
import {
  ManufacturerMatchResolver,
  TeammateSuggestionResolver,
} from './matching/match-parties.resolver';

export const IDENTITY_ENTITIES = [
  User,
  Session,
  RefreshToken,
  Organization,
  OrganizationMember,
  OrganizationInvitation,
  ManufacturerCapability,
  TalentProfile,
  Team,
  TeamMember,
  TeamInvitation,
  RoleRequest,
  OfficialGrant,
];

/**
 * Accounts, sessions, organizations, talent profiles, teams and role grants. Provides the
 * `ViewerSource` and `MembershipDirectory` that AuthModule's guard and AccessPolicy use.
 * Import it in the API next to AuthModule.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(IDENTITY_ENTITIES),
    CatalogModule,
    NotificationModule,
    DisciplineReaderModule,
  ],
  providers: [
    { provide: ViewerSource, useClass: SessionViewerSource },
    { provide: MembershipDirectory, useClass: IdentityMembershipDirectory },
    IdentityLoaders,
    LocationValidator,
    PasswordHasher,
    UserService,
    AdminBootstrap,
    SessionService,
    LoginRateLimiter,
    OrganizationService,
    MembershipService,
    TalentProfileService,
    TeamService,
    TeamInvitationService,
    TalentDirectoryService,
    RoleRequestService,
    UserResolver,
    SessionResolver,
    OrganizationResolver,
    OrganizationMemberResolver,
    OrganizationInvitationResolver,
    TalentProfileResolver,
    TeamResolver,
    TeamMemberResolver,
    TeamInvitationResolver,
    TalentDirectoryResolver,
    RoleRequestResolver,
    OfficialGrantResolver,
    ManufacturerMatchResolver,
    TeammateSuggestionResolver,
  ],
  exports: [IdentityLoaders, UserService, AdminBootstrap],
})
export class IdentityModule {}
