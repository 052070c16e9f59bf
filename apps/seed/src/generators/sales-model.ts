import { ResourceKind } from '../city-catalogue';
import { OutletRef, OutletType } from '../seed-context';

/**
 * The generator's own model of how well a product sells at an outlet: the placement generator
 * chooses outlets by `outletAppeal` and draws sales from `dailySalesRate`, and the planted outlet
 * fits are judged by the same rate. Nothing here is read by the matching scorer.
 */
export interface MarketedProduct {
  themes: readonly ResourceKind[];
  retailPriceFen: number;
  /** Districts of the product's cultural resources (a flagging one fades every outlet's sales). */
  resourceDistrictIds: readonly string[];
}

/** Sales per placement-day at an ordinary outlet, before footfall, fit and season. */
export const BASE_DAILY_SALES = 0.0048;
/** A fading district's sales run at this share of the rate over the history (on average). */
const FADING_FACTOR = 0.6;

/** Theme overlap (×3, else ×0.5), price inside the band (×2, else ×0.4), √(footfall ÷ 50,000). */
export function outletAppeal(
  product: Pick<MarketedProduct, 'themes' | 'retailPriceFen'>,
  outlet: OutletRef,
): number {
  const theme = product.themes.some((t) => outlet.themes.includes(t)) ? 3 : 0.5;
  const price =
    product.retailPriceFen >= outlet.priceMin && product.retailPriceFen <= outlet.priceMax
      ? 2
      : 0.4;
  return theme * price * Math.sqrt(outlet.footfall / 50_000);
}

/** Palace-culture products sell 2.5× at museums, 1.4× at scenic spots, 0.5–0.8× elsewhere. */
export function outletTypeFactor(themes: readonly ResourceKind[], type: OutletType): number {
  return themes.includes('PALACE_QING_CULTURE')
    ? { MUSEUM: 2.5, SCENIC_SPOT: 1.4, BUSINESS_DISTRICT: 0.7, COMMUNITY: 0.5, ONLINE: 0.8 }[type]
    : 1;
}

/** Sales fade in the flagging district: at its outlets, and for products of its resources. */
export function fades(
  product: Pick<MarketedProduct, 'resourceDistrictIds'>,
  outlet: OutletRef,
  flaggingDistrictId: string,
): boolean {
  return (
    outlet.districtId === flaggingDistrictId ||
    product.resourceDistrictIds.includes(flaggingDistrictId)
  );
}

/** Expected units a day at an ordinary (not planted standout) placement, before the season. */
export function dailySalesRate(
  product: MarketedProduct,
  outlet: OutletRef,
  flaggingDistrictId: string,
  standoutFactor = 1,
): number {
  return (
    BASE_DAILY_SALES *
    outletAppeal(product, outlet) *
    outletTypeFactor(product.themes, outlet.type) *
    standoutFactor *
    (fades(product, outlet, flaggingDistrictId) ? FADING_FACTOR : 1)
  );
}

/** Relevance at or above this share of the best outlet's rate makes a good fit. */
export const GOOD_FIT_SHARE = 0.5;
/** Relevance below this share makes a bad fit. */
export const BAD_FIT_SHARE = 0.1;

export interface OutletJudgement {
  /** Outlets selling at least half as fast as the product's best outlet, best first. */
  good: string[];
  /** Outlets selling under a tenth as fast as the best. */
  bad: string[];
  /** Every outlet's expected rate ÷ the best outlet's (3 decimals), omitting those under 0.01. */
  relevance: Record<string, number>;
}

/**
 * Judges every outlet for a product by the generator's own expected sales rate, graded against
 * the best outlet for it, so that the evaluation's good fits are the ones the generative model
 * really sells best at (not a hand-picked few among equals).
 */
export function judgeOutlets(
  product: MarketedProduct,
  outlets: readonly OutletRef[],
  flaggingDistrictId: string,
): OutletJudgement {
  const rated = outlets
    .map((outlet) => ({ id: outlet.id, rate: dailySalesRate(product, outlet, flaggingDistrictId) }))
    .sort((a, b) => b.rate - a.rate || a.id.localeCompare(b.id));
  const best = rated[0]?.rate ?? 0;
  const judgement: OutletJudgement = { good: [], bad: [], relevance: {} };
  if (best <= 0) return judgement;
  for (const { id, rate } of rated) {
    // Classified on the recorded (rounded) grade, so the grades and the lists never disagree.
    const share = Math.round((rate / best) * 1000) / 1000;
    if (share >= GOOD_FIT_SHARE) judgement.good.push(id);
    if (share < BAD_FIT_SHARE) judgement.bad.push(id);
    if (share >= 0.01) judgement.relevance[id] = share;
  }
  return judgement;
}
