import 'reflect-metadata';
import { Role } from '../role.enum';

export const ACCESS_RULE_METADATA = 'cc:access-rule';

/**
 * Who may call one Query, Mutation or Subscription. Declared on the method itself (never on the
 * resolver class, so a method added later cannot inherit a rule by accident).
 */
export type AccessRule =
  { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: readonly Role[] };

function declareAccess(rule: AccessRule): MethodDecorator {
  return (target, key, descriptor) => {
    const handler = descriptor.value as object | undefined;
    if (!handler) throw new Error(`${String(key)}: access rules go on resolver methods`);
    if (Reflect.hasOwnMetadata(ACCESS_RULE_METADATA, handler)) {
      throw new Error(`${target.constructor.name}.${String(key)} declares its access twice`);
    }
    Reflect.defineMetadata(ACCESS_RULE_METADATA, rule, handler);
    return descriptor;
  };
}

/** Anyone, signed in or not. A valid token still sets the viewer; a bad one is ignored. */
export const Public = (): MethodDecorator => declareAccess({ kind: 'public' });

/** Any signed-in user, whatever their roles. Object-level checks then go in the service. */
export const Authenticated = (): MethodDecorator => declareAccess({ kind: 'authenticated' });

/** A signed-in user holding at least one of these roles. ADMIN is not implied. */
export const Roles = (...roles: [Role, ...Role[]]): MethodDecorator => {
  if (!roles.length) throw new Error('@Roles() needs at least one role');
  return declareAccess({ kind: 'roles', roles: Object.freeze([...roles]) });
};

export function accessRuleOf(handler: object): AccessRule | undefined {
  return Reflect.getMetadata(ACCESS_RULE_METADATA, handler) as AccessRule | undefined;
}
