import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { isForeignKeyViolation, violationTable } from '@cc/database';
import { Connection, ConnectionArgs, paginate, paginateByScore } from '@cc/graphql';
import { CatalogException } from '../catalog.exception';
import { City } from '../city/city.entity';
import { District } from '../city/district.entity';
import { CulturalResourceOrder } from './cultural-resource-order.enum';
import { buildTextSearch, normalizeSearchText } from './cultural-resource-search';
import { CulturalResource } from './cultural-resource.entity';
import { CulturalResourceFilterInput } from './dto/cultural-resource-filter.input';
import {
  CreateCulturalResourceInput,
  GeoPointInput,
  UpdateCulturalResourceInput,
} from './dto/cultural-resource.input';

/** The catalogue of cultural resources: search for everyone, changes for ADMIN (resolvers check). */
@Injectable()
export class CulturalResourceService {
  constructor(
    @InjectRepository(CulturalResource) private readonly resources: Repository<CulturalResource>,
  ) {}

  /**
   * Filters combine with AND. With text, RELEVANCE (the default then) pages by (score, id) with
   * `paginateByScore`; NAME, and every listing without text, pages by (name, id).
   */
  list(
    filter: CulturalResourceFilterInput,
    args: ConnectionArgs,
    orderBy?: CulturalResourceOrder,
  ): Promise<Connection<CulturalResource>> {
    const query = this.resources.createQueryBuilder('resource');
    if (filter.cityId) query.andWhere('resource.city_id = :cityId', { cityId: filter.cityId });
    if (filter.districtId)
      query.andWhere('resource.district_id = :districtId', { districtId: filter.districtId });
    if (filter.kind) query.andWhere('resource.kind = :kind', { kind: filter.kind });

    const text = normalizeSearchText(filter.text);
    if (text) {
      const search = buildTextSearch('resource', text);
      query.andWhere(search.where, search.parameters);
      if (orderBy !== CulturalResourceOrder.NAME) {
        return paginateByScore(query, args, search.relevance);
      }
    }
    return paginate(query, args, {
      column: 'resource.name',
      direction: 'ASC',
      valueOf: (resource) => resource.name,
    });
  }

  async get(id: string): Promise<CulturalResource> {
    const resource = await this.resources.findOneBy({ id });
    if (!resource) throw CatalogException.culturalResourceNotFound(id);
    return resource;
  }

  async create(input: CreateCulturalResourceInput): Promise<CulturalResource> {
    const { id } = await this.resources.manager.transaction(async (manager) => {
      await assertCity(manager, input.cityId);
      if (input.districtId) await assertDistrictIn(manager, input.districtId, input.cityId);
      return manager.save(
        manager.create(CulturalResource, {
          cityId: input.cityId,
          districtId: input.districtId ?? null,
          name: input.name,
          localName: input.localName,
          kind: input.kind,
          description: input.description ?? '',
          ...location(input.location ?? null),
        }),
      );
    });
    return this.get(id);
  }

  async update(id: string, input: UpdateCulturalResourceInput): Promise<CulturalResource> {
    await refusedWhileLinked(id, 'moved to another city', () =>
      this.resources.manager.transaction(async (manager) => {
        const resource = await lockResource(manager, id);
        const cityId = input.cityId ?? resource.cityId;
        const districtId = input.districtId === undefined ? resource.districtId : input.districtId;
        if (cityId !== resource.cityId) await assertCity(manager, cityId);
        if (districtId && (districtId !== resource.districtId || cityId !== resource.cityId)) {
          await assertDistrictIn(manager, districtId, cityId);
        }
        Object.assign(resource, {
          cityId,
          districtId,
          ...(input.name !== undefined && { name: input.name }),
          ...(input.localName !== undefined && { localName: input.localName }),
          ...(input.kind !== undefined && { kind: input.kind }),
          ...(input.description !== undefined && { description: input.description }),
          ...(input.location !== undefined && location(input.location)),
        });
        await manager.save(resource);
      }),
    );
    return this.get(id);
  }

  /** Refused (CONFLICT) while any project links the resource; returns the deleted id. */
  async delete(id: string): Promise<string> {
    return refusedWhileLinked(id, 'deleted', () =>
      this.resources.manager.transaction(async (manager) => {
        await lockResource(manager, id);
        await manager.delete(CulturalResource, { id });
        return id;
      }),
    );
  }
}

function location(point: GeoPointInput | null): Pick<CulturalResource, 'latitude' | 'longitude'> {
  return { latitude: point?.latitude ?? null, longitude: point?.longitude ?? null };
}

/** Locks the row for the rest of the transaction, so a check and the change see the same row. */
async function lockResource(manager: EntityManager, id: string): Promise<CulturalResource> {
  const resource = await manager.findOne(CulturalResource, {
    where: { id },
    lock: { mode: 'pessimistic_write' },
  });
  if (!resource) throw CatalogException.culturalResourceNotFound(id);
  return resource;
}

async function assertCity(manager: EntityManager, cityId: string): Promise<void> {
  if (!(await manager.existsBy(City, { id: cityId }))) {
    throw CatalogException.unknownCity(cityId, 'cityId');
  }
}

async function assertDistrictIn(
  manager: EntityManager,
  districtId: string,
  cityId: string,
): Promise<void> {
  const district = await manager.findOneBy(District, { id: districtId });
  if (!district) throw CatalogException.unknownDistrict(districtId, 'districtId');
  if (district.cityId !== cityId) {
    throw CatalogException.districtOutsideCity(districtId, cityId, 'districtId');
  }
}

/**
 * Runs a delete or a city move of the resource, and answers RESOURCE_IN_USE when a foreign key
 * refuses it. Other domains link resources with foreign keys (a project's links are RESTRICT on
 * the resource and its city), so the catalog need not know who links them, nor count them.
 */
async function refusedWhileLinked<T>(
  id: string,
  action: string,
  change: () => Promise<T>,
): Promise<T> {
  try {
    return await change();
  } catch (error) {
    // A refused key of the resource's own (district, city) names this table; a link names its own.
    const linked = isForeignKeyViolation(error) && violationTable(error) !== 'cultural_resource';
    if (linked) throw CatalogException.resourceInUse(id, action);
    throw error;
  }
}
