import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

export interface SeededCity {
  cityId: string;
  districtId: string;
  resourceIds: string[];
}

/** Inserts a city with one district and `resources` cultural resources named R00, R01, ... */
export async function seedCity(db: DataSource, resources = 3): Promise<SeededCity> {
  const code = `city-${randomUUID().slice(0, 8)}`;
  const [{ id: cityId }] = await db.query(
    `INSERT INTO city (code, name, local_name) VALUES ($1, $2, $2) RETURNING id`,
    [code, `Test City ${code}`],
  );
  const [{ id: districtId }] = await db.query(
    `INSERT INTO district (city_id, name, local_name) VALUES ($1, 'Tiexi', '铁西区') RETURNING id`,
    [cityId],
  );
  const resourceIds: string[] = [];
  for (let i = 0; i < resources; i += 1) {
    const [{ id }] = await db.query(
      `INSERT INTO cultural_resource (city_id, district_id, name, local_name, kind, description)
       VALUES ($1, $2, $3, $3, 'INDUSTRIAL_HERITAGE', 'test resource') RETURNING id`,
      [cityId, districtId, `R${String(i).padStart(2, '0')}`],
    );
    resourceIds.push(id);
  }
  return { cityId, districtId, resourceIds };
}
