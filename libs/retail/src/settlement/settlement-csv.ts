import { SettlementStatement } from './settlement-statement.types';

const COLUMNS = [
  'role',
  'placement_id',
  'product_sku',
  'product_name',
  'outlet_name',
  'terms',
  'units_sold',
  'sales_total_fen',
  'retailer_kept_fen',
  'makers_proceeds_fen',
  'heritage_royalty_fen',
  'talent_royalties_fen',
  'party_amount_fen',
];

/**
 * RFC 4180 field. Numbers are bare; every text cell is quoted, so a spreadsheet that splits on
 * `;` (or `,`) still sees one cell. Formula-looking text is defused with a leading `'`, at the
 * start and after any `;` or `,`, for readers that split before they unquote.
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const defused = value.replace(/(^|[;,])([=+\-@\t\r])/g, "$1'$2");
  return `"${defused.replace(/"/g, '""')}"`;
}

function terms(line: SettlementStatement['lines'][number]): string {
  return line.termsType === 'WHOLESALE'
    ? `WHOLESALE ${line.wholesaleUnitPriceFen} fen/unit`
    : `CONSIGNMENT ${line.consignmentCommissionBp} bp`;
}

/** The statement as CSV: a header, one row per line, and a TOTAL row. Amounts in whole fen. */
export function settlementCsv(statement: SettlementStatement): string {
  const rows = [COLUMNS.join(',')];
  for (const line of statement.lines) {
    const talents = line.talentRoyalties.reduce((sum, talent) => sum + talent.amountFen, 0);
    rows.push(
      [
        line.role,
        line.placementId,
        line.productSku,
        line.productName,
        line.outletName,
        terms(line),
        line.unitsSold,
        line.salesTotalFen,
        line.retailerKeptFen,
        line.makersProceedsFen,
        line.heritageRoyaltyFen,
        talents,
        line.partyAmountFen,
      ]
        .map(csvField)
        .join(','),
    );
  }
  rows.push(
    [
      'TOTAL',
      '',
      '',
      '',
      '',
      statement.period,
      statement.lines.reduce((sum, line) => sum + line.unitsSold, 0),
      statement.salesTotalFen,
      statement.retailerKeptFen,
      statement.makersProceedsFen,
      statement.heritageRoyaltyFen,
      statement.talentRoyaltiesFen,
      statement.partyAmountFen,
    ]
      .map(csvField)
      .join(','),
  );
  return rows.join('\r\n') + '\r\n';
}
