import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { RESOLVER_NAME_METADATA, RESOLVER_TYPE_METADATA } from '@nestjs/graphql';
import { AccessRule, accessRuleOf } from './access.decorators';

export const ROOT_OPERATION_TYPES = ['Query', 'Mutation', 'Subscription'] as const;
export type RootOperationType = (typeof ROOT_OPERATION_TYPES)[number];

export interface RootOperation {
  type: RootOperationType;
  /** The field name in the schema. */
  name: string;
  /** `ResolverClass.method`, for messages. */
  handler: string;
  rule: AccessRule | undefined;
}

/**
 * Finds every Query/Mutation/Subscription handler in the running app (any provider in any
 * module), with its access rule, so tests and start-up checks need no hand-kept list.
 */
@Injectable()
export class AccessDeclarations {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  rootOperations(): RootOperation[] {
    const operations: RootOperation[] = [];
    const seen = new Set<unknown>();
    for (const wrapper of this.discovery.getProviders()) {
      const metatype = wrapper.metatype as { prototype?: object; name?: string } | undefined;
      const prototype = metatype?.prototype;
      if (!prototype || seen.has(prototype)) continue;
      seen.add(prototype);
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const handler = (prototype as Record<string, unknown>)[method];
        if (typeof handler !== 'function') continue;
        const type = Reflect.getMetadata(RESOLVER_TYPE_METADATA, handler) as string | undefined;
        if (!ROOT_OPERATION_TYPES.includes(type as RootOperationType)) continue;
        const name = (Reflect.getMetadata(RESOLVER_NAME_METADATA, handler) as string) || method;
        operations.push({
          type: type as RootOperationType,
          name,
          handler: `${metatype?.name ?? 'anonymous'}.${method}`,
          rule: accessRuleOf(handler),
        });
      }
    }
    return operations;
  }

  undeclared(): RootOperation[] {
    return this.rootOperations().filter((operation) => !operation.rule);
  }
}
