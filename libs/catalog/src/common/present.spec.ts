import { definedOnly } from './present';

describe('definedOnly', () => {
  it('keeps given fields, null included, and drops omitted ones', () => {
    expect(definedOnly({ name: 'Tiexi', localName: undefined, districtId: null })).toEqual({
      name: 'Tiexi',
      districtId: null,
    });
  });
});
