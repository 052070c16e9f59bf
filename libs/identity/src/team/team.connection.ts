import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@cc/graphql';
import { Team } from './team.entity';

@ObjectType()
export class TeamConnection extends ConnectionType(Team) {}
