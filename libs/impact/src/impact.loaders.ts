import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { In, Repository } from 'typeorm';
import { byKeys, groupByKeys, LoaderRegistry } from '@cc/graphql';
import { IndicatorSystemVersion } from './indicator-system/indicator-system-version.entity';
import { CouplingRun } from './snapshot/coupling-run.entity';
import { CouplingSnapshot } from './snapshot/coupling-snapshot.entity';
import { ProjectContribution } from './snapshot/project-contribution.entity';
import { ProjectContributionService } from './snapshot/project-contribution.service';

/** Per-request batching of the impact domain's nested look-ups. */
@Injectable()
export class ImpactLoaders {
  constructor(
    @InjectRepository(IndicatorSystemVersion)
    private readonly versions: Repository<IndicatorSystemVersion>,
    @InjectRepository(CouplingSnapshot)
    private readonly snapshots: Repository<CouplingSnapshot>,
    @InjectRepository(CouplingRun)
    private readonly runs: Repository<CouplingRun>,
    private readonly contributions: ProjectContributionService,
  ) {}

  systemVersion(loaders: LoaderRegistry): DataLoader<string, IndicatorSystemVersion | null> {
    return loaders.get('impact.systemVersionById', async (ids: readonly string[]) =>
      byKeys(ids, await this.versions.findBy({ id: In([...ids]) }), (version) => version.id),
    );
  }

  run(loaders: LoaderRegistry): DataLoader<string, CouplingRun | null> {
    return loaders.get('impact.runById', async (ids: readonly string[]) =>
      byKeys(ids, await this.runs.findBy({ id: In([...ids]) }), (run) => run.id),
    );
  }

  /** Snapshots by id, for fields that hang off a contribution. Access is checked by the caller. */
  snapshot(loaders: LoaderRegistry): DataLoader<string, CouplingSnapshot | null> {
    return loaders.get('impact.snapshotById', async (ids: readonly string[]) =>
      byKeys(ids, await this.snapshots.findBy({ id: In([...ids]) }), (snapshot) => snapshot.id),
    );
  }

  /**
   * A project's contributions over time (`ProjectContributionService.forProjects`), batched
   * over the projects of one request; one loader per version asked (none: the version in force).
   * The caller decides who may see which projects.
   */
  contributionsOfProject(
    loaders: LoaderRegistry,
    versionNumber?: number | null,
  ): DataLoader<string, ProjectContribution[]> {
    return loaders.get(
      `impact.contributionsByProject:${versionNumber ?? 'in-force'}`,
      async (ids: readonly string[]) =>
        groupByKeys(
          ids,
          await this.contributions.forProjects(ids, versionNumber),
          (c) => c.projectId,
        ),
    );
  }
}
