import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Viewer } from '@cc/auth';
import { CatalogService } from '@cc/catalog';
import { CouplingModel } from '@cc/coupling';
import { Connection, ConnectionArgs, paginate } from '@cc/graphql';
import { assertCityAccess, visibleCityIds } from '../impact-access';
import { ImpactException } from '../impact.exception';
import { CreateIndicatorSystemVersionInput } from './dto/create-indicator-system-version.input';
import { IndicatorSystemVersion } from './indicator-system-version.entity';
import type { StoredBasis } from './indicator-system-basis';
import { basisFromInput } from './indicator-system-basis.builder';
import { definitionFromInput } from './indicator-system.builder';
import { validateIndicatorSystem } from './indicator-system.definition';

/** Serialises version numbering (pg_advisory_xact_lock key). */
const VERSION_NUMBER_LOCK = 0x1c5_0001;

@Injectable()
export class IndicatorSystemService {
  private readonly models = new Map<string, CouplingModel>();

  constructor(
    @InjectRepository(IndicatorSystemVersion)
    private readonly versions: Repository<IndicatorSystemVersion>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: CatalogService,
  ) {}

  /** Creates the next version (never edits one). Officials for their city; ADMIN for any or all. */
  async create(
    viewer: Viewer,
    input: CreateIndicatorSystemVersionInput,
  ): Promise<IndicatorSystemVersion> {
    if (input.cityId) {
      assertCityAccess(viewer, input.cityId);
      const [city] = await this.catalog.citiesByIds([input.cityId]);
      if (!city) throw ImpactException.cityNotFound(input.cityId);
    } else if (!viewer.isAdmin) {
      throw ImpactException.globalSystemRequiresAdmin();
    }
    const definition = definitionFromInput(input);
    const model = validateIndicatorSystem(definition);
    const { spec, basis } = basisFromInput(input.basis, model, input.periodGranularity, new Date());
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [VERSION_NUMBER_LOCK]);
      const [{ next }] = await manager.query(
        'SELECT coalesce(max(version), 0) + 1 AS next FROM indicator_system_version',
      );
      return manager.save(
        manager.create(IndicatorSystemVersion, {
          ...definition,
          version: Number(next),
          cityId: input.cityId ?? null,
          periodGranularity: input.periodGranularity,
          note: input.note ?? null,
          basisSpec: spec,
          basis,
          createdById: viewer.userId,
        }),
      );
    });
  }

  /** Versions the viewer may see (global ones and those of their cities), newest first. */
  list(
    viewer: Viewer,
    cityId: string | undefined,
    args: ConnectionArgs,
  ): Promise<Connection<IndicatorSystemVersion>> {
    const query = this.versions.createQueryBuilder('version');
    if (cityId) {
      assertCityAccess(viewer, cityId);
      query.andWhere('(version.city_id IS NULL OR version.city_id = :cityId)', { cityId });
    } else {
      const cities = visibleCityIds(viewer);
      if (cities) {
        query.andWhere('(version.city_id IS NULL OR version.city_id = ANY(:cities))', { cities });
      }
    }
    return paginate(query, args, {
      column: 'version.version',
      direction: 'DESC',
      valueOf: (version) => version.version,
    });
  }

  /** By number, or else the version in force for the city (or the latest global one). */
  async resolve(
    viewer: Viewer,
    options: { version?: number | null; cityId?: string | null },
  ): Promise<IndicatorSystemVersion> {
    if (options.cityId) assertCityAccess(viewer, options.cityId);
    let found: IndicatorSystemVersion | null;
    if (options.version !== undefined && options.version !== null) {
      found = await this.versions.findOneBy({ version: options.version });
      if (!found) throw ImpactException.indicatorSystemNotFound(`version ${options.version}`);
      if (found.cityId) assertCityAccess(viewer, found.cityId);
      if (found.cityId && options.cityId && found.cityId !== options.cityId) {
        throw ImpactException.indicatorSystemNotFound(
          `version ${options.version} for city ${options.cityId} (it belongs to another city)`,
        );
      }
      return found;
    }
    found = await this.activeFor(options.cityId ?? null);
    if (!found) throw ImpactException.indicatorSystemNotFound('in force');
    return found;
  }

  /** The latest version scoped to the city, else the latest global version. */
  async activeFor(cityId: string | null): Promise<IndicatorSystemVersion | null> {
    return this.versions
      .createQueryBuilder('version')
      .where(
        cityId
          ? '(version.city_id IS NULL OR version.city_id = :cityId)'
          : 'version.city_id IS NULL',
        {
          cityId,
        },
      )
      .orderBy('version.city_id IS NULL', 'ASC')
      .addOrderBy('version.version', 'DESC')
      .getOne();
  }

  /**
   * Ids of the versions a change of these indicators in these cities affects: every version
   * whose scope covers one of the cities (global, or that city) and that uses one of the
   * indicators (any indicator when `indicators` is null).
   */
  async affectedVersionIds(
    cityIds: readonly string[],
    indicators: readonly string[] | null,
  ): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM indicator_system_version v
        WHERE (v.city_id IS NULL OR v.city_id = ANY($1::uuid[]))
          AND ($2::text[] IS NULL OR EXISTS (
                SELECT 1 FROM jsonb_array_elements(v.indicators) AS i WHERE i->>'key' = ANY($2::text[])))
        ORDER BY v.version`,
      [[...cityIds], indicators ? [...indicators] : null],
    );
    return rows.map((row) => row.id);
  }

  async allVersionIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      'SELECT id FROM indicator_system_version ORDER BY version',
    );
    return rows.map((row) => row.id);
  }

  /**
   * Fixes a BASELINE basis derived by the first recompute able to (the caller holds the
   * version's recompute lock). Never overwrites a fixed basis: returns the one stored.
   */
  async fixBasis(
    manager: EntityManager,
    versionId: string,
    basis: StoredBasis,
  ): Promise<StoredBasis> {
    await manager.query(
      'UPDATE indicator_system_version SET basis = $2::jsonb WHERE id = $1 AND basis IS NULL',
      [versionId, JSON.stringify(basis)],
    );
    const [stored] = await manager.query(
      'SELECT basis FROM indicator_system_version WHERE id = $1',
      [versionId],
    );
    return stored.basis as StoredBasis;
  }

  findById(id: string): Promise<IndicatorSystemVersion | null> {
    return this.versions.findOneBy({ id });
  }

  /** The parsed coupling model of a version (versions never change, so it is cached by id). */
  modelOf(version: IndicatorSystemVersion): CouplingModel {
    let model = this.models.get(version.id);
    if (!model) {
      model = validateIndicatorSystem(version);
      this.models.set(version.id, model);
    }
    return model;
  }
}
