import { Injectable, Logger } from '@nestjs/common';
import { MatchingSourceRegistry } from '../sources/matching-source.registry';
import { MatchCandidates } from '../store/match-candidates';
import { MatchFeatureStore } from '../store/match-feature.store';
import { MatchKind, MatchScoreStore } from '../store/match-score.store';
import { MatchScorer } from './match-scorer';
import { MatchSubject } from './match-subject';
import { SimilarSales } from './similar-sales.service';

export interface RebuildSummary {
  projects: number;
  manufacturers: number;
  outlets: number;
  products: number;
  talents: number;
  pairs: number;
}

/**
 * Brings matching's copy of one subject up to date from the sources, then rescores it against its
 * candidates (generated in SQL) and replaces its stored pairs. Idempotent: a repeated refresh
 * writes the same rows.
 */
@Injectable()
export class MatchRefresher {
  private readonly logger = new Logger(MatchRefresher.name);

  constructor(
    private readonly sources: MatchingSourceRegistry,
    private readonly features: MatchFeatureStore,
    private readonly candidates: MatchCandidates,
    private readonly scores: MatchScoreStore,
    private readonly scorer: MatchScorer,
    private readonly similar: SimilarSales,
  ) {}

  /** Returns how many pairs were scored. */
  async refresh(subject: MatchSubject, id: string): Promise<number> {
    switch (subject) {
      case MatchSubject.PROJECT:
        return this.refreshProject(id);
      case MatchSubject.MANUFACTURER:
        return this.refreshManufacturer(id);
      case MatchSubject.PRODUCT:
        return this.refreshProduct(id);
      case MatchSubject.OUTLET:
        return this.refreshOutlet(id);
      case MatchSubject.TALENT:
        return this.refreshTalent(id);
    }
  }

  async refreshProject(id: string): Promise<number> {
    const [snapshot] = await this.sources.projects([id]);
    if (!snapshot) {
      await this.features.forget('project', [id]);
      await this.scores.removeAll(MatchKind.PROJECT_MANUFACTURER, 'subject', id);
      return 0;
    }
    await this.features.saveProjects([snapshot]);
    return this.scoreProject(snapshot.needs.id, snapshot.open);
  }

  async refreshManufacturer(organizationId: string): Promise<number> {
    const [maker] = await this.sources.manufacturers([organizationId]);
    if (!maker) {
      await this.features.forget('manufacturer', [organizationId]);
      await this.scores.removeAll(MatchKind.PROJECT_MANUFACTURER, 'candidate', organizationId);
      return 0;
    }
    await this.features.saveManufacturers([maker]);
    const now = new Date();
    const projects = await this.candidates.projectsFor(maker);
    const pairs = projects.map((project) => ({
      subjectId: project.id,
      candidateId: organizationId,
      result: this.scorer.manufacturer(project, maker, now),
    }));
    await this.scores.replace(MatchKind.PROJECT_MANUFACTURER, 'candidate', organizationId, pairs);
    return pairs.length;
  }

  async refreshProduct(id: string): Promise<number> {
    const [product] = await this.sources.products([id]);
    if (!product) {
      await this.features.forget('product', [id]);
      await this.scores.removeAll(MatchKind.PRODUCT_OUTLET, 'subject', id);
      return 0;
    }
    await this.features.saveProducts([product]);
    return this.scoreProduct(id);
  }

  async refreshOutlet(id: string): Promise<number> {
    const [outlet] = await this.sources.outlets([id]);
    if (!outlet) {
      await this.features.forget('outlet', [id]);
      await this.scores.removeAll(MatchKind.PRODUCT_OUTLET, 'candidate', id);
      return 0;
    }
    await this.features.saveOutlets([outlet]);
    const products = await this.candidates.productsFor(outlet);
    const similar = await this.similar.current();
    const pairs = products.map((product) => ({
      subjectId: product.id,
      candidateId: id,
      result: this.scorer.outlet(product, outlet, similar),
    }));
    await this.scores.replace(MatchKind.PRODUCT_OUTLET, 'candidate', id, pairs);
    return pairs.length;
  }

  /** Talents are scored on request (suggestedTeammates); only their features are kept. */
  async refreshTalent(userId: string): Promise<number> {
    const [talent] = await this.sources.talents([userId]);
    if (talent) await this.features.saveTalents([talent]);
    else await this.features.forget('talent', [userId]);
    return 0;
  }

  /** Reloads every side from the sources, forgets what they no longer have, and rescores all. */
  async rebuild(): Promise<RebuildSummary> {
    const projects = await this.sources.projects(null);
    const manufacturers = await this.sources.manufacturers(null);
    const outlets = await this.sources.outlets(null);
    const products = await this.sources.products(null);
    const talents = await this.sources.talents(null);
    await this.features.saveProjects(projects);
    await this.features.forget(
      'project',
      projects.map((p) => p.needs.id),
      'allBut',
    );
    await this.features.saveManufacturers(manufacturers);
    await this.features.forget(
      'manufacturer',
      manufacturers.map((m) => m.organizationId),
      'allBut',
    );
    await this.features.saveOutlets(outlets);
    await this.features.forget(
      'outlet',
      outlets.map((o) => o.id),
      'allBut',
    );
    await this.features.saveProducts(products);
    await this.features.forget(
      'product',
      products.map((p) => p.profile.id),
      'allBut',
    );
    await this.features.saveTalents(talents);
    await this.features.forget(
      'talent',
      talents.map((t) => t.features.userId),
      'allBut',
    );
    // Every product's sales are in now: learn what similar products sell from all of them.
    await this.similar.reload();
    let pairs = 0;
    for (const project of projects)
      pairs += await this.scoreProject(project.needs.id, project.open);
    for (const product of products) pairs += await this.scoreProduct(product.profile.id);
    await this.scores.removeOrphans();
    const summary = {
      projects: projects.length,
      manufacturers: manufacturers.length,
      outlets: outlets.length,
      products: products.length,
      talents: talents.length,
      pairs,
    };
    this.logger.log(summary, 'matching rebuilt');
    return summary;
  }

  private async scoreProject(id: string, open: boolean): Promise<number> {
    const stored = await this.features.project(id);
    if (!stored || !open) {
      await this.scores.removeAll(MatchKind.PROJECT_MANUFACTURER, 'subject', id);
      return 0;
    }
    const now = new Date();
    const makers = await this.candidates.manufacturersFor(stored.needs);
    const pairs = makers.map((maker) => ({
      subjectId: id,
      candidateId: maker.organizationId,
      result: this.scorer.manufacturer(stored.needs, maker, now),
    }));
    await this.scores.replace(MatchKind.PROJECT_MANUFACTURER, 'subject', id, pairs);
    return pairs.length;
  }

  private async scoreProduct(id: string): Promise<number> {
    const stored = await this.features.product(id);
    if (!stored) return 0;
    const outlets = await this.candidates.outletsFor(stored.profile);
    const similar = await this.similar.current();
    const pairs = outlets.map((outlet) => ({
      subjectId: id,
      candidateId: outlet.id,
      result: this.scorer.outlet(stored.profile, outlet, similar),
    }));
    await this.scores.replace(MatchKind.PRODUCT_OUTLET, 'subject', id, pairs);
    return pairs.length;
  }
}
