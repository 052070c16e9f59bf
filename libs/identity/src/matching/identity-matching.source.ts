import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  ManufacturerBase,
  MatchingSource,
  MatchingSourceProvider,
  SourceIds,
  TalentSnapshot,
} from '@cc/matching';

interface ManufacturerRow {
  id: string;
  name: string;
  city_id: string;
  district_id: string | null;
  processes: string[] | null;
  materials: string[] | null;
  certifications: string[] | null;
  moq: number | null;
  monthly_capacity: number | null;
}

interface TalentRow {
  user_id: string;
  display_name: string;
  disciplines: string[];
  cross_disciplinary_integration: number | null;
  team_ids: string[];
}

/** What matching needs from identity: manufacturers' capability profiles and talents' disciplines. */
@MatchingSourceProvider()
@Injectable()
export class IdentityMatchingSource implements MatchingSource {
  readonly name = 'identity';

  constructor(private readonly db: DataSource) {}

  async manufacturers(ids: SourceIds): Promise<ManufacturerBase[]> {
    const rows = await this.db.query<ManufacturerRow[]>(
      `SELECT o.id, o.name, o.city_id, o.district_id, c.processes::text[] AS processes,
              c.materials, c.certifications, c.moq, c.monthly_capacity
         FROM organization o
         LEFT JOIN manufacturer_capability c ON c.organization_id = o.id
        WHERE o.kind = 'MANUFACTURER' AND ($1::uuid[] IS NULL OR o.id = ANY($1::uuid[]))
        ORDER BY o.id`,
      [ids],
    );
    return rows.map((row) => ({
      organizationId: row.id,
      name: row.name,
      cityId: row.city_id,
      districtId: row.district_id,
      processes: row.processes ?? [],
      materials: row.materials ?? [],
      certifications: row.certifications ?? [],
      moq: row.moq,
      monthlyCapacity: row.monthly_capacity,
    }));
  }

  async talents(userIds: SourceIds): Promise<TalentSnapshot[]> {
    const rows = await this.db.query<TalentRow[]>(
      `SELECT t.user_id, u.display_name, t.disciplines::text[] AS disciplines,
              t.cross_disciplinary_integration,
              ARRAY(SELECT m.team_id FROM team_member m WHERE m.user_id = t.user_id ORDER BY m.team_id)
                AS team_ids
         FROM talent_profile t JOIN user_account u ON u.id = t.user_id
        WHERE $1::uuid[] IS NULL OR t.user_id = ANY($1::uuid[])
        ORDER BY t.user_id`,
      [userIds],
    );
    return rows.map((row) => ({
      features: {
        userId: row.user_id,
        displayName: row.display_name,
        disciplines: row.disciplines,
        crossDisciplinaryIntegration: row.cross_disciplinary_integration,
      },
      teamIds: row.team_ids,
    }));
  }
}
