import { PortfolioEntry } from './portfolio.types';

export const PORTFOLIO_CSV_COLUMNS = [
  'cohort',
  'team',
  'state',
  'admitted_at',
  'projects',
  'project_states',
  'units_delivered',
  'units_sold',
  'revenue_cny',
  'sell_through',
  'milestones_done',
  'milestones_overdue',
  'milestones_total',
  'coupling_delta_d',
  'latest_kpis',
];

/**
 * A text cell: always quoted (RFC 4180), and defused when a spreadsheet would read it as a
 * formula — text starting with = + - @, tab or carriage return gets a leading apostrophe.
 */
export function textCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

/** A number cell: plain, never quoted; empty for none. */
export function numberCell(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '' : String(value);
}

export function portfolioCsvHeader(): string {
  return PORTFOLIO_CSV_COLUMNS.map(textCell).join(',') + '\r\n';
}

export function portfolioCsvRow(entry: PortfolioEntry): string {
  return (
    [
      textCell(entry.cohortName),
      textCell(entry.teamName),
      textCell(entry.state),
      textCell(entry.admittedAt?.toISOString() ?? ''),
      textCell(entry.projects.map((p) => p.title).join(' | ')),
      textCell(entry.projects.map((p) => p.state).join(' | ')),
      numberCell(entry.unitsDelivered),
      numberCell(entry.unitsSold),
      numberCell(entry.revenue),
      numberCell(
        entry.sellThrough === null ? null : Math.round(entry.sellThrough * 10_000) / 10_000,
      ),
      numberCell(entry.milestonesDone),
      numberCell(entry.milestonesOverdue),
      numberCell(entry.milestonesTotal),
      numberCell(entry.couplingDeltaD),
      textCell(
        entry.latestKpis
          .map((kpi) => `${kpi.metric.name} ${kpi.period}=${kpi.value} (${kpi.trend})`)
          .join('; '),
      ),
    ].join(',') + '\r\n'
  );
}
