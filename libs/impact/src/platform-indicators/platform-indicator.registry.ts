import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { IndicatorAmount } from '@cc/coupling';
import { IndicatorAggregation, platformIndicatorSpec } from './platform-indicator.catalog';
import {
  PLATFORM_INDICATOR_SOURCE,
  PlatformIndicatorQuery,
  PlatformIndicatorSource,
  PlatformIndicatorValue,
} from './platform-indicator-source';

export interface CollectedPlatformIndicators {
  values: PlatformIndicatorValue[];
  /** Source name per indicator key that has one. */
  sourceOf: Record<string, string>;
  /** Requested keys no registered source computes yet: their value is 0 everywhere. */
  unavailable: string[];
}

function isRatio(amount: IndicatorAmount): amount is { numerator: number; denominator: number } {
  return typeof amount === 'object' && amount !== null;
}

function finiteAmount(amount: IndicatorAmount): boolean {
  return isRatio(amount)
    ? Number.isFinite(amount.numerator) && Number.isFinite(amount.denominator)
    : Number.isFinite(amount);
}

/**
 * The sources of platform indicators, found at start-up among all providers marked with
 * `@PlatformIndicatorProvider()` in any module of the application (the marketplace's, and the
 * worker must import those modules too). An indicator without a source counts as 0.
 */
@Injectable()
export class PlatformIndicatorRegistry implements OnModuleInit {
  private readonly logger = new Logger(PlatformIndicatorRegistry.name);
  private readonly byIndicator = new Map<string, PlatformIndicatorSource>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      if (!Reflect.getMetadata(PLATFORM_INDICATOR_SOURCE, metatype)) continue;
      this.register(instance as PlatformIndicatorSource);
    }
  }

  /** Adds a source. Throws on an unknown key or a key another source already computes. */
  register(source: PlatformIndicatorSource): void {
    for (const key of source.indicators) {
      if (!platformIndicatorSpec(key)) {
        throw new Error(
          `platform indicator source ${source.name}: "${key}" is not in the catalogue`,
        );
      }
      const other = this.byIndicator.get(key);
      if (other && other !== source) {
        throw new Error(
          `platform indicator "${key}" is computed by both ${other.name} and ${source.name}`,
        );
      }
    }
    for (const key of source.indicators) this.byIndicator.set(key, source);
    this.logger.log(`platform indicator source ${source.name}: ${source.indicators.join(', ')}`);
  }

  /** Removes a source (tests). */
  unregister(source: PlatformIndicatorSource): void {
    for (const [key, registered] of this.byIndicator) {
      if (registered === source) this.byIndicator.delete(key);
    }
  }

  sourceFor(key: string): PlatformIndicatorSource | undefined {
    return this.byIndicator.get(key);
  }

  /** Collects the requested keys from their sources and checks every row against the contract. */
  async collect(
    query: Omit<PlatformIndicatorQuery, 'indicators'>,
    keys: readonly string[],
  ): Promise<CollectedPlatformIndicators> {
    const bySource = new Map<PlatformIndicatorSource, string[]>();
    const unavailable: string[] = [];
    const sourceOf: Record<string, string> = {};
    for (const key of keys) {
      const source = this.byIndicator.get(key);
      if (!source) {
        unavailable.push(key);
        continue;
      }
      sourceOf[key] = source.name;
      bySource.set(source, [...(bySource.get(source) ?? []), key]);
    }
    const values: PlatformIndicatorValue[] = [];
    for (const [source, indicators] of bySource) {
      const wanted = new Set(indicators);
      const inPeriods = query.periods ? new Set(query.periods) : null;
      const rows = await source.collect({ ...query, indicators });
      for (const row of rows) {
        if (!wanted.has(row.indicator) || (inPeriods && !inPeriods.has(row.period))) continue;
        this.check(source, row);
        values.push(row);
      }
    }
    return { values, sourceOf, unavailable };
  }

  /** Every source's facts recomputed from its domain's rows (the nightly safety net). */
  async rebuildFacts(): Promise<string[]> {
    const rebuilt: string[] = [];
    for (const source of new Set(this.byIndicator.values())) {
      if (!source.rebuildFacts) continue;
      await source.rebuildFacts();
      rebuilt.push(source.name);
    }
    return rebuilt;
  }

  private check(source: PlatformIndicatorSource, row: PlatformIndicatorValue): void {
    const spec = platformIndicatorSpec(row.indicator)!;
    const ratio = spec.aggregation === IndicatorAggregation.RATIO;
    const where = `${source.name}: ${row.indicator} of city ${row.cityId} in ${row.period}`;
    if (isRatio(row.total) !== ratio || !finiteAmount(row.total)) {
      throw new Error(
        `${where}: total must be ${ratio ? '{ numerator, denominator }' : 'a number'} of finite values`,
      );
    }
    for (const part of row.parts) {
      const alone = part.alone ?? part.amount;
      if (
        isRatio(part.amount) !== ratio ||
        !finiteAmount(part.amount) ||
        isRatio(alone) !== ratio ||
        !finiteAmount(alone)
      ) {
        throw new Error(`${where}: the part of project ${part.projectId} has the wrong kind`);
      }
    }
  }
}
