import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A project's link to a catalogued cultural resource. Foreign keys (see the
 * ProjectCulturalResource migration) keep it honest: it goes with its project, and holds its
 * resource in place (no delete, no move to another city) while it exists.
 */
@Entity()
export class ProjectCulturalResource {
  @PrimaryColumn({ type: 'uuid' })
  projectId!: string;

  @PrimaryColumn({ type: 'uuid' })
  culturalResourceId!: string;

  /** The project's city: the foreign key on (resource, city) keeps links inside it. */
  @Column({ type: 'uuid' })
  cityId!: string;

  /** The order the owner listed the resources in. */
  @Column({ type: 'smallint' })
  position!: number;
}
