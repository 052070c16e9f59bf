import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Role } from '@cc/auth';
import { containsPattern } from '@cc/database';
import { Connection, paginate } from '@cc/graphql';
import { TalentProfile } from '../talent-profile/talent-profile.entity';
import { TalentDirectoryArgs, TalentDirectoryEntry } from './talent-directory.types';

/**
 * Talents with a profile who have not hidden themselves, searchable by name, discipline and
 * university. Only public fields leave this service. Searches are rate-limited per account
 * (`talentDirectory` in the rate-limit policy).
 */
@Injectable()
export class TalentDirectoryService {
  constructor(
    @InjectRepository(TalentProfile) private readonly profiles: Repository<TalentProfile>,
  ) {}

  async search({
    name,
    discipline,
    university,
    ...page
  }: TalentDirectoryArgs): Promise<Connection<TalentDirectoryEntry>> {
    // EXISTS rather than a join: paginate orders by a profile expression, which TypeORM cannot
    // combine with joined aliases.
    const query = this.profiles
      .createQueryBuilder('profile')
      .where('profile.listed_in_directory')
      .andWhere(
        `EXISTS (SELECT 1 FROM user_account account WHERE account.id = profile.user_id
           AND :talent = ANY(account.roles::text[])
           AND (CAST(:name AS text) IS NULL OR account.display_name ILIKE :name))`,
        { talent: Role.TALENT, name: name ? containsPattern(name) : null },
      );
    if (discipline) query.andWhere(':discipline = ANY(profile.disciplines)', { discipline });
    if (university) {
      query.andWhere('profile.university ILIKE :university', {
        university: containsPattern(university),
      });
    }
    const connection = await paginate(query, page, {
      column: 'profile.created_at',
      direction: 'ASC',
      valueOf: (profile) => profile.createdAt.toISOString(),
    });
    const names = await this.displayNames(connection.edges.map((edge) => edge.node.userId));
    return {
      ...connection,
      edges: connection.edges.map((edge) => ({
        ...edge,
        node: {
          userId: edge.node.userId,
          displayName: names.get(edge.node.userId) ?? '',
          disciplines: edge.node.disciplines,
          university: edge.node.university,
        },
      })),
    };
  }

  private async displayNames(userIds: string[]): Promise<Map<string, string>> {
    const rows: { id: string; display_name: string }[] = await this.profiles.manager.query(
      'SELECT id, display_name FROM user_account WHERE id = ANY($1::uuid[])',
      [userIds],
    );
    return new Map(rows.map((row) => [row.id, row.display_name]));
  }
}
