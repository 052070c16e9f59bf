import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AccessPolicy, OrganizationRole, Viewer } from '@cc/auth';
import { CommonException, Connection, FieldError, paginate } from '@cc/graphql';
import { LocationValidator } from '../common/location';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import {
  CreateOrganizationInput,
  UpdateManufacturerCapabilitiesInput,
  UpdateOrganizationInput,
} from './dto/organization.inputs';
import { OrganizationsArgs } from './dto/organization.args';
import { ManufacturerCapability } from './manufacturer-capability.entity';
import { OrganizationMember } from './organization-member.entity';
import { Organization } from './organization.entity';
import { OrganizationKind, ROLE_FOR_ORGANIZATION_KIND } from './organization.enums';
import { matchingChanged, MatchSubject } from '@cc/matching';
import { OutboxWriter } from '@cc/queue';

const byName = {
  column: 'organization.name',
  direction: 'ASC' as const,
  valueOf: (organization: Organization) => organization.name,
};

/** Organization profiles and manufacturer capabilities. Membership is in MembershipService. */
@Injectable()
export class OrganizationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    @InjectRepository(ManufacturerCapability)
    private readonly capabilities: Repository<ManufacturerCapability>,
    private readonly policy: AccessPolicy,
    private readonly locations: LocationValidator,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * The creator must hold the role the kind needs (a government department needs an OFFICIAL
   * granted for that city and department) and becomes its first OWNER.
   */
  async create(viewer: Viewer, input: CreateOrganizationInput): Promise<Organization> {
    this.assertKindFields(input);
    const role = ROLE_FOR_ORGANIZATION_KIND[input.kind];
    if (!viewer.hasRole(role)) {
      throw IdentityException.forbidden(
        IdentityErrorCode.ROLE_MISSING,
        `Creating a ${input.kind} organization needs the ${role} role`,
        { requiredRole: role },
      );
    }
    if (input.kind === OrganizationKind.GOVERNMENT_DEPARTMENT) {
      this.policy.assertOfficialFor(viewer, input.cityId, input.department);
    }
    await this.locations.assertCity(input.cityId);
    if (input.districtId) await this.locations.assertDistrictIn(input.districtId, input.cityId);

    const created = await this.dataSource.transaction(async (manager) => {
      const organization = await manager.save(
        manager.create(Organization, {
          kind: input.kind,
          name: input.name,
          description: input.description ?? '',
          cityId: input.cityId,
          districtId: input.districtId ?? null,
          incubatorType: input.incubatorType ?? null,
          department: input.department ?? null,
          createdById: viewer.userId,
        }),
      );
      await manager.insert(OrganizationMember, {
        organizationId: organization.id,
        userId: viewer.userId,
        role: OrganizationRole.OWNER,
      });
      await this.manufacturerChanged(manager, organization, 'organization created');
      return organization;
    });
    return created;
  }

  /** Any member may edit the profile; nobody else may. */
  async update(viewer: Viewer, input: UpdateOrganizationInput): Promise<Organization> {
    const organization = await this.get(input.organizationId);
    await this.policy.assertOrganizationMember(viewer, organization.id);
    if (input.incubatorType && organization.kind !== OrganizationKind.INCUBATOR) {
      throw CommonException.validation([
        { field: 'incubatorType', message: 'incubatorType is only for INCUBATOR organizations' },
      ]);
    }
    const cityId = input.cityId ?? organization.cityId;
    if (input.cityId) await this.locations.assertCity(input.cityId);
    if (input.districtId) await this.locations.assertDistrictIn(input.districtId, cityId);
    if (organization.kind === OrganizationKind.GOVERNMENT_DEPARTMENT && input.cityId) {
      throw CommonException.validation([
        { field: 'cityId', message: 'a government department cannot move to another city' },
      ]);
    }
    const movedCity = input.cityId !== undefined && input.cityId !== organization.cityId;
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        Organization,
        { id: organization.id },
        {
          ...(input.name !== undefined && { name: input.name }),
          ...(input.description !== undefined && { description: input.description }),
          ...(input.incubatorType !== undefined && { incubatorType: input.incubatorType }),
          ...(input.cityId !== undefined && { cityId: input.cityId }),
          // a district of the old city cannot stay when the city changes
          ...(input.districtId !== undefined
            ? { districtId: input.districtId }
            : movedCity && { districtId: null }),
        },
      );
      await this.manufacturerChanged(manager, organization, 'organization updated');
    });
    return this.get(organization.id);
  }

  /**
   * Matching keeps a copy of each manufacturer's profile: tell it when one changes, in the
   * transaction of the change (`manager`), so the event commits exactly when the change does.
   */
  private async manufacturerChanged(
    manager: EntityManager,
    organization: Organization,
    reason: string,
  ): Promise<void> {
    if (organization.kind !== OrganizationKind.MANUFACTURER) return;
    await this.outbox.addAll(manager, [
      matchingChanged(MatchSubject.MANUFACTURER, organization.id, reason),
    ]);
  }

  /** Members of a MANUFACTURER organization who hold the MANUFACTURER role. */
  async updateCapabilities(
    viewer: Viewer,
    input: UpdateManufacturerCapabilitiesInput,
  ): Promise<ManufacturerCapability> {
    const organization = await this.get(input.organizationId);
    await this.policy.assertOrganizationMember(viewer, organization.id);
    if (organization.kind !== OrganizationKind.MANUFACTURER) {
      throw IdentityException.badInput(
        IdentityErrorCode.WRONG_ORGANIZATION_KIND,
        'Only MANUFACTURER organizations have a capability profile',
      );
    }
    const changes = {
      ...(input.processes !== undefined && { processes: input.processes }),
      ...(input.materials !== undefined && { materials: input.materials }),
      ...(input.certifications !== undefined && { certifications: input.certifications }),
      ...(input.moq !== undefined && { moq: input.moq }),
      ...(input.monthlyCapacity !== undefined && { monthlyCapacity: input.monthlyCapacity }),
    };
    await this.dataSource.transaction(async (manager) => {
      const capabilities = manager.getRepository(ManufacturerCapability);
      if (Object.keys(changes).length) {
        await capabilities.upsert(
          { organizationId: organization.id, ...changes },
          { conflictPaths: ['organizationId'] },
        );
      } else {
        await capabilities
          .createQueryBuilder()
          .insert()
          .values({ organizationId: organization.id })
          .orIgnore()
          .execute();
      }
      await this.manufacturerChanged(manager, organization, 'capability profile changed');
    });
    return this.capabilities.findOneByOrFail({ organizationId: organization.id });
  }

  async get(id: string): Promise<Organization> {
    const organization = await this.organizations.findOneBy({ id });
    if (!organization) throw CommonException.notFound('Organization', id);
    return organization;
  }

  list(args: OrganizationsArgs): Promise<Connection<Organization>> {
    const query = this.organizations.createQueryBuilder('organization');
    const filter = args.filter ?? {};
    if (filter.kind) query.andWhere('organization.kind = :kind', { kind: filter.kind });
    if (filter.cityId) query.andWhere('organization.city_id = :cityId', { cityId: filter.cityId });
    if (filter.process) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM manufacturer_capability c
                  WHERE c.organization_id = organization.id AND :process = ANY(c.processes))`,
        { process: filter.process },
      );
    }
    return paginate(query, args, byName);
  }

  listOf(userId: string, args: OrganizationsArgs): Promise<Connection<Organization>> {
    const query = this.organizations
      .createQueryBuilder('organization')
      .where(
        'EXISTS (SELECT 1 FROM organization_member m WHERE m.organization_id = organization.id AND m.user_id = :userId)',
        { userId },
      );
    return paginate(query, args, byName);
  }

  private assertKindFields(input: CreateOrganizationInput): void {
    const errors: FieldError[] = [];
    const incubator = input.kind === OrganizationKind.INCUBATOR;
    const government = input.kind === OrganizationKind.GOVERNMENT_DEPARTMENT;
    if (incubator && !input.incubatorType) {
      errors.push({ field: 'incubatorType', message: 'incubatorType is required for INCUBATOR' });
    }
    if (!incubator && input.incubatorType) {
      errors.push({ field: 'incubatorType', message: 'incubatorType is only for INCUBATOR' });
    }
    if (government && !input.department) {
      errors.push({
        field: 'department',
        message: 'department is required for GOVERNMENT_DEPARTMENT',
      });
    }
    if (!government && input.department) {
      errors.push({ field: 'department', message: 'department is only for GOVERNMENT_DEPARTMENT' });
    }
    if (errors.length) throw CommonException.validation(errors);
  }
}
