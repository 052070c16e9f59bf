import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@cc/graphql';
import { TeamInvitation } from './team-invitation.entity';
import { Team } from './team.entity';

@ObjectType()
export class TeamConnection extends ConnectionType(Team) {}

@ObjectType()
export class TeamInvitationConnection extends ConnectionType(TeamInvitation) {}
