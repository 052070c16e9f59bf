import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { Repository } from 'typeorm';
import { Role, Viewer } from '@cc/auth';
import { AppConfig } from '@cc/config';
import { containsPattern } from '@cc/database';
import { CommonException, Connection, paginate } from '@cc/graphql';
import { REDIS_CLIENT } from '@cc/redis';
import { FIXED_WINDOW_HIT } from '../session/login-rate-limiter';
import { TalentProfile } from '../talent-profile/talent-profile.entity';
import { TalentDirectoryArgs, TalentDirectoryEntry } from './talent-directory.types';

/** Searches per user per window: enough to browse, too few to harvest the directory. */
export const DIRECTORY_SEARCHES_PER_MINUTE = 30;

/**
 * Talents with a profile who have not hidden themselves, searchable by name, discipline and
 * university. Only public fields leave this service. Each search counts against a per-user
 * fixed window in Redis (shared by every API replica).
 */
@Injectable()
export class TalentDirectoryService {
  private readonly prefix: string;

  constructor(
    @InjectRepository(TalentProfile) private readonly profiles: Repository<TalentProfile>,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    config: AppConfig,
  ) {
    this.prefix = `${config.queue.prefix}:directory-limit`;
  }

  async search(
    viewer: Viewer,
    { name, discipline, university, ...page }: TalentDirectoryArgs,
  ): Promise<Connection<TalentDirectoryEntry>> {
    await this.count(viewer);
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

  private async count(viewer: Viewer): Promise<void> {
    const [count, ttl] = (await this.redis.eval(
      FIXED_WINDOW_HIT,
      1,
      `${this.prefix}:${viewer.userId}`,
      60,
    )) as [number, number];
    if (count > DIRECTORY_SEARCHES_PER_MINUTE) throw CommonException.rateLimited(ttl);
  }
}
