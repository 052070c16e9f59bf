import { ValidationError } from 'class-validator';
import { flattenValidationErrors } from './validation';

function node(
  property: string,
  constraints?: Record<string, string>,
  children: ValidationError[] = [],
) {
  return Object.assign(new ValidationError(), { property, constraints, children });
}

describe('flattenValidationErrors', () => {
  it('names nested fields by path', () => {
    const errors = [
      node('email', { isEmail: 'email must be an email' }),
      node('members', undefined, [
        node('0', undefined, [node('role', { isEnum: 'role must be OWNER or MEMBER' })]),
      ]),
    ];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'email', message: 'email must be an email' },
      { field: 'members.0.role', message: 'role must be OWNER or MEMBER' },
    ]);
  });
});
