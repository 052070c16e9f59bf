import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@cc/graphql';
import { Application } from './application.entity';

@ObjectType()
export class CohortApplicationConnection extends ConnectionType(Application, 'CohortApplication') {}
