import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { Role, SELF_SERVICE_ROLES } from '@cc/auth';
import { CommonException, Connection, paginate } from '@cc/graphql';
import { LocationValidator } from '../common/location';
import { isUniqueViolation } from '@cc/database';
import { IdentityException } from '../identity.exception';
import { RoleRequest } from '../role-request/role-request.entity';
import { SessionService, SessionTokens } from '../session/session.service';
import { SessionEndReason } from '../session/session.entity';
import { ChangePasswordInput } from './dto/change-password.input';
import { SignUpInput } from './dto/sign-up.input';
import { UpdateMyProfileInput } from './dto/update-my-profile.input';
import { UsersArgs } from './dto/users.args';
import { PasswordHasher } from './password-hasher';
import { normalizeEmail, User } from './user.entity';

export interface SignedIn {
  user: User;
  tokens: SessionTokens;
}

@Injectable()
export class UserService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly locations: LocationValidator,
  ) {}

  /**
   * Creates the account with its self-service roles and signs it in. OFFICIAL is not granted
   * here: it becomes a pending request for an ADMIN.
   */
  async signUp(input: SignUpInput): Promise<SignedIn> {
    const wantsOfficial = input.roles.includes(Role.OFFICIAL);
    if (wantsOfficial && !input.officialRequest) {
      throw CommonException.validation([
        {
          field: 'officialRequest',
          message: 'officialRequest is required when roles contains OFFICIAL',
        },
      ]);
    }
    if (!wantsOfficial && input.officialRequest) {
      throw CommonException.validation([
        {
          field: 'officialRequest',
          message: 'officialRequest is only for sign-ups asking for OFFICIAL',
        },
      ]);
    }
    if (input.officialRequest) {
      await this.locations.assertCity(input.officialRequest.cityId, 'officialRequest.cityId');
    }

    const passwordHash = await this.passwords.hash(input.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const user = await manager.save(
          manager.create(User, {
            email: normalizeEmail(input.email),
            passwordHash,
            displayName: input.displayName,
            roles: input.roles.filter((role) => SELF_SERVICE_ROLES.includes(role)),
          }),
        );
        if (input.officialRequest) {
          await manager.insert(RoleRequest, {
            userId: user.id,
            role: Role.OFFICIAL,
            cityId: input.officialRequest.cityId,
            department: input.officialRequest.department,
            note: input.officialRequest.note ?? '',
          });
        }
        const tokens = await this.sessions.start(user.id, manager);
        return { user, tokens };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw IdentityException.emailTaken();
      throw error;
    }
  }

  /** The user for these credentials; an unknown email and a wrong password fail alike. */
  async authenticate(email: string, password: string): Promise<User> {
    const user = await this.withPasswordHash(normalizeEmail(email));
    const ok = user
      ? await this.passwords.verify(user.passwordHash, password)
      : await this.passwords.verifyAgainstNothing(password);
    if (!user || !ok) throw IdentityException.invalidCredentials();
    delete (user as Partial<User>).passwordHash;
    return user;
  }

  /** Changes the password and ends every other session of the user. */
  async changePassword(
    userId: string,
    sessionId: string,
    input: ChangePasswordInput,
  ): Promise<void> {
    const user = await this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.id = :userId', { userId })
      .getOne();
    if (!user || !(await this.passwords.verify(user.passwordHash, input.currentPassword))) {
      throw IdentityException.wrongCurrentPassword();
    }
    const passwordHash = await this.passwords.hash(input.newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(User, { id: userId }, { passwordHash });
      await this.sessions.endAllFor(userId, SessionEndReason.PASSWORD_CHANGED, {
        except: sessionId,
        manager,
      });
    });
  }

  async updateProfile(userId: string, input: UpdateMyProfileInput): Promise<User> {
    if (input.displayName !== undefined) {
      await this.users.update({ id: userId }, { displayName: input.displayName });
    }
    return this.get(userId);
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw CommonException.notFound('User', id);
    return user;
  }

  byIds(ids: readonly string[]): Promise<User[]> {
    return this.users.findBy({ id: In([...ids]) });
  }

  list(args: UsersArgs): Promise<Connection<User>> {
    const query = this.users.createQueryBuilder('user');
    if (args.role) query.where(':role = ANY(user.roles)', { role: args.role });
    return paginate(query, args, {
      column: 'user.email',
      direction: 'ASC',
      valueOf: (user) => user.email,
    });
  }

  withPasswordHash(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email })
      .getOne();
  }
}
