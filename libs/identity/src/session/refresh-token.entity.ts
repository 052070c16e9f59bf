import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseEntity } from '@cc/database';
import { Session } from './session.entity';

/**
 * A refresh token, stored only as its SHA-256 (the token is 256 random bits, so a fast hash is
 * enough). Each is good for one rotation; presenting a used one ends its whole family.
 */
@Entity()
export class RefreshToken extends BaseEntity {
  @ManyToOne(() => Session, { onDelete: 'CASCADE' })
  family?: Session;

  /** The session this token belongs to: its token family. */
  @Index()
  @Column({ type: 'uuid' })
  familyId!: string;

  @Index({ unique: true })
  @Column({ type: 'text' })
  tokenHash!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
