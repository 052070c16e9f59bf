import { ManufacturerProfile, ProjectNeeds } from './match-features';
import { ComponentScore, MatchResult, clamp01, combine, coverage, reason } from './match-result';
import { MatchWeights } from './match-weights';

const DAY_MS = 86_400_000;
/** Capacity below this share of the quantity (over the time to the deadline) rules a maker out. */
export const FAR_TOO_SMALL_CAPACITY_SHARE = 0.25;
/** Neutral value for a component the data cannot decide (a newcomer is not punished or favoured). */
const UNKNOWN = 0.5;

const list = (items: readonly string[]): string => items.join(', ');

export function processCoverage(project: ProjectNeeds, maker: ManufacturerProfile): ComponentScore {
  if (project.processes.length === 0) {
    return {
      value: 1,
      reasons: [reason('NO_PROCESS_NEEDED', 'The project names no process', '项目未指定工艺')],
    };
  }
  const { share, missing } = coverage(project.processes, maker.processes);
  if (missing.length === 0) {
    return {
      value: 1,
      reasons: [
        reason(
          'PROCESSES_COVERED',
          `Offers every process needed: ${list(project.processes)}`,
          `具备所需全部工艺：${list(project.processes)}`,
        ),
      ],
    };
  }
  return {
    value: share,
    reasons: [
      reason(
        'PROCESSES_MISSING',
        `Does not offer ${list(missing)}; adding it would raise the match`,
        `缺少工艺：${list(missing)}；补充后匹配度会提高`,
      ),
    ],
  };
}

export function materialCoverage(
  project: ProjectNeeds,
  maker: ManufacturerProfile,
): ComponentScore {
  if (project.materials.length === 0) {
    return { value: 1, reasons: [] };
  }
  const { share, missing } = coverage(project.materials, maker.materials);
  return missing.length === 0
    ? {
        value: 1,
        reasons: [
          reason(
            'MATERIALS_COVERED',
            `Works with ${list(project.materials)}`,
            `可加工材料：${list(project.materials)}`,
          ),
        ],
      }
    : {
        value: share,
        reasons: [
          reason(
            'MATERIALS_MISSING',
            `Does not list ${list(missing)}`,
            `未列出材料：${list(missing)}`,
          ),
        ],
      };
}

/** Days from `now` to the delivery deadline, at least 1. */
export function daysToDeadline(project: ProjectNeeds, now: Date): number {
  return Math.max(1, (Date.parse(project.deliveryDeadline) - now.getTime()) / DAY_MS);
}

export function capacityFit(
  project: ProjectNeeds,
  maker: ManufacturerProfile,
  now: Date,
): ComponentScore {
  if (maker.monthlyCapacity === null) {
    return {
      value: UNKNOWN,
      reasons: [reason('CAPACITY_UNKNOWN', 'Monthly capacity is not stated', '未填写月产能')],
    };
  }
  const months = daysToDeadline(project, now) / 30;
  const units = maker.monthlyCapacity * months;
  const share = project.quantity > 0 ? units / project.quantity : 1;
  if (share < FAR_TOO_SMALL_CAPACITY_SHARE) {
    const exclusion = reason(
      'CAPACITY_FAR_TOO_SMALL',
      `Can make about ${Math.floor(units)} of the ${project.quantity} units before the deadline`,
      `截止日前约可生产 ${Math.floor(units)} 件，需求 ${project.quantity} 件，产能严重不足`,
    );
    return { value: share, reasons: [], exclusion };
  }
  return share >= 1
    ? {
        value: 1,
        reasons: [
          reason(
            'CAPACITY_ENOUGH',
            `Capacity covers the ${project.quantity} units before the deadline`,
            `产能可在截止日前完成 ${project.quantity} 件`,
          ),
        ],
      }
    : {
        value: share,
        reasons: [
          reason(
            'CAPACITY_SHORT',
            `Capacity covers ${Math.round(share * 100)}% of the quantity before the deadline`,
            `截止日前产能可覆盖需求的 ${Math.round(share * 100)}%`,
          ),
        ],
      };
}

export function moqFit(project: ProjectNeeds, maker: ManufacturerProfile): ComponentScore {
  if (maker.moq === null || maker.moq <= project.quantity) return { value: 1, reasons: [] };
  return {
    value: project.quantity / maker.moq,
    reasons: [
      reason(
        'MOQ_ABOVE_QUANTITY',
        `Minimum order ${maker.moq} is above the ${project.quantity} units needed`,
        `起订量 ${maker.moq} 高于需求量 ${project.quantity}`,
      ),
    ],
  };
}

export function leadTimeFit(
  project: ProjectNeeds,
  maker: ManufacturerProfile,
  now: Date,
): ComponentScore {
  if (maker.typicalLeadTimeDays === null) {
    return {
      value: UNKNOWN,
      reasons: [reason('LEAD_TIME_UNKNOWN', 'No lead time on record yet', '暂无交期记录')],
    };
  }
  const days = daysToDeadline(project, now);
  if (maker.typicalLeadTimeDays <= days) {
    return {
      value: 1,
      reasons: [
        reason(
          'LEAD_TIME_FITS',
          `Typical lead time of ${maker.typicalLeadTimeDays} days meets the deadline`,
          `常规交期 ${maker.typicalLeadTimeDays} 天，可按期交付`,
        ),
      ],
    };
  }
  return {
    value: days / maker.typicalLeadTimeDays,
    reasons: [
      reason(
        'LEAD_TIME_TOO_LONG',
        `Typical lead time of ${maker.typicalLeadTimeDays} days is longer than the ${Math.floor(days)} days left`,
        `常规交期 ${maker.typicalLeadTimeDays} 天，超过剩余的 ${Math.floor(days)} 天`,
      ),
    ],
  };
}

export function proximity(project: ProjectNeeds, maker: ManufacturerProfile): ComponentScore {
  if (maker.districtId !== null && project.districtIds.includes(maker.districtId)) {
    return {
      value: 1,
      reasons: [
        reason(
          'SAME_DISTRICT',
          "In the same district as the project's resources",
          '与项目文化资源同区',
        ),
      ],
    };
  }
  if (maker.cityId === project.cityId) {
    return {
      value: 0.6,
      reasons: [reason('SAME_CITY', 'In the same city', '同城')],
    };
  }
  return {
    value: 0.2,
    reasons: [reason('OTHER_CITY', 'In another city', '外地')],
  };
}

/** Rating (half), on-time rate (30%) and completed orders (20%, saturating at 10). */
export function trackRecord(maker: ManufacturerProfile): ComponentScore {
  const rating = maker.rating === null ? UNKNOWN : clamp01((maker.rating - 1) / 4);
  const onTime = maker.onTimeRate === null ? UNKNOWN : clamp01(maker.onTimeRate);
  const volume = Math.min(1, maker.completedOrders / 10);
  const value = 0.5 * rating + 0.3 * onTime + 0.2 * volume;
  if (maker.rating === null && maker.onTimeRate === null) {
    return {
      value,
      reasons: [
        reason(
          'NO_TRACK_RECORD',
          'No reviews or deliveries yet: a newcomer',
          '暂无评价和交付记录（新入驻）',
        ),
      ],
    };
  }
  const parts = [
    maker.rating === null ? null : `rated ${maker.rating.toFixed(1)}/5`,
    maker.onTimeRate === null ? null : `${Math.round(maker.onTimeRate * 100)}% on time`,
    `${maker.completedOrders} order${maker.completedOrders === 1 ? '' : 's'} delivered`,
  ].filter((part): part is string => part !== null);
  const partsZh = [
    maker.rating === null ? null : `评分 ${maker.rating.toFixed(1)}/5`,
    maker.onTimeRate === null ? null : `准时率 ${Math.round(maker.onTimeRate * 100)}%`,
    `已交付 ${maker.completedOrders} 单`,
  ].filter((part): part is string => part !== null);
  return {
    value,
    reasons: [
      reason(
        'TRACK_RECORD',
        `Track record: ${parts.join(', ')}`,
        `履约记录：${partsZh.join('，')}`,
      ),
    ],
  };
}

/** Resource kinds made before (70%) and the same project category (30%). */
export function experience(project: ProjectNeeds, maker: ManufacturerProfile): ComponentScore {
  const sameCategory = maker.experienceCategories.includes(project.category);
  const kindShare =
    project.resourceKinds.length === 0
      ? null
      : coverage(project.resourceKinds, maker.experienceKinds).share;
  const value =
    kindShare === null ? (sameCategory ? 1 : 0) : 0.7 * kindShare + 0.3 * (sameCategory ? 1 : 0);
  const reasons = [];
  if (kindShare !== null && kindShare > 0) {
    const kinds = project.resourceKinds.filter((kind) => maker.experienceKinds.includes(kind));
    reasons.push(
      reason(
        'EXPERIENCE_SAME_CULTURE',
        `Has made products on ${list(kinds)} before`,
        `做过同类文化资源（${list(kinds)}）的产品`,
      ),
    );
  }
  if (sameCategory) {
    reasons.push(
      reason(
        'EXPERIENCE_SAME_CATEGORY',
        `Has made ${project.category} projects before`,
        `做过同类别（${project.category}）项目`,
      ),
    );
  }
  if (reasons.length === 0) {
    reasons.push(
      reason(
        'NO_RELATED_EXPERIENCE',
        'No similar project made on the platform yet',
        '平台上尚无同类项目经验',
      ),
    );
  }
  return { value, reasons };
}

export function certificationGate(
  project: ProjectNeeds,
  maker: ManufacturerProfile,
): ComponentScore {
  const { missing } = coverage(project.certifications, maker.certifications);
  if (missing.length === 0) return { value: 1, reasons: [] };
  return {
    value: 0,
    reasons: [],
    exclusion: reason(
      'MISSING_CERTIFICATION',
      `Lacks the required certification ${list(missing)}`,
      `缺少必需的认证：${list(missing)}`,
    ),
  };
}

/**
 * How well a manufacturer fits a project. Hard filters: a required certification missing, or
 * capacity far too small for the quantity by the deadline. `now` fixes "days to the deadline".
 */
export function scoreManufacturerForProject(
  project: ProjectNeeds,
  maker: ManufacturerProfile,
  weights: MatchWeights['manufacturer'],
  now: Date,
): MatchResult {
  const certification = certificationGate(project, maker);
  const result = combine(
    {
      process_coverage: processCoverage(project, maker),
      material_coverage: materialCoverage(project, maker),
      capacity: capacityFit(project, maker, now),
      moq: moqFit(project, maker),
      lead_time: leadTimeFit(project, maker, now),
      proximity: proximity(project, maker),
      track_record: trackRecord(maker),
      experience: experience(project, maker),
    },
    weights,
  );
  if (!certification.exclusion) return result;
  return { ...result, excluded: true, reasons: [certification.exclusion, ...result.reasons] };
}
