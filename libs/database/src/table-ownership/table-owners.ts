/**
 * Which library owns each table: the only library whose SQL may name it. Another library learns
 * those rows from the owner's exported services (batch methods for DataLoaders), from its events,
 * or from facts it keeps itself; it may still hold a foreign key to the table. `seed` is
 * apps/seed (demo data and its planted fixtures); `database` is TypeORM's own bookkeeping.
 * table-ownership.spec.ts keeps this map complete and enforces it.
 */
export const TABLE_OWNERS = {
  // catalog
  city: 'catalog',
  district: 'catalog',
  cultural_resource: 'catalog',
  // identity
  user_account: 'identity',
  session: 'identity',
  refresh_token: 'identity',
  role_request: 'identity',
  official_grant: 'identity',
  organization: 'identity',
  organization_member: 'identity',
  organization_invitation: 'identity',
  manufacturer_capability: 'identity',
  talent_profile: 'identity',
  team: 'identity',
  team_member: 'identity',
  team_invitation: 'identity',
  // marketplace
  project: 'marketplace',
  project_cultural_resource: 'marketplace',
  bid: 'marketplace',
  bid_revision: 'marketplace',
  production_order: 'marketplace',
  production_milestone: 'marketplace',
  review: 'marketplace',
  manufacturer_record: 'marketplace',
  // retail
  outlet: 'retail',
  product: 'retail',
  placement: 'retail',
  sale: 'retail',
  sale_anomaly: 'retail',
  sales_import: 'retail',
  sales_import_chunk: 'retail',
  sales_import_error: 'retail',
  retail_sale_fact: 'retail',
  retail_indicator_item: 'retail',
  // incubation
  incubation_program: 'incubation',
  incubation_cohort: 'incubation',
  incubation_application: 'incubation',
  incubation_milestone: 'incubation',
  incubation_milestone_completion: 'incubation',
  incubation_kpi_metric: 'incubation',
  incubation_kpi_report: 'incubation',
  incubation_kpi_value: 'incubation',
  incubation_kpi_reminder: 'incubation',
  // queue: the transactional outbox (every domain writes it through OutboxWriter)
  outbox_event: 'queue',
  // impact
  indicator_system_version: 'impact',
  coupling_run: 'impact',
  coupling_snapshot: 'impact',
  project_contribution: 'impact',
  official_statistic: 'impact',
  statistic_import: 'impact',
  // matching (its own feature store; each domain feeds it through a MatchingSource)
  match_project: 'matching',
  match_manufacturer: 'matching',
  match_outlet: 'matching',
  match_product: 'matching',
  match_talent: 'matching',
  match_score: 'matching',
  // the rest
  notification: 'notification',
  worker_canary: 'operations',
  seed_fixture: 'seed',
  typeorm_metadata: 'database',
} as const satisfies Record<string, string>;

export type TableOwner = (typeof TABLE_OWNERS)[keyof typeof TABLE_OWNERS];

export function ownerOf(table: string): TableOwner | undefined {
  return (TABLE_OWNERS as Record<string, TableOwner>)[table];
}
