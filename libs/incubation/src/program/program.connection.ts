import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@cc/graphql';
import { Program } from './program.entity';

@ObjectType()
export class ProgramConnection extends ConnectionType(Program) {}
