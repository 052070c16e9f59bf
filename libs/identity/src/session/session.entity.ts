import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseEntity } from '@cc/database';
import { User } from '../user/user.entity';

export enum SessionEndReason {
  LOGOUT = 'LOGOUT',
  REFRESH_TOKEN_REUSED = 'REFRESH_TOKEN_REUSED',
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
}

/**
 * One sign-in: a family of refresh tokens, each replacing the last. Access tokens carry the
 * session id, so ending the session ends them too.
 */
@Entity()
export class Session extends BaseEntity {
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  user?: User;

  @Index()
  @Column({ type: 'uuid' })
  userId!: string;

  /** Moves forward with each rotation: the expiry of the newest refresh token. */
  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'enum', enum: SessionEndReason, enumName: 'session_end_reason', nullable: true })
  endReason!: SessionEndReason | null;
}
