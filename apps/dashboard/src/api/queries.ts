/**
 * Every GraphQL document the dashboard sends, and the shapes it reads back. Kept in this one
 * module so that a change of the officials' API is adapted in one place.
 */

export type CouplingLevelCode =
  | 'EXTREME_DISORDER'
  | 'SEVERE_DISORDER'
  | 'MODERATE_DISORDER'
  | 'MILD_DISORDER'
  | 'BORDERLINE_DISORDER'
  | 'BARELY_COORDINATED'
  | 'PRIMARY_COORDINATION'
  | 'INTERMEDIATE_COORDINATION'
  | 'GOOD_COORDINATION'
  | 'HIGH_QUALITY_COORDINATION';

export type Granularity = 'MONTH' | 'QUARTER' | 'YEAR';

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface SessionUser {
  id: string;
  displayName: string;
  roles: string[];
  officialGrants: { cityId: string }[] | null;
}

const AUTH_FIELDS = `accessToken accessTokenExpiresAt refreshToken
  user { id displayName roles officialGrants { cityId } }`;
export interface AuthPayload {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  user: SessionUser;
}

export const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) { ${AUTH_FIELDS} }
}`;
export interface LoginResult {
  login: AuthPayload | null;
}

export const REFRESH_SESSION = `mutation RefreshSession($refreshToken: String!) {
  refreshSession(refreshToken: $refreshToken) { ${AUTH_FIELDS} }
}`;
export interface RefreshSessionResult {
  refreshSession: AuthPayload;
}

export const CITIES = `query Cities($after: String) {
  cities(first: 100, after: $after) { edges { cursor node { id name code } } pageInfo { hasNextPage endCursor } }
}`;
export interface City {
  id: string;
  name: string;
  code: string;
}
export interface CitiesResult {
  cities: Connection<City>;
}

export const INDICATOR_SYSTEM = `query IndicatorSystem($cityId: ID) {
  indicatorSystem(cityId: $cityId) { id version cityId periodGranularity }
}`;
export interface IndicatorSystemResult {
  indicatorSystem: {
    id: string;
    version: number;
    cityId: string | null;
    periodGranularity: Granularity;
  };
}

export interface SubsystemValue {
  name: string;
  label: string;
  value: number;
  weight: number;
  obstacle: number;
  obstacleNormalized: number;
}

export interface SeriesPoint {
  id: string;
  period: string;
  status: string;
  revision: number;
  couplingDegree: number;
  coordinationIndex: number;
  coordinationDegree: number;
  level: CouplingLevelCode;
  subsystems: SubsystemValue[];
}

export const SNAPSHOT_SERIES = `query SnapshotSeries($cityId: ID!, $from: String!, $to: String!, $after: String) {
  couplingSnapshots(cityId: $cityId, from: $from, to: $to, first: 50, after: $after) {
    edges { cursor node {
      id period status revision couplingDegree coordinationIndex coordinationDegree level
      subsystems { name label value weight obstacle obstacleNormalized }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;
export interface SnapshotSeriesResult {
  couplingSnapshots: Connection<SeriesPoint>;
}

export interface IndicatorDetail {
  key: string;
  label: string;
  subsystem: string;
  source: string;
  direction: string;
  unit: string | null;
  raw: number;
  standardized: number;
  weight: number;
  obstacle: number;
  obstacleNormalized: number;
  bounds: { min: number; max: number } | null;
  trace: {
    source: string | null;
    recordCount: number;
    numerator: number | null;
    denominator: number | null;
    contributorCount: number | null;
    importId: string | null;
    note: string | null;
  };
}

export interface SnapshotDetail extends SeriesPoint {
  computedAt: string;
  publishedAt: string | null;
  systemVersion: { version: number };
  indicators: IndicatorDetail[];
  panel: {
    sampleCount: number;
    cityCount: number;
    firstPeriod: string;
    lastPeriod: string;
    excluded: string[];
  };
  warnings: { code: string; message: string }[];
}

const INDICATOR_FIELDS = `key label subsystem source direction unit raw standardized weight obstacle obstacleNormalized
  bounds { min max }
  trace { source recordCount numerator denominator contributorCount importId note }`;

export const SNAPSHOT_DETAIL = `query SnapshotDetail($cityId: ID!, $period: String!) {
  couplingSnapshot(cityId: $cityId, period: $period) {
    id period status revision computedAt publishedAt
    couplingDegree coordinationIndex coordinationDegree level
    systemVersion { version }
    subsystems { name label value weight obstacle obstacleNormalized }
    indicators { ${INDICATOR_FIELDS} }
    panel { sampleCount cityCount firstPeriod lastPeriod excluded }
    warnings { code message }
  }
}`;
export interface SnapshotDetailResult {
  couplingSnapshot: SnapshotDetail | null;
}

export const OBSTACLE_RANKING = `query ObstacleRanking($cityId: ID!, $period: String!) {
  obstacleRanking(cityId: $cityId, period: $period) {
    indicators { key label subsystem obstacle obstacleNormalized }
    subsystems { name label obstacle obstacleNormalized }
  }
}`;
export interface ObstacleRankingResult {
  obstacleRanking: {
    indicators: Pick<
      IndicatorDetail,
      'key' | 'label' | 'subsystem' | 'obstacle' | 'obstacleNormalized'
    >[];
    subsystems: Pick<SubsystemValue, 'name' | 'label' | 'obstacle' | 'obstacleNormalized'>[];
  };
}

export const PROJECT_CONTRIBUTIONS = `query ProjectContributions($cityId: ID!, $period: String!) {
  projectContributions(cityId: $cityId, period: $period, orderBy: DELTA_D_DESC, first: 10) {
    edges { node { projectId deltaD deltaC deltaT deltaU { name delta } project { id title } } }
  }
}`;
export interface Contribution {
  projectId: string;
  deltaD: number;
  deltaC: number;
  deltaT: number;
  deltaU: { name: string; delta: number }[];
  project: { id: string; title: string } | null;
}
export interface ProjectContributionsResult {
  projectContributions: Connection<Contribution>;
}

export const COMPARE_CITIES = `query CompareCities($period: String!) {
  compareCities(period: $period, first: 50) {
    edges { node { cityId city { name } coordinationDegree couplingDegree coordinationIndex level } }
  }
}`;
export interface CityComparison {
  cityId: string;
  city: { name: string };
  coordinationDegree: number;
  couplingDegree: number;
  coordinationIndex: number;
  level: CouplingLevelCode;
}
export interface CompareCitiesResult {
  compareCities: Connection<CityComparison>;
}

export const SIMULATE = `query Simulate($cityId: ID!, $period: String!, $removeProjects: [ID!]!, $changes: [IndicatorDeltaInput!]!) {
  simulateCoupling(cityId: $cityId, period: $period, removeProjects: $removeProjects, changes: $changes) {
    coordinationDegree couplingDegree coordinationIndex deltaD level removedProjects
    subsystems { name baseValue value delta }
    indicators { key baseRaw raw standardized }
    base { coordinationDegree level warnings { code message } }
  }
}`;
export interface SimulationResult {
  simulateCoupling: {
    coordinationDegree: number;
    couplingDegree: number;
    coordinationIndex: number;
    deltaD: number;
    level: CouplingLevelCode;
    removedProjects: string[];
    subsystems: { name: string; baseValue: number; value: number; delta: number }[];
    indicators: { key: string; baseRaw: number; raw: number; standardized: number }[];
    base: {
      coordinationDegree: number;
      level: CouplingLevelCode;
      warnings: { code: string; message: string }[];
    };
  };
}

export const MY_IMPACT = `query MyImpact($after: String) {
  myImpact(first: 20, after: $after) {
    edges { cursor node {
      project { id title }
      contributions { period status deltaD deltaC deltaT deltaU { name delta } }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;
export interface ProjectImpact {
  project: { id: string; title: string };
  contributions: {
    period: string;
    status: string;
    deltaD: number;
    deltaC: number;
    deltaT: number;
    deltaU: { name: string; delta: number }[];
  }[];
}
export interface MyImpactResult {
  myImpact: Connection<ProjectImpact>;
}

export const MY_INCUBATORS = `query MyIncubators($after: String) {
  myOrganizations(filter: { kind: INCUBATOR }, first: 50, after: $after) {
    edges { cursor node { id name } }
    pageInfo { hasNextPage endCursor }
  }
}`;
export interface Incubator {
  id: string;
  name: string;
}
export interface MyIncubatorsResult {
  myOrganizations: Connection<Incubator>;
}

export const INCUBATOR_COHORTS = `query IncubatorCohorts($organizationId: ID!, $after: String) {
  programs(organizationId: $organizationId, first: 50, after: $after) {
    edges { cursor node { id name cohorts { id name startsOn endsOn } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
export interface IncubatorProgram {
  id: string;
  name: string;
  cohorts: { id: string; name: string; startsOn: string; endsOn: string }[];
}
export interface IncubatorCohortsResult {
  programs: Connection<IncubatorProgram>;
}

export const PORTFOLIO = `query Portfolio($incubatorId: ID!, $after: String) {
  portfolio(incubatorId: $incubatorId, first: 25, after: $after) {
    edges { cursor node {
      id teamName cohortName state revenue unitsSold unitsDelivered sellThrough
      milestonesDone milestonesOverdue milestonesTotal
      latestKpis { period value trend recent metric { kind name unit } }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;
export type KpiTrend = 'UP' | 'DOWN' | 'FLAT' | 'NEW';
export interface PortfolioKpi {
  period: string;
  value: number;
  trend: KpiTrend;
  recent: number[];
  metric: { kind: string; name: string; unit: string };
}
export interface PortfolioTeam {
  id: string;
  teamName: string;
  cohortName: string;
  state: string;
  revenue: number;
  unitsSold: number;
  unitsDelivered: number;
  sellThrough: number | null;
  milestonesDone: number;
  milestonesOverdue: number;
  milestonesTotal: number;
  latestKpis: PortfolioKpi[];
}
export interface PortfolioResult {
  portfolio: Connection<PortfolioTeam>;
}

export const OVERDUE_REPORTS = `query OverdueReports($cohortId: ID!) {
  overdueKpiReports(cohortId: $cohortId) {
    period dueSince application { id team { name } }
  }
}`;
export interface OverdueReport {
  period: string;
  dueSince: string;
  application: { id: string; team: { name: string } | null };
}
export interface OverdueReportsResult {
  overdueKpiReports: OverdueReport[];
}
