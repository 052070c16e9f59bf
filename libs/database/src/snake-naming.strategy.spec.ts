import { snakeCase } from './snake-naming.strategy';

describe('snakeCase', () => {
  it.each([
    ['createdAt', 'created_at'],
    ['CulturalResource', 'cultural_resource'],
    ['targetUnitCostFen', 'target_unit_cost_fen'],
    ['HTTPRequestId', 'http_request_id'],
    ['id', 'id'],
  ])('%s -> %s', (input, expected) => {
    expect(snakeCase(input)).toBe(expected);
  });
});
