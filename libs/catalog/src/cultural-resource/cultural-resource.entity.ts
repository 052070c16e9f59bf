import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseEntity } from '@cc/database';
import { City } from '../city/city.entity';
import { District } from '../city/district.entity';
import { CulturalResourceKind } from './cultural-resource-kind.enum';

/** Text searched by `culturalResources(filter: { text })`; see cultural-resource-search.ts. */
const SEARCH_TEXT = `name || ' ' || local_name || ' ' || description`;
const SEARCH_VECTOR = `setweight(to_tsvector('simple', name || ' ' || local_name), 'A') || setweight(to_tsvector('simple', description), 'B')`;

@ObjectType()
@Entity()
@Index(['cityId', 'kind'])
@Index(['districtId'])
// GIN indexes TypeORM cannot express (written by hand in the Catalog migration); declared here
// so that `migration:generate` leaves them alone.
@Index('IDX_cultural_resource_search_vector', { synchronize: false })
@Index('IDX_cultural_resource_search_text_trgm', { synchronize: false })
export class CulturalResource extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @ManyToOne(() => City, { onDelete: 'CASCADE' })
  city?: City;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  cityId!: string;

  @ManyToOne(() => District, { onDelete: 'SET NULL', nullable: true })
  district?: District | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  districtId!: string | null;

  @Field()
  @Column({ type: 'text' })
  name!: string;

  @Field()
  @Column({ type: 'text' })
  localName!: string;

  @Field(() => CulturalResourceKind)
  @Column({ type: 'enum', enum: CulturalResourceKind, enumName: 'cultural_resource_kind' })
  kind!: CulturalResourceKind;

  @Field()
  @Column({ type: 'text', default: '' })
  description!: string;

  @Field(() => Float, { nullable: true })
  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Field(() => Float, { nullable: true })
  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;

  /** Maintained by PostgreSQL; never loaded, only searched (pg_trgm GIN index). */
  @Column({ type: 'text', generatedType: 'STORED', asExpression: SEARCH_TEXT, select: false })
  searchText?: string;

  /** Maintained by PostgreSQL; never loaded, only searched (GIN index). */
  @Column({ type: 'tsvector', generatedType: 'STORED', asExpression: SEARCH_VECTOR, select: false })
  searchVector?: string;
}
