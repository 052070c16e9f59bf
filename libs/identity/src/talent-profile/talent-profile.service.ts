import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Viewer } from '@cc/auth';
import { matchingChanged, MatchSubject } from '@cc/matching';
import { OutboxWriter } from '@cc/queue';
import { ABILITY_DIMENSIONS, TalentProfile } from './talent-profile.entity';
import { UpsertTalentProfileInput } from './dto/upsert-talent-profile.input';

@Injectable()
export class TalentProfileService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(TalentProfile) private readonly profiles: Repository<TalentProfile>,
    private readonly outbox: OutboxWriter,
  ) {}

  /** Creates or updates the viewer's own profile; there is no way to name another user. */
  async upsert(viewer: Viewer, input: UpsertTalentProfileInput): Promise<TalentProfile> {
    const changes: Partial<TalentProfile> = {
      ...(input.disciplines !== undefined && { disciplines: input.disciplines }),
      ...(input.university !== undefined && { university: input.university || null }),
      ...(input.portfolioLinks !== undefined && { portfolioLinks: input.portfolioLinks }),
      ...(typeof input.listedInDirectory === 'boolean' && {
        listedInDirectory: input.listedInDirectory,
      }),
    };
    for (const dimension of ABILITY_DIMENSIONS) {
      const value = input.abilities?.[dimension];
      if (value !== undefined) changes[dimension] = value;
    }
    // One transaction: the profile change and matching's event commit together.
    await this.dataSource.transaction(async (manager) => {
      const profiles = manager.getRepository(TalentProfile);
      await profiles
        .createQueryBuilder()
        .insert()
        .values({ userId: viewer.userId, ...changes })
        .orIgnore()
        .execute();
      if (Object.keys(changes).length) {
        await profiles.update({ userId: viewer.userId }, changes);
      }
      await this.outbox.addAll(manager, [
        matchingChanged(MatchSubject.TALENT, viewer.userId, 'profile changed'),
      ]);
    });
    return this.profiles.findOneByOrFail({ userId: viewer.userId });
  }

  byUser(userId: string): Promise<TalentProfile | null> {
    return this.profiles.findOneBy({ userId });
  }
}
