import { Client } from 'pg';

interface ResourceSeed {
  name: string;
  localName: string;
  kind: string;
  district: string;
  description: string;
  latitude: number;
  longitude: number;
}

const DISTRICTS: [name: string, localName: string][] = [
  ['Shenhe', '沈河区'],
  ['Heping', '和平区'],
  ['Dadong', '大东区'],
  ['Huanggu', '皇姑区'],
  ['Tiexi', '铁西区'],
  ['Hunnan', '浑南区'],
  ['Shenbei', '沈北新区'],
  ['Sujiatun', '苏家屯区'],
  ['Yuhong', '于洪区'],
];

const RESOURCES: ResourceSeed[] = [
  {
    name: 'Shenyang Imperial Palace',
    localName: '沈阳故宫',
    kind: 'PALACE_QING_CULTURE',
    district: 'Shenhe',
    description: 'Early Qing imperial palace; home of the "Fuyun" cultural-creative series.',
    latitude: 41.7962,
    longitude: 123.4512,
  },
  {
    name: 'Fuling Tomb',
    localName: '福陵',
    kind: 'PALACE_QING_CULTURE',
    district: 'Dadong',
    description: 'Tomb of Nurhaci, a UNESCO World Heritage site.',
    latitude: 41.8412,
    longitude: 123.5757,
  },
  {
    name: 'Zhaoling Tomb',
    localName: '昭陵',
    kind: 'PALACE_QING_CULTURE',
    district: 'Huanggu',
    description: 'Tomb of Hong Taiji in Beiling Park.',
    latitude: 41.8399,
    longitude: 123.4226,
  },
  {
    name: "Zhang's Mansion",
    localName: '张氏帅府',
    kind: 'REVOLUTIONARY_HISTORY',
    district: 'Shenhe',
    description: 'Former residence of Zhang Zuolin and Zhang Xueliang; AR check-ins for visitors.',
    latitude: 41.7925,
    longitude: 123.4626,
  },
  {
    name: 'China Industrial Museum',
    localName: '中国工业博物馆',
    kind: 'INDUSTRIAL_HERITAGE',
    district: 'Tiexi',
    description:
      "Tiexi's foundry turned museum; anchor of the Northeast Industrial Culture and Creativity brand.",
    latitude: 41.8147,
    longitude: 123.3429,
  },
  {
    name: '1905 Cultural and Creative Park',
    localName: '1905文化创意园',
    kind: 'INDUSTRIAL_HERITAGE',
    district: 'Tiexi',
    description: 'A 1905 machine-tool workshop reused as studios and a market.',
    latitude: 41.8006,
    longitude: 123.3573,
  },
  {
    name: 'Manchu Paper-Cutting',
    localName: '满族剪纸',
    kind: 'FOLK_CULTURE',
    district: 'Shenbei',
    description: 'Intangible cultural heritage of Liaoning.',
    latitude: 42.0525,
    longitude: 123.5278,
  },
  {
    name: 'September 18th History Museum',
    localName: '九一八历史博物馆',
    kind: 'REVOLUTIONARY_HISTORY',
    district: 'Dadong',
    description: 'Museum of the Mukden Incident of 1931.',
    latitude: 41.8322,
    longitude: 123.4674,
  },
  {
    name: 'Qipanshan Scenic Area',
    localName: '棋盘山风景区',
    kind: 'NATURAL_LANDSCAPE',
    district: 'Hunnan',
    description: 'Mountains and lake north-east of the city.',
    latitude: 41.9297,
    longitude: 123.6599,
  },
];

/** Loads the reference city (Shenyang) when the catalog is empty. Returns false when it was not. */
export async function seedDemoData(databaseUrl: string): Promise<boolean> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM city');
    if (Number(rows[0].count) > 0) return false;
    await client.query('BEGIN');
    const city = await client.query<{ id: string }>(
      `INSERT INTO city (code, name, local_name) VALUES ('shenyang', 'Shenyang', '沈阳') RETURNING id`,
    );
    const cityId = city.rows[0].id;
    const districtIds = new Map<string, string>();
    for (const [name, localName] of DISTRICTS) {
      const district = await client.query<{ id: string }>(
        'INSERT INTO district (city_id, name, local_name) VALUES ($1, $2, $3) RETURNING id',
        [cityId, name, localName],
      );
      districtIds.set(name, district.rows[0].id);
    }
    for (const resource of RESOURCES) {
      await client.query(
        `INSERT INTO cultural_resource (city_id, district_id, name, local_name, kind, description, latitude, longitude)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          cityId,
          districtIds.get(resource.district),
          resource.name,
          resource.localName,
          resource.kind,
          resource.description,
          resource.latitude,
          resource.longitude,
        ],
      );
    }
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}
