import { OutletProfile, ProductProfile } from './match-features';
import {
  ComponentScore,
  MatchReason,
  MatchResult,
  clamp01,
  combine,
  coverage,
  reason,
} from './match-result';
import { MatchWeights } from './match-weights';
import { SimilarSellThrough, similarIndex } from './similar-sell-through';

/**
 * Where products of each cultural-resource kind sell best: palace culture in museums and at
 * scenic spots, industrial heritage in museums and business districts, and so on.
 */
export const OUTLET_TYPES_FOR_THEME: Record<string, readonly string[]> = {
  PALACE_QING_CULTURE: ['MUSEUM', 'SCENIC_SPOT'],
  INDUSTRIAL_HERITAGE: ['MUSEUM', 'BUSINESS_DISTRICT'],
  FOLK_CULTURE: ['SCENIC_SPOT', 'COMMUNITY'],
  REVOLUTIONARY_HISTORY: ['MUSEUM', 'SCENIC_SPOT'],
  NATURAL_LANDSCAPE: ['SCENIC_SPOT'],
  OTHER: ['BUSINESS_DISTRICT', 'COMMUNITY'],
};
/** Online shops suit every theme a little: no fit, no misfit. */
const ONLINE_FIT = 0.6;
const MISFIT = 0.2;
/**
 * Footfall that counts as full marks (a busy museum, scenic spot or online shop). The scale is a
 * square root: sales grow with visitors, more slowly than they do (a logarithmic scale made a
 * shop with five times the visitors only 0.1 better).
 */
const FULL_FOOTFALL = 300_000;
const UNKNOWN = 0.5;

const list = (items: readonly string[]): string => items.join(', ');
const yuan = (fen: number): string => (fen / 100).toFixed(2);

export function themeAffinity(product: ProductProfile, outlet: OutletProfile): ComponentScore {
  if (product.themes.length === 0) {
    return {
      value: UNKNOWN,
      reasons: [
        reason('NO_CULTURAL_THEME', 'The product links no cultural resource', '产品未关联文化资源'),
      ],
    };
  }
  const { share } = coverage(product.themes, outlet.themes);
  const shared = product.themes.filter((theme) => outlet.themes.includes(theme));
  return shared.length > 0
    ? {
        value: share,
        reasons: [
          reason(
            'THEME_MATCH',
            `Outlet themes include ${list(shared)}`,
            `门店主题包含：${list(shared)}`,
          ),
        ],
      }
    : {
        value: 0,
        reasons: [
          reason(
            'THEME_MISMATCH',
            `Outlet themes (${list(outlet.themes) || 'none'}) share nothing with ${list(product.themes)}`,
            `门店主题（${list(outlet.themes) || '无'}）与产品主题 ${list(product.themes)} 不符`,
          ),
        ],
      };
}

export function outletTypeFit(product: ProductProfile, outlet: OutletProfile): ComponentScore {
  if (outlet.type === 'ONLINE') {
    return {
      value: ONLINE_FIT,
      reasons: [
        reason(
          'OUTLET_ONLINE',
          "An online shop: reaches any theme's buyers",
          '线上店铺，适合各类主题',
        ),
      ],
    };
  }
  const fitting = product.themes.filter((theme) =>
    (OUTLET_TYPES_FOR_THEME[theme] ?? []).includes(outlet.type),
  );
  if (fitting.length > 0) {
    return {
      value: 1,
      reasons: [
        reason(
          'OUTLET_TYPE_FITS',
          `${list(fitting)} products sell well at a ${outlet.type}`,
          `${list(fitting)} 类产品适合在 ${outlet.type} 销售`,
        ),
      ],
    };
  }
  return {
    value: product.themes.length === 0 ? UNKNOWN : MISFIT,
    reasons: [
      reason(
        'OUTLET_TYPE_UNUSUAL',
        `A ${outlet.type} is not a usual place for ${list(product.themes) || 'this product'}`,
        `${outlet.type} 并非 ${list(product.themes) || '该产品'} 的常见销售场所`,
      ),
    ],
  };
}

/** 1 inside the band; outside, falls with the distance relative to the nearer edge. */
export function priceFit(product: ProductProfile, outlet: OutletProfile): ComponentScore {
  const price = product.retailPriceFen;
  const band = `¥${yuan(outlet.priceBandMinFen)}–${yuan(outlet.priceBandMaxFen)}`;
  if (price >= outlet.priceBandMinFen && price <= outlet.priceBandMaxFen) {
    return {
      value: 1,
      reasons: [
        reason(
          'PRICE_IN_BAND',
          `¥${yuan(price)} is within the outlet's band ${band}`,
          `售价 ¥${yuan(price)} 在门店价格带 ${band} 内`,
        ),
      ],
    };
  }
  const edge = price < outlet.priceBandMinFen ? outlet.priceBandMinFen : outlet.priceBandMaxFen;
  const value = clamp01(1 - Math.abs(price - edge) / Math.max(edge, 1));
  const above = price > outlet.priceBandMaxFen;
  return {
    value,
    reasons: [
      reason(
        above ? 'PRICE_ABOVE_BAND' : 'PRICE_BELOW_BAND',
        `¥${yuan(price)} is ${above ? 'above' : 'below'} the outlet's band ${band}`,
        `售价 ¥${yuan(price)} ${above ? '高于' : '低于'}门店价格带 ${band}`,
      ),
    ],
  };
}

export function footfall(outlet: OutletProfile): ComponentScore {
  const visitors = Math.max(0, outlet.averageMonthlyFootfall);
  const value = clamp01(Math.sqrt(visitors / FULL_FOOTFALL));
  return {
    value,
    reasons: [
      reason('FOOTFALL', `About ${visitors} visitors a month`, `月均客流约 ${visitors} 人次`),
    ],
  };
}

/**
 * The product's own sell-through at outlets of this type; before any sale there, half the index
 * of products sharing its themes at this type (so "sells as those products usually do" is 0.5,
 * and a type where they sell twice as well is 1); 0.5 when that is unknown too.
 */
export function sellThroughAtSimilar(
  product: ProductProfile,
  outlet: OutletProfile,
  similar: SimilarSellThrough = {},
): ComponentScore {
  const ratio = product.sellThroughByOutletType[outlet.type];
  if (ratio !== undefined) {
    return {
      value: clamp01(ratio),
      reasons: [
        reason(
          'SELL_THROUGH_AT_SIMILAR',
          `${Math.round(ratio * 100)}% of its delivered units sold at ${outlet.type} outlets`,
          `交付量的 ${Math.round(ratio * 100)}% 在 ${outlet.type} 类门店售出`,
        ),
      ],
    };
  }
  const index = similarIndex(similar, product.themes, outlet.type);
  if (index !== undefined) {
    return {
      value: clamp01(UNKNOWN * index),
      reasons: [
        reason(
          'SIMILAR_PRODUCTS_SELL_THROUGH',
          `No sales yet at ${outlet.type} outlets; products sharing its themes sell ${index}× their average there`,
          `尚无在 ${outlet.type} 类门店的销售记录；同主题产品在此类门店的售罄率为其平均水平的 ${index} 倍`,
        ),
      ],
    };
  }
  return {
    value: UNKNOWN,
    reasons: [
      reason(
        'NO_SALES_AT_SIMILAR',
        `No sales yet at ${outlet.type} outlets`,
        `尚无在 ${outlet.type} 类门店的销售记录`,
      ),
    ],
  };
}

/**
 * A product is placed in its own city: its makers deliver there, and the demand it is made for
 * (visitors to the city's cultural resources) is there. An outlet elsewhere, online shops
 * included (each belongs to a retailer of its city), is ruled out.
 */
export function cityGate(product: ProductProfile, outlet: OutletProfile): MatchReason | null {
  return product.cityId === outlet.cityId
    ? null
    : reason(
        'OTHER_CITY',
        "The outlet is in another city than the product's",
        '门店与产品不在同一城市',
      );
}

/** How well a product fits an outlet (the same score serves both directions). */
export function scoreProductForOutlet(
  product: ProductProfile,
  outlet: OutletProfile,
  weights: MatchWeights['outlet'],
  similar: SimilarSellThrough = {},
): MatchResult {
  const result = combine(
    {
      theme_affinity: themeAffinity(product, outlet),
      outlet_type_fit: outletTypeFit(product, outlet),
      price_fit: priceFit(product, outlet),
      footfall: footfall(outlet),
      sell_through: sellThroughAtSimilar(product, outlet, similar),
    },
    weights,
  );
  const otherCity = cityGate(product, outlet);
  return otherCity
    ? { ...result, excluded: true, reasons: [otherCity, ...result.reasons] }
    : result;
}
