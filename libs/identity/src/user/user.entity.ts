import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { Role } from '@cc/auth';
import { BaseEntity } from '@cc/database';

/** An account. `email` and `officialGrants` are resolved with a visibility check (see resolver). */
@ObjectType()
@Entity('user_account')
export class User extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  /** Trimmed and lower-cased; unique. Exposed only to the user and ADMIN. */
  @Index({ unique: true })
  @Column({ type: 'text' })
  email!: string;

  /** argon2id PHC string. Never selected unless asked for. */
  @Column({ type: 'text', select: false })
  passwordHash!: string;

  @Field()
  @Column({ type: 'text' })
  displayName!: string;

  @Field(() => [Role])
  @Column({ type: 'enum', enum: Role, enumName: 'user_role', array: true, default: '{}' })
  roles!: Role[];

  @Field()
  declare createdAt: Date;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const OWN_VIEW = Symbol('ownView');

/**
 * Marks a user object being returned to that same user outside a signed-in request (the user in
 * the payload of signUp/login/refreshSession), so its private fields resolve for them.
 */
export function markOwnView(user: User): User {
  Object.defineProperty(user, OWN_VIEW, { value: true, enumerable: false });
  return user;
}

export function isOwnView(user: User): boolean {
  return (user as unknown as Record<symbol, unknown>)[OWN_VIEW] === true;
}
