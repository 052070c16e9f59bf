import { Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Discipline } from './discipline.enum';

/** Each asked talent's disciplines, and the union of each asked team's current members'. */
const DISCIPLINES_SQL = `
SELECT 'user' AS kind, p.user_id::text AS id, p.disciplines::text[] AS disciplines
  FROM talent_profile p
 WHERE p.user_id = ANY($1::uuid[])
UNION ALL
SELECT 'team', m.team_id::text, array_agg(DISTINCT d ORDER BY d)::text[]
  FROM team_member m
  JOIN talent_profile p ON p.user_id = m.user_id
 CROSS JOIN LATERAL unnest(p.disciplines) AS d
 WHERE m.team_id = ANY($2::uuid[])
 GROUP BY m.team_id`;

export interface DisciplinesOf {
  /** By user id; a talent without a profile is absent. */
  users: Map<string, Discipline[]>;
  /** By team id, in Discipline order; a team whose members list none is absent. */
  teams: Map<string, Discipline[]>;
}

/**
 * Disciplines of talents and of teams (as they are now), for other domains: the marketplace's
 * cross-disciplinary share and identity's own team field. One round trip for any batch.
 */
@Injectable()
export class DisciplineReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(ids: {
    userIds: readonly string[];
    teamIds: readonly string[];
  }): Promise<DisciplinesOf> {
    const found: DisciplinesOf = { users: new Map(), teams: new Map() };
    if (!ids.userIds.length && !ids.teamIds.length) return found;
    const rows = (await this.dataSource.query(DISCIPLINES_SQL, [ids.userIds, ids.teamIds])) as {
      kind: 'user' | 'team';
      id: string;
      disciplines: Discipline[];
    }[];
    for (const row of rows) {
      (row.kind === 'user' ? found.users : found.teams).set(row.id, row.disciplines);
    }
    return found;
  }
}

/** Worker-safe (no GraphQL, no auth): the worker's indicator recompute reads disciplines here. */
@Module({ providers: [DisciplineReader], exports: [DisciplineReader] })
export class DisciplineReaderModule {}
