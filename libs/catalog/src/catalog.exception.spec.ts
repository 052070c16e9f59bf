import { GraphqlErrorCode } from '@cc/graphql';
import { CatalogErrorCode, CatalogException } from './catalog.exception';

describe('CatalogException', () => {
  it('a duplicate is CONFLICT naming the field', () => {
    const error = CatalogException.cityCodeTaken('shenyang');
    expect(error).toMatchObject({
      code: GraphqlErrorCode.CONFLICT,
      reason: CatalogErrorCode.CITY_CODE_TAKEN,
      details: { field: 'code', fieldErrors: [{ field: 'code', message: expect.any(String) }] },
    });
  });

  it('a bad reference is BAD_USER_INPUT with fieldErrors, like a validation failure', () => {
    const error = CatalogException.districtOutsideCity('d1', 'c1');
    expect(error.code).toBe(GraphqlErrorCode.BAD_USER_INPUT);
    expect(error.message).toBe('Invalid input. districtId: district d1 is not in city c1');
    expect(error.details).toEqual({
      fieldErrors: [{ field: 'districtId', message: 'district d1 is not in city c1' }],
    });
  });

  it('a missing object is NOT_FOUND with its own reason', () => {
    expect(CatalogException.culturalResourceNotFound('x')).toMatchObject({
      code: GraphqlErrorCode.NOT_FOUND,
      reason: CatalogErrorCode.CULTURAL_RESOURCE_NOT_FOUND,
    });
  });
});
