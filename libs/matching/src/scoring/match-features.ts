/**
 * What the scorer knows about each side, as copied into matching's own tables from the domains'
 * matching sources. Plain data (JSON-safe): it is stored as each row's `profile`.
 */
export interface ProjectNeeds {
  id: string;
  cityId: string;
  /** Districts of the project's cultural resources: where its work is rooted. */
  districtIds: string[];
  category: string;
  processes: string[];
  materials: string[];
  certifications: string[];
  quantity: number;
  /** ISO 8601. */
  deliveryDeadline: string;
  /** Kinds of the project's cultural resources (empty when it links none). */
  resourceKinds: string[];
}

export interface ManufacturerProfile {
  organizationId: string;
  name: string;
  cityId: string;
  districtId: string | null;
  processes: string[];
  materials: string[];
  certifications: string[];
  moq: number | null;
  monthlyCapacity: number | null;
  /** Median lead time of its bids, in days; null without bids. */
  typicalLeadTimeDays: number | null;
  /** Average review score 1–5; null until reviewed. */
  rating: number | null;
  /** Share of delivered orders that were on time; null before any delivery. */
  onTimeRate: number | null;
  completedOrders: number;
  /** Cultural-resource kinds and project categories of the orders it has made. */
  experienceKinds: string[];
  experienceCategories: string[];
}

export interface ProductProfile {
  id: string;
  cityId: string;
  themes: string[];
  retailPriceFen: number;
  /** The product's sell-through (units sold ÷ placed) per outlet type where it has sold. */
  sellThroughByOutletType: Record<string, number>;
}

export interface OutletProfile {
  id: string;
  organizationId: string;
  cityId: string;
  districtId: string;
  type: string;
  themes: string[];
  averageMonthlyFootfall: number;
  priceBandMinFen: number;
  priceBandMaxFen: number;
}

export interface TalentProfileFeatures {
  userId: string;
  displayName: string;
  disciplines: string[];
  /** Self-assessed cross-disciplinary integration, 1–5; null when not given. */
  crossDisciplinaryIntegration: number | null;
}

/** A team (or a project's owners) looking for teammates. */
export interface TeamNeeds {
  memberUserIds: string[];
  memberDisciplines: string[];
  /** The project's processes and resource kinds, when the search is for a project. */
  processes: string[];
  resourceKinds: string[];
}
