/**
 * Every list field of the schema (a connection or a list of objects, on Query or on an object
 * type) and how its statement count is guarded. test/foundation/list-field-coverage.e2e-spec.ts
 * walks apps/api/schema.gql and fails on a list field missing here, or on an entry naming a field
 * that no longer exists. A `Connection.edges` field is the page of its query and is not listed.
 */
export type ListFieldCoverage =
  /** A statement-count test (2 rows vs 50, or 1 vs 2) that selects the field, in this file. */
  | { test: string }
  /** Built in memory from its parent's row or from a value already loaded: never a statement per row. */
  | { inMemory: string };

const BID_READS = 'test/marketplace/bid-read-statements.e2e-spec.ts';
const PROJECT_LIST = 'test/marketplace/project-list-queries.e2e-spec.ts';
const PLACEMENT_READS = 'test/retail/placement-read-statements.e2e-spec.ts';
const IMPACT = 'test/impact/platform-indicators.e2e-spec.ts';
const IMPACT_READS = 'test/impact/impact-read-statements.e2e-spec.ts';
const CONTRIBUTION_READS = 'test/impact/contribution-read-statements.e2e-spec.ts';
const CATALOG_READS = 'test/catalog/catalog-read-statements.e2e-spec.ts';
const IDENTITY_READS = 'test/identity/identity-read-statements.e2e-spec.ts';

const INCUBATION_READS = 'test/incubation/incubation-queries.e2e-spec.ts';
const INCUBATION_LISTS = 'test/incubation/incubation-read-statements.e2e-spec.ts';
const MATCHING = { test: 'test/matching/match-read-statements.e2e-spec.ts' };
const MATCH_EXPLANATION = { inMemory: 'part of the computed match score, no query' };

export const LIST_FIELD_COVERAGE: Record<string, ListFieldCoverage> = {
  // Marketplace
  'Query.projects': { test: PROJECT_LIST },
  'Project.culturalResources': { test: PROJECT_LIST },
  'Project.bids': { test: BID_READS },
  'Bid.revisions': { test: BID_READS },
  'Query.myBids': { test: BID_READS },
  'ProductionOrder.milestones': { test: BID_READS },
  'ProductionOrder.reviews': { test: BID_READS },
  'Bid.priceTiers': { inMemory: "a JSON column of the bid's row" },
  'BidRevision.priceTiers': { inMemory: "a JSON column of the revision's row" },
  'Query.bidComparison': {
    inMemory: "one project's live bids (one loader) and their records (one batched query)",
  },
  // Retail
  'Query.placements': { test: PLACEMENT_READS },
  'Query.products': { test: PLACEMENT_READS },
  'Product.culturalResources': { test: PLACEMENT_READS },
  'Placement.royaltySplit': { inMemory: "a JSON column of the placement's row" },
  'Query.outlets': { test: CATALOG_READS },
  'Query.sales': { test: PLACEMENT_READS },
  'Query.salesImports': { test: PLACEMENT_READS },
  'SalesImport.errors': { test: PLACEMENT_READS },
  'Query.saleAnomalies': { test: 'test/security/sale-anomalies.e2e-spec.ts' },
  'SaleAnomaly.reasons': { inMemory: "a JSON column of the anomaly's row" },
  'SettlementLine.talentRoyalties': { inMemory: 'computed with the settlement statement' },
  'SettlementStatement.lines': { inMemory: 'computed in one pass over the period' },
  // Catalog and identity
  'Query.cities': { test: CATALOG_READS },
  'City.districts': { test: CATALOG_READS },
  'Query.districts': { inMemory: "one city's districts, one statement" },
  'Query.culturalResources': { test: CATALOG_READS },
  'Query.organizations': { test: CATALOG_READS },
  'Organization.members': { test: CATALOG_READS },
  'Query.myOrganizations': { test: IDENTITY_READS },
  'Query.myInvitations': { test: IDENTITY_READS },
  'Query.myTeams': { test: IDENTITY_READS },
  'Team.members': { test: IDENTITY_READS },
  'Query.myTeamInvitations': { test: IDENTITY_READS },
  'Query.myRoleRequests': { test: IDENTITY_READS },
  'Query.roleRequests': { test: IDENTITY_READS },
  'Query.users': { test: IDENTITY_READS },
  'User.officialGrants': { test: IDENTITY_READS },
  'Query.talentDirectory': { test: IDENTITY_READS },
  'Query.notifications': { test: IDENTITY_READS },
  // Impact
  'Query.myImpact': { test: IMPACT },
  'ProjectImpact.contributions': { test: IMPACT },
  'ProjectContribution.deltaU': { test: IMPACT },
  'ProjectContribution.parts': { test: IMPACT },
  'ContributionShares.deltaU': { inMemory: "a JSON column of the contribution's row" },
  'ContributionShares.parts': { inMemory: "a JSON column of the contribution's row" },
  'Query.projectContributions': { test: CONTRIBUTION_READS },
  'Query.couplingSnapshots': { test: IMPACT_READS },
  'Query.compareCities': { test: IMPACT_READS },
  'CouplingSnapshot.indicators': { inMemory: "the snapshot's row and its version (one loader)" },
  'CouplingSnapshot.subsystems': { inMemory: "the snapshot's row and its version (one loader)" },
  'CouplingSnapshot.warnings': { inMemory: "a JSON column of the snapshot's row" },
  'CouplingSimulation.indicators': { inMemory: 'computed by the simulation, nothing stored' },
  'CouplingSimulation.subsystems': { inMemory: 'computed by the simulation, nothing stored' },
  'CouplingSimulation.warnings': { inMemory: 'computed by the simulation, nothing stored' },
  'ObstacleRanking.indicators': { inMemory: 'computed from one snapshot' },
  'ObstacleRanking.subsystems': { inMemory: 'computed from one snapshot' },
  'IndicatorSystemVersion.subsystems': { inMemory: "a JSON column of the version's row" },
  'IndicatorSubsystem.indicators': { inMemory: "part of the version's JSON model" },
  'Query.indicatorSystemVersions': { test: CONTRIBUTION_READS },
  'Query.officialStatistics': { test: IMPACT_READS },
  'OfficialStatisticsImportResult.errors': { inMemory: 'the result of one import mutation' },
  'Query.platformIndicators': { inMemory: 'the static list of platform indicators' },
  // Incubation
  'Query.programs': { test: INCUBATION_LISTS },
  'Program.cohorts': { test: INCUBATION_LISTS },
  'Cohort.kpiMetrics': { test: INCUBATION_READS },
  'Cohort.milestones': { test: INCUBATION_READS },
  'CohortApplication.milestones': { test: INCUBATION_READS },
  'Query.cohortApplications': { test: INCUBATION_READS },
  'Query.myCohortApplications': { test: INCUBATION_LISTS },
  'Query.kpiReports': { test: INCUBATION_READS },
  'KpiReport.entries': { test: INCUBATION_READS },
  'KpiReportDraft.entries': { test: INCUBATION_LISTS },
  'Query.overdueKpiReports': { test: INCUBATION_LISTS },
  'Query.incubatorAggregates': { test: INCUBATION_LISTS },
  'Query.portfolio': { test: INCUBATION_READS },
  'PortfolioConnection.summary': { test: INCUBATION_READS },
  'PortfolioEntry.latestKpis': { test: INCUBATION_READS },
  'PortfolioEntry.projects': { test: INCUBATION_READS },
  'PortfolioProject.coupling': {
    inMemory: "grouped from one batched read of the page's contributions (PortfolioBuilder)",
  },
  // Matching
  'Query.recommendedManufacturers': MATCHING,
  'Query.recommendedOutlets': MATCHING,
  'Query.recommendedProducts': MATCHING,
  'Query.recommendedProjects': MATCHING,
  'Query.suggestedTeammates': MATCHING,
  'ManufacturerMatch.components': MATCH_EXPLANATION,
  'ManufacturerMatch.reasons': MATCH_EXPLANATION,
  'OutletMatch.components': MATCH_EXPLANATION,
  'OutletMatch.reasons': MATCH_EXPLANATION,
  'ProductMatch.components': MATCH_EXPLANATION,
  'ProductMatch.reasons': MATCH_EXPLANATION,
  'ProjectMatch.components': MATCH_EXPLANATION,
  'ProjectMatch.reasons': MATCH_EXPLANATION,
  'MatchExplanation.components': MATCH_EXPLANATION,
  'MatchExplanation.reasons': MATCH_EXPLANATION,
  'TeammateSuggestion.components': MATCH_EXPLANATION,
  'TeammateSuggestion.reasons': MATCH_EXPLANATION,
};
