import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  ManufacturerProfile,
  OutletProfile,
  ProductProfile,
  ProjectNeeds,
  TalentProfileFeatures,
} from '../scoring/match-features';
import { normalizeTerm } from '../scoring/match-result';

/**
 * Candidate generation: the SQL that narrows each side to the pairs worth scoring, on matching's
 * own GIN-indexed arrays, so a refresh costs in proportion to its candidates rather than to all
 * organizations. A pair left out here can still be explained (`explainMatch` scores any pair).
 */
@Injectable()
export class MatchCandidates {
  constructor(private readonly db: DataSource) {}

  /** Makers offering a needed process; for a project that needs none, a material or the city. */
  async manufacturersFor(project: ProjectNeeds): Promise<ManufacturerProfile[]> {
    // Two statements rather than one with OR, so that each uses its GIN index.
    const rows: { profile: ManufacturerProfile }[] =
      project.processes.length > 0
        ? await this.db.query(
            `SELECT profile FROM match_manufacturer WHERE processes && $1::text[]`,
            [project.processes],
          )
        : await this.db.query(
            `SELECT profile FROM match_manufacturer WHERE materials && $1::text[] OR city_id = $2`,
            [project.materials.map(normalizeTerm), project.cityId],
          );
    return rows.map((row) => row.profile);
  }

  /** The mirror image: open projects needing a process the maker offers, or needing none. */
  async projectsFor(maker: ManufacturerProfile): Promise<ProjectNeeds[]> {
    const rows = await this.db.query<{ profile: ProjectNeeds }[]>(
      `SELECT profile FROM match_project
        WHERE open AND (processes && $1::text[]
          OR (processes = '{}' AND (materials && $2::text[] OR city_id = $3)))`,
      [maker.processes, maker.materials.map(normalizeTerm), maker.cityId],
    );
    return rows.map((row) => row.profile);
  }

  /**
   * Outlets of the product's city (the only ones it can be placed at, see `cityGate`) sharing a
   * theme, and its online shops; for a product without themes, all of its city's.
   */
  async outletsFor(product: ProductProfile): Promise<OutletProfile[]> {
    const rows = await this.db.query<{ profile: OutletProfile }[]>(
      product.themes.length > 0
        ? `SELECT profile FROM match_outlet
            WHERE city_id = $1 AND (themes && $2::text[] OR type = 'ONLINE')`
        : `SELECT profile FROM match_outlet WHERE city_id = $1`,
      product.themes.length > 0 ? [product.cityId, product.themes] : [product.cityId],
    );
    return rows.map((row) => row.profile);
  }

  /**
   * The mirror image: products of the outlet's city sharing a theme (and themeless ones); an
   * online shop considers all of its city's products.
   */
  async productsFor(outlet: OutletProfile): Promise<ProductProfile[]> {
    const rows = await this.db.query<{ profile: ProductProfile }[]>(
      outlet.type === 'ONLINE'
        ? `SELECT profile FROM match_product WHERE city_id = $1`
        : `SELECT profile FROM match_product
            WHERE city_id = $1 AND (themes && $2::text[] OR themes = '{}')`,
      outlet.type === 'ONLINE' ? [outlet.cityId] : [outlet.cityId, outlet.themes],
    );
    return rows.map((row) => row.profile);
  }

  /** Talents with a discipline the team lacks (its members excluded), nearest needs first. */
  async teammatesFor(
    memberUserIds: readonly string[],
    lacking: readonly string[],
  ): Promise<TalentProfileFeatures[]> {
    const rows = await this.db.query<{ profile: TalentProfileFeatures }[]>(
      `SELECT profile FROM match_talent
        WHERE disciplines && $1::text[] AND NOT (user_id = ANY($2::uuid[]))`,
      [lacking, memberUserIds],
    );
    return rows.map((row) => row.profile);
  }
}
