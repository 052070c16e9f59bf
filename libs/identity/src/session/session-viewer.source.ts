import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessTokenClaims, GovernmentDepartment, Role, Viewer, ViewerSource } from '@cc/auth';
import { isUuid } from '../common/uuid';

/**
 * Builds the viewer for each request from PostgreSQL: the session must still be open, and roles
 * and official scopes are read fresh, so logout, reuse detection and role changes apply at once.
 */
@Injectable()
export class SessionViewerSource extends ViewerSource {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async resolve(claims: AccessTokenClaims): Promise<Viewer | null> {
    if (!isUuid(claims.userId) || !isUuid(claims.sessionId)) return null;
    const [row] = (await this.dataSource.query(
      `SELECT u.roles::text[] AS roles,
              COALESCE(
                (SELECT json_agg(json_build_object('cityId', g.city_id, 'department', g.department))
                   FROM official_grant g WHERE g.user_id = u.id),
                '[]'::json) AS scopes
         FROM session s
         JOIN user_account u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.ended_at IS NULL AND s.expires_at > now()`,
      [claims.sessionId, claims.userId],
    )) as { roles: Role[]; scopes: { cityId: string; department: GovernmentDepartment }[] }[];
    if (!row) return null;
    return new Viewer(claims.userId, claims.sessionId, row.roles, row.scopes);
  }
}
