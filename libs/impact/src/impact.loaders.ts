import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { In, Repository } from 'typeorm';
import { byKeys, LoaderRegistry } from '@cc/graphql';
import { IndicatorSystemVersion } from './indicator-system/indicator-system-version.entity';

/** Per-request batching of the impact domain's nested look-ups. */
@Injectable()
export class ImpactLoaders {
  constructor(
    @InjectRepository(IndicatorSystemVersion)
    private readonly versions: Repository<IndicatorSystemVersion>,
  ) {}

  systemVersion(loaders: LoaderRegistry): DataLoader<string, IndicatorSystemVersion | null> {
    return loaders.get('impact.systemVersionById', async (ids: readonly string[]) =>
      byKeys(ids, await this.versions.findBy({ id: In([...ids]) }), (version) => version.id),
    );
  }
}
