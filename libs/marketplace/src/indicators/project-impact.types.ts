import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, Min } from 'class-validator';
import { ConnectionArgs, ConnectionType } from '@cc/graphql';
import { Project } from '../project/project.entity';

/** One of a talent's projects; its contributions are resolved per request in one batch. */
@ObjectType({
  description:
    "One of your projects and what it moved in its city's coupling, period by period (`contributions`, oldest first).",
})
export class ProjectImpact {
  @Field(() => ID)
  projectId!: string;

  @Field(() => Project)
  project!: Project;

  /** The indicator-system version asked for in `myImpact` (none: the version in force). */
  versionNumber!: number | null;
}

@ObjectType()
export class ProjectImpactConnection extends ConnectionType(ProjectImpact) {}

@ArgsType()
export class MyImpactArgs extends ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    description:
      "Indicator-system version; default: per project, the version in force in the project's city.",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
