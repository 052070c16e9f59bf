import { Role } from '../role.enum';
import { accessRuleOf, Authenticated, Public, Roles } from './access.decorators';

describe('access decorators', () => {
  it('record one rule per method', () => {
    class Resolver {
      @Public() open() {}
      @Authenticated() signedIn() {}
      @Roles(Role.ADMIN, Role.OFFICIAL) restricted() {}
      undeclared() {}
    }
    const proto = Resolver.prototype;
    expect(accessRuleOf(proto.open)).toEqual({ kind: 'public' });
    expect(accessRuleOf(proto.signedIn)).toEqual({ kind: 'authenticated' });
    expect(accessRuleOf(proto.restricted)).toEqual({ kind: 'roles', roles: ['ADMIN', 'OFFICIAL'] });
    expect(accessRuleOf(proto.undeclared)).toBeUndefined();
  });

  it('refuse two declarations on one method', () => {
    expect(() => {
      class Resolver {
        @Public()
        @Roles(Role.ADMIN)
        both() {}
      }
      return Resolver;
    }).toThrow(/declares its access twice/);
  });
});
