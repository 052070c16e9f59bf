import { Field, ID, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  Relation,
} from 'typeorm';
import type { User } from '@cc/identity';
import { NotificationKind } from './notification-kind.enum';

/** JSON details of the event: ids of what it is about, for the client to link to. */
export interface NotificationPayload {
  projectId?: string;
  bidId?: string;
  orderId?: string;
  [key: string]: unknown;
}

/**
 * Something that happened which concerns one user. One row per recipient; rows are the source
 * of truth, the live push over the subscription is best-effort on top.
 *
 * `createdAt` is kept to the millisecond so the keyset cursor (which carries an ISO timestamp)
 * names a row exactly. The two listing indexes (all, and unread only; both newest first) are
 * written by hand in the migration, hence `synchronize: false`.
 */
@ObjectType()
@Entity()
@Index('IDX_notification_recipient_created', { synchronize: false })
@Index('IDX_notification_recipient_unread', { synchronize: false })
export class Notification {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  // By entity name and type only: identity imports this library (team invitations notify), so
  // a runtime import back into @cc/identity would be a cycle.
  @ManyToOne('User', { onDelete: 'CASCADE' })
  recipient?: Relation<User>;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  recipientId!: string;

  @Field(() => NotificationKind)
  @Column({ type: 'enum', enum: NotificationKind, enumName: 'notification_kind' })
  kind!: NotificationKind;

  @Field()
  @Column({ type: 'text' })
  title!: string;

  @Field()
  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload!: NotificationPayload;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
