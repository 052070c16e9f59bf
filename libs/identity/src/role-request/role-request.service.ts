import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository, SelectQueryBuilder } from 'typeorm';
import { Role, Viewer } from '@cc/auth';
import { CommonException, Connection, ConnectionArgs, FieldError, paginate } from '@cc/graphql';
import { LocationValidator } from '../common/location';
import { isUniqueViolation } from '@cc/database';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { User } from '../user/user.entity';
import { OfficialRoleRequestInput } from './dto/official-role-request.input';
import {
  RejectRoleRequestInput,
  RoleGrantInput,
  RoleRequestsArgs,
} from './dto/role-request.inputs';
import { OfficialGrant } from './official-grant.entity';
import { RoleRequest, RoleRequestStatus } from './role-request.entity';

/** Oldest first: a queue for the ADMIN. Truncated to ms so cursors round-trip exactly. */
const oldestFirst = {
  column: `date_trunc('milliseconds', request.created_at)`,
  direction: 'ASC' as const,
  valueOf: (request: RoleRequest) => request.createdAt.toISOString(),
};

/** Roles that are granted, not taken: OFFICIAL requests and ADMIN grants and revocations. */
@Injectable()
export class RoleRequestService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(RoleRequest) private readonly requests: Repository<RoleRequest>,
    private readonly locations: LocationValidator,
  ) {}

  async requestOfficial(viewer: Viewer, input: OfficialRoleRequestInput): Promise<RoleRequest> {
    await this.locations.assertCity(input.cityId);
    if (viewer.isOfficialFor(input.cityId, input.department)) {
      throw IdentityException.conflict(
        IdentityErrorCode.ROLE_REQUEST_CLOSED,
        'You already are an OFFICIAL for this city and department',
      );
    }
    try {
      return await this.requests.save(
        this.requests.create({
          userId: viewer.userId,
          role: Role.OFFICIAL,
          cityId: input.cityId,
          department: input.department,
          note: input.note ?? '',
        }),
      );
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw IdentityException.conflict(
          IdentityErrorCode.ROLE_REQUEST_PENDING,
          'A request for this city and department is already pending; wait for an ADMIN to approve or reject it',
        );
      }
      throw error;
    }
  }

  /**
   * Grants a role. OFFICIAL is scoped: each grant adds one city and department, and approves
   * the user's pending request for that scope.
   */
  async grant(admin: Viewer, input: RoleGrantInput): Promise<User> {
    await this.assertScopeFields(input);
    return this.dataSource.transaction(async (manager) => {
      const user = await this.lockedUser(manager, input.userId);
      if (input.role === Role.OFFICIAL) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(OfficialGrant)
          .values({
            userId: user.id,
            cityId: input.cityId!,
            department: input.department!,
            grantedById: admin.userId,
          })
          .orIgnore()
          .execute();
        await manager.update(
          RoleRequest,
          {
            userId: user.id,
            cityId: input.cityId,
            department: input.department,
            status: RoleRequestStatus.PENDING,
          },
          {
            status: RoleRequestStatus.APPROVED,
            decidedById: admin.userId,
            decidedAt: new Date(),
          },
        );
      }
      if (!user.roles.includes(input.role)) {
        user.roles = [...user.roles, input.role];
        await manager.update(User, { id: user.id }, { roles: user.roles });
      }
      return user;
    });
  }

  /**
   * Takes a role away. For OFFICIAL with a scope, only that grant goes (and the role with the
   * last one); without a scope, all of them. An ADMIN cannot drop their own ADMIN role.
   */
  async revoke(admin: Viewer, input: RoleGrantInput): Promise<User> {
    if (input.role === Role.ADMIN && input.userId === admin.userId) {
      throw IdentityException.conflict(
        IdentityErrorCode.CANNOT_REVOKE_OWN_ADMIN,
        'You cannot revoke your own ADMIN role; ask another ADMIN',
      );
    }
    const scoped = input.role === Role.OFFICIAL && Boolean(input.cityId || input.department);
    // a scoped OFFICIAL revocation needs both fields; other roles take neither
    if (scoped || input.role !== Role.OFFICIAL) await this.assertScopeFields(input);
    return this.dataSource.transaction(async (manager) => {
      const user = await this.lockedUser(manager, input.userId);
      let dropRole = true;
      if (input.role === Role.OFFICIAL) {
        await manager.delete(OfficialGrant, {
          userId: user.id,
          ...(scoped && { cityId: input.cityId, department: input.department }),
        });
        dropRole = (await manager.countBy(OfficialGrant, { userId: user.id })) === 0;
      }
      if (dropRole && user.roles.includes(input.role)) {
        user.roles = user.roles.filter((role) => role !== input.role);
        await manager.update(User, { id: user.id }, { roles: user.roles });
      }
      return user;
    });
  }

  async reject(admin: Viewer, input: RejectRoleRequestInput): Promise<RoleRequest> {
    const result = await this.requests.update(
      { id: input.requestId, status: RoleRequestStatus.PENDING },
      {
        status: RoleRequestStatus.REJECTED,
        decidedById: admin.userId,
        decidedAt: new Date(),
        decisionNote: input.note ?? null,
      },
    );
    const request = await this.requests.findOneBy({ id: input.requestId });
    if (!request) throw CommonException.notFound('RoleRequest', input.requestId);
    if (!result.affected) {
      throw IdentityException.conflict(
        IdentityErrorCode.ROLE_REQUEST_CLOSED,
        `This request was already ${request.status.toLowerCase()}; the requester may file a new one with requestOfficialRole`,
      );
    }
    return request;
  }

  list(args: RoleRequestsArgs): Promise<Connection<RoleRequest>> {
    const query = this.requests.createQueryBuilder('request');
    if (args.status) query.where('request.status = :status', { status: args.status });
    return paginate(query, args, oldestFirst);
  }

  listOf(userId: string, args: ConnectionArgs): Promise<Connection<RoleRequest>> {
    const query: SelectQueryBuilder<RoleRequest> = this.requests
      .createQueryBuilder('request')
      .where('request.user_id = :userId', { userId });
    return paginate(query, args, oldestFirst);
  }

  private async lockedUser(manager: EntityManager, userId: string): Promise<User> {
    const user = await manager.findOne(User, {
      where: { id: userId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!user) throw CommonException.notFound('User', userId);
    return user;
  }

  private async assertScopeFields(input: RoleGrantInput): Promise<void> {
    const errors: FieldError[] = [];
    if (input.role === Role.OFFICIAL) {
      if (!input.cityId)
        errors.push({ field: 'cityId', message: 'cityId is required for OFFICIAL' });
      if (!input.department) {
        errors.push({ field: 'department', message: 'department is required for OFFICIAL' });
      }
    } else {
      if (input.cityId) errors.push({ field: 'cityId', message: 'cityId is only for OFFICIAL' });
      if (input.department) {
        errors.push({ field: 'department', message: 'department is only for OFFICIAL' });
      }
    }
    if (errors.length) throw CommonException.validation(errors);
    if (input.cityId) await this.locations.assertCity(input.cityId);
  }
}
