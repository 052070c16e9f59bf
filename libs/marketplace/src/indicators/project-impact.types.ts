import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@cc/graphql';
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
}

@ObjectType()
export class ProjectImpactConnection extends ConnectionType(ProjectImpact) {}
