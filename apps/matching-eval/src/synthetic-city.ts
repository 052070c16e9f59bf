import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

export interface SyntheticScale {
  manufacturers: number;
  openProjects: number;
  outlets: number;
  products: number;
  /** Projects and products with planted good (6) and bad (4) counterparts. */
  plantedCases: number;
}

export interface PlantedFit {
  subjectId: string;
  good: string[];
  bad: string[];
}

export interface SyntheticCity {
  cityId: string;
  manufacturerFits: PlantedFit[];
  outletFits: PlantedFit[];
  openProjectIds: string[];
  productIds: string[];
}

const PROCESSES = [
  'CERAMICS',
  'EMBROIDERY',
  'LASER_ENGRAVING',
  'THREE_D_PRINTING',
  'METAL_CASTING',
  'PRINTING_PACKAGING',
  'AR_VR_DEVELOPMENT',
  'WOODWORKING',
  'TEXTILE_SEWING',
  'LEATHERWORK',
  'INJECTION_MOLDING',
  'PAPER_CRAFT',
];
const MATERIALS = ['brass', 'porcelain clay', 'silk', 'pla', 'walnut', 'paper'];
const KINDS = [
  'INDUSTRIAL_HERITAGE',
  'PALACE_QING_CULTURE',
  'FOLK_CULTURE',
  'REVOLUTIONARY_HISTORY',
  'NATURAL_LANDSCAPE',
];
/** Outlet types where each kind sells (the planted good outlets use the first). */
const HOME_TYPE: Record<string, string> = {
  INDUSTRIAL_HERITAGE: 'MUSEUM',
  PALACE_QING_CULTURE: 'MUSEUM',
  FOLK_CULTURE: 'SCENIC_SPOT',
  REVOLUTIONARY_HISTORY: 'MUSEUM',
  NATURAL_LANDSCAPE: 'SCENIC_SPOT',
};
const OUTLET_TYPES = ['SCENIC_SPOT', 'MUSEUM', 'BUSINESS_DISTRICT', 'COMMUNITY', 'ONLINE'];

/**
 * A synthetic city written straight into the domains' tables (as a data generator would), for the
 * matching benchmark and for checking `eval:matching` before the demo generator exists. Values
 * are pseudo-random but deterministic (hashes of row numbers). Planted fits follow the product
 * brief, not the scorer: a good maker offers every process, material and certificate, has room
 * for the quantity, sits in the district of the project's resource and has a good record; bad
 * makers lack the certificate, the capacity or the process. Good outlets carry the product's
 * theme at a fitting type and price band; bad ones carry none of it.
 */
export async function buildSyntheticCity(
  db: Client,
  scale: SyntheticScale,
): Promise<SyntheticCity> {
  const tag = randomUUID().slice(0, 8);
  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
    (await db.query(sql, params)).rows[0] as T;
  const ids = async (sql: string, params: unknown[] = []): Promise<string[]> =>
    (await db.query(sql, params)).rows.map((row: { id: string }) => row.id);

  const { id: cityId } = await one<{ id: string }>(
    `INSERT INTO city (code, name, local_name) VALUES ($1, $1, $1) RETURNING id`,
    [`synthetic-${tag}`],
  );
  const districtIds = await ids(
    `INSERT INTO district (city_id, name, local_name)
     SELECT $1, 'District ' || g, '区' || g FROM generate_series(1, 4) g RETURNING id`,
    [cityId],
  );
  // One resource per (kind, district).
  const resources = (
    await db.query(
      `INSERT INTO cultural_resource (city_id, district_id, name, local_name, kind, description)
       SELECT $1, d, k || ' ' || i, k || ' ' || i, k::cultural_resource_kind, 'synthetic'
         FROM unnest($2::uuid[]) WITH ORDINALITY AS ds(d, i), unnest($3::text[]) AS k
       RETURNING id, district_id, kind::text AS kind`,
      [cityId, districtIds, KINDS],
    )
  ).rows as { id: string; district_id: string; kind: string }[];
  const { id: ownerId } = await one<{ id: string }>(
    `INSERT INTO user_account (email, password_hash, display_name) VALUES ($1, 'x', 'Synthetic owner') RETURNING id`,
    [`owner-${tag}@synthetic.local`],
  );

  // Background manufacturers: two processes, a material, a certificate for a third of them.
  await db.query(
    `WITH orgs AS (
       INSERT INTO organization (kind, name, city_id, district_id)
       SELECT 'MANUFACTURER', 'Maker ' || g, $1, ($2::uuid[])[1 + g % 4]
         FROM generate_series(1, $3) g RETURNING id)
     , h AS (SELECT id, abs(hashtext(id::text)) AS h FROM orgs)
     , caps AS (
       INSERT INTO manufacturer_capability (organization_id, processes, materials, certifications, moq, monthly_capacity)
       SELECT id, ARRAY[($4::text[])[1 + h % 12], ($4::text[])[1 + (h / 12) % 12]]::manufacturing_process[],
              ARRAY[($5::text[])[1 + (h / 144) % 6]],
              CASE WHEN h % 3 = 0 THEN ARRAY['ISO 9001'] ELSE '{}'::text[] END,
              50, 100 + h % 3000
         FROM h RETURNING organization_id)
     INSERT INTO manufacturer_record (organization_id, review_count, score_sum, delivered_orders, on_time_orders)
     SELECT id, 1 + h % 5, (1 + h % 5) * (6 + h % 10), 1 + h % 7, (1 + h % 7) * (h % 3) / 2
       FROM h WHERE h % 10 < 3`,
    [cityId, districtIds, scale.manufacturers, PROCESSES, MATERIALS],
  );

  const project = async (
    g: number,
    planted: boolean,
  ): Promise<{
    id: string;
    resource: (typeof resources)[number];
    processes: string[];
    material: string;
  }> => {
    const resource = resources[g % resources.length];
    const processes = [PROCESSES[g % 12], PROCESSES[(g * 7 + 3) % 12]].filter(
      (p, i, all) => all.indexOf(p) === i,
    );
    const material = MATERIALS[g % MATERIALS.length];
    const { id } = await one<{ id: string }>(
      `WITH p AS (
         INSERT INTO project (title, description, city_id, category, state, owner_user_id,
                              processes, materials, quantity, target_unit_cost_fen, required_certifications,
                              bid_deadline, delivery_deadline, published_at)
         VALUES ($1, 'synthetic', $2, 'PRODUCT', 'OPEN_FOR_BIDS', $3, $5, ARRAY[$6], $7, 2000, $8,
                 now() + interval '10 days', now() + interval '120 days', now())
         RETURNING id, city_id),
       link AS (INSERT INTO project_cultural_resource SELECT id, $4::uuid, city_id, 0 FROM p)
       SELECT id FROM p`,
      [
        `Project ${g}`,
        cityId,
        ownerId,
        resource.id,
        processes,
        material,
        500 + (g % 4) * 500,
        planted || g % 3 === 0 ? ['ISO 9001'] : [],
      ],
    );
    return { id, resource, processes, material };
  };

  const makers = async (
    rows: {
      name: string;
      district: string;
      processes: string[];
      material: string;
      certs: string[];
      capacity: number;
      record: boolean;
    }[],
  ): Promise<string[]> => {
    const out: string[] = [];
    for (const row of rows) {
      const { id } = await one<{ id: string }>(
        `INSERT INTO organization (kind, name, city_id, district_id) VALUES ('MANUFACTURER', $1, $2, $3) RETURNING id`,
        [row.name, cityId, row.district],
      );
      await db.query(
        `INSERT INTO manufacturer_capability (organization_id, processes, materials, certifications, moq, monthly_capacity)
         VALUES ($1, $2::manufacturing_process[], ARRAY[$3], $4, 50, $5)`,
        [id, row.processes, row.material, row.certs, row.capacity],
      );
      if (row.record) {
        await db.query(
          `INSERT INTO manufacturer_record (organization_id, review_count, score_sum, delivered_orders, on_time_orders)
           VALUES ($1, 6, 6 * 14, 8, 8)`,
          [id],
        );
      }
      out.push(id);
    }
    return out;
  };

  const manufacturerFits: PlantedFit[] = [];
  const openProjectIds: string[] = [];
  for (let g = 0; g < scale.openProjects; g += 1) {
    const planted = g < scale.plantedCases;
    const p = await project(g, planted);
    openProjectIds.push(p.id);
    if (!planted) continue;
    const base = { district: p.resource.district_id, processes: p.processes, material: p.material };
    const good = await makers(
      Array.from({ length: 6 }, (_, i) => ({
        ...base,
        name: `Good ${g}.${i}`,
        certs: ['ISO 9001'],
        capacity: 5000,
        record: true,
      })),
    );
    const wrongProcess = PROCESSES.filter((x) => !p.processes.includes(x)).slice(0, 2);
    const bad = await makers([
      { ...base, name: `No cert ${g}.1`, certs: [], capacity: 5000, record: true },
      { ...base, name: `No cert ${g}.2`, certs: [], capacity: 5000, record: true },
      { ...base, name: `Tiny ${g}`, certs: ['ISO 9001'], capacity: 10, record: true },
      {
        ...base,
        name: `Wrong process ${g}`,
        certs: ['ISO 9001'],
        capacity: 5000,
        record: true,
        processes: wrongProcess,
      },
    ]);
    manufacturerFits.push({ subjectId: p.id, good, bad });
  }

  // Retailers and background outlets.
  const { id: retailerId } = await one<{ id: string }>(
    `INSERT INTO organization (kind, name, city_id) VALUES ('RETAILER', 'Synthetic retail', $1) RETURNING id`,
    [cityId],
  );
  await db.query(
    `WITH g AS (SELECT g, abs(hashtext('outlet' || g)) AS h FROM generate_series(1, $3) g)
     INSERT INTO outlet (organization_id, name, type, city_id, district_id, themes, average_monthly_footfall,
                         price_band_min_fen, price_band_max_fen)
     SELECT $1, 'Outlet ' || g, ($5::text[])[1 + h % 5]::outlet_type, $2, ($4::uuid[])[1 + g % 4],
            ARRAY[($6::text[])[1 + (h / 5) % 5]]::cultural_resource_kind[], 500 + h % 200000,
            (1 + h % 20) * 1000, (1 + h % 20) * 1000 + 2000 + (h / 7) % 30000
       FROM g`,
    [retailerId, cityId, scale.outlets, districtIds, OUTLET_TYPES, KINDS],
  );

  const outletFits: PlantedFit[] = [];
  const productIds: string[] = [];
  const outlet = async (
    name: string,
    type: string,
    theme: string,
    footfall: number,
    min: number,
    max: number,
  ) =>
    (
      await one<{ id: string }>(
        `INSERT INTO outlet (organization_id, name, type, city_id, district_id, themes, average_monthly_footfall,
                             price_band_min_fen, price_band_max_fen)
         VALUES ($1, $2, $3, $4, $5, ARRAY[$6]::cultural_resource_kind[], $7, $8, $9) RETURNING id`,
        [retailerId, name, type, cityId, districtIds[0], theme, footfall, min, max],
      )
    ).id;
  for (let g = 0; g < scale.products; g += 1) {
    const kind = KINDS[g % KINDS.length];
    const resource = resources.find((r) => r.kind === kind)!;
    const { id: projectId } = await one<{ id: string }>(
      `WITH p AS (
         INSERT INTO project (title, description, city_id, category, state, owner_user_id,
                              quantity, target_unit_cost_fen, bid_deadline, delivery_deadline)
         VALUES ($1, 'synthetic', $2, 'PRODUCT', 'IN_MARKET', $3, 100, 1000, now(), now() + interval '1 day')
         RETURNING id, city_id),
       link AS (INSERT INTO project_cultural_resource SELECT id, $4::uuid, city_id, 0 FROM p)
       SELECT id FROM p`,
      [`Product project ${g}`, cityId, ownerId, resource.id],
    );
    const price = 5_000 + (g % 10) * 2_000;
    const { id: productId } = await one<{ id: string }>(
      `INSERT INTO product (project_id, sku, name, brand, retail_price_fen, city_id, cultural_resource_ids, themes,
                            owner_user_id, created_by_user_id)
       VALUES ($1, $2, $3, 'Synthetic', $4, $5, ARRAY[$6::uuid], ARRAY[$7]::cultural_resource_kind[], $8, $8)
       RETURNING id`,
      [projectId, `SYN-${tag}-${g}`, `Product ${g}`, price, cityId, resource.id, kind, ownerId],
    );
    productIds.push(productId);
    if (g >= scale.plantedCases) continue;
    const good: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      good.push(
        await outlet(
          `Good ${g}.${i}`,
          HOME_TYPE[kind],
          kind,
          500_000 + i * 50_000, // flagship shops: busier than any background outlet
          price - 3_000,
          price + 20_000,
        ),
      );
    }
    const other = KINDS.find((k) => k !== kind && HOME_TYPE[k] !== HOME_TYPE[kind]) ?? 'OTHER';
    const bad: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      bad.push(await outlet(`Bad ${g}.${i}`, 'COMMUNITY', other, 300, price * 5, price * 8));
    }
    outletFits.push({ subjectId: productId, good, bad });
  }
  return { cityId, manufacturerFits, outletFits, openProjectIds, productIds };
}
