import { CommonException } from '../errors/domain.exception';
import { ParseIdPipe } from './parse-id.pipe';

describe('ParseIdPipe', () => {
  const pipe = new ParseIdPipe();
  const id = '5b1c1d8e-0000-4000-8000-000000000000';

  it('passes a uuid through', () => {
    expect(pipe.transform(id, { type: 'custom', data: 'id' })).toBe(id);
  });

  it.each(['nope', '', 42, null])('refuses %p naming the argument', (value) => {
    let thrown: unknown;
    try {
      pipe.transform(value, { type: 'custom', data: 'cityId' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CommonException);
    expect((thrown as CommonException).details).toEqual({
      fieldErrors: [{ field: 'cityId', message: 'cityId must be a UUID' }],
    });
  });
});
