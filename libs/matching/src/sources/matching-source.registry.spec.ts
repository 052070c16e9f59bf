import { sellThroughByType } from './matching-source.registry';

describe('sellThroughByType', () => {
  it('divides units sold at each outlet type by the units delivered, capped at 1', () => {
    expect(sellThroughByType({ MUSEUM: 30, SCENIC_SPOT: 0, ONLINE: 700 }, 100)).toEqual({
      MUSEUM: 0.3,
      ONLINE: 1,
    });
  });

  it('knows nothing before a delivery', () => {
    expect(sellThroughByType({ MUSEUM: 3 }, 0)).toEqual({});
  });
});
