import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Role } from '@cc/auth';
import { AppConfig } from '@cc/config';
import { PasswordHasher } from './password-hasher';
import { normalizeEmail, User } from './user.entity';
import { UserService } from './user.service';

/**
 * There is no self-service ADMIN. The first one is provisioned by the operator: with
 * BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD set, API start-up ensures that account exists
 * and is an ADMIN. An existing account with that email is promoted only if it has that password,
 * so whoever signs up first with the address cannot claim the role. Idempotent, and safe when
 * several replicas start at once. Tests and seeds call `ensureAdmin` directly.
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly userService: UserService,
    private readonly passwords: PasswordHasher,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.auth.bootstrapAdmin;
    if (!admin) return;
    try {
      await this.ensureAdmin(admin.email, admin.password);
      this.logger.log(`bootstrap ADMIN ${admin.email} is ready`);
    } catch (error) {
      this.logger.error(`bootstrap ADMIN not provisioned: ${(error as Error).message}`);
    }
  }

  async ensureAdmin(email: string, password: string, displayName = 'Administrator'): Promise<User> {
    const normalized = normalizeEmail(email);
    let existing = await this.userService.withPasswordHash(normalized);
    if (!existing) {
      await this.users
        .createQueryBuilder()
        .insert()
        .values({
          email: normalized,
          passwordHash: await this.passwords.hash(password),
          displayName,
          roles: [Role.ADMIN],
        })
        .orIgnore()
        .execute();
      existing = await this.userService.withPasswordHash(normalized);
      if (!existing) throw new Error(`could not create ${normalized}`);
    }
    if (!existing.roles.includes(Role.ADMIN)) {
      if (!(await this.passwords.verify(existing.passwordHash, password))) {
        throw new Error(
          `${normalized} already exists with another password; it was not made an ADMIN`,
        );
      }
      await this.users.query(
        `UPDATE user_account SET roles = array_append(roles, 'ADMIN') WHERE id = $1 AND NOT ('ADMIN' = ANY(roles))`,
        [existing.id],
      );
    }
    return this.userService.get(existing.id);
  }
}
