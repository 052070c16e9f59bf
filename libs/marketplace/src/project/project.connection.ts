import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@cc/graphql';
import { Project } from './project.entity';

@ObjectType()
export class ProjectConnection extends ConnectionType(Project) {}
