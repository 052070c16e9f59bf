import { Bid } from './bid.entity';
import { compareBid } from './bid-comparison';
import { Project } from '../project/project.entity';

const now = new Date('2026-01-01T00:00:00Z');
const project = {
  quantity: 500,
  requiredCertifications: ['ISO 9001', 'CCC'],
  deliveryDeadline: new Date('2026-03-02T00:00:00Z'),
} as Project;
const bid = {
  organizationId: 'org',
  moq: 100,
  leadTimeDays: 45,
  sampleCostFen: 30_000,
  priceTiers: [
    { minQuantity: 100, unitPriceFen: 2_000 },
    { minQuantity: 500, unitPriceFen: 1_700 },
  ],
} as Bid;

describe('compareBid', () => {
  it('costs the bid at the project quantity and checks the deadline', () => {
    const row = compareBid(project, bid, { rating: 4.5, onTimeRate: 0.8 }, now);
    expect(row).toMatchObject({
      unitPriceFen: 1_700,
      totalCostFen: 1_700 * 500 + 30_000,
      daysToSpare: 60 - 45,
      meetsDeliveryDeadline: true,
      manufacturerRating: 4.5,
    });
  });

  it('has no price when the MOQ exceeds the project quantity, and flags late bids', () => {
    const row = compareBid(
      project,
      { ...bid, moq: 1_000, leadTimeDays: 90 } as Bid,
      {
        rating: null,
        onTimeRate: null,
      },
      now,
    );
    expect(row.unitPriceFen).toBeNull();
    expect(row.totalCostFen).toBeNull();
    expect(row.meetsDeliveryDeadline).toBe(false);
    expect(row.daysToSpare).toBe(-30);
  });
});
