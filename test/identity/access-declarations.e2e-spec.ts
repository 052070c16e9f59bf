import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { INestApplication, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost, Query, Resolver } from '@nestjs/graphql';
import { GraphQLObjectType } from 'graphql';
import {
  AccessDeclarations,
  AuthModule,
  MembershipDirectory,
  Public,
  ViewerSource,
} from '@cc/auth';
import { AppConfigModule } from '@cc/config';
import { createGraphqlContext, formatGraphqlError } from '@cc/graphql';
import { GraphqlClient } from '../support/graphql-client';
import { startTestApp, TestApp } from '../support/test-app';

describe('every Query, Mutation and Subscription declares who may call it', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(() => app.close());

  it('finds no undeclared operation in the API (found by scanning every provider)', () => {
    const operations = app.api.get(AccessDeclarations).rootOperations();
    const undeclared = operations
      .filter((operation) => !operation.rule)
      .map((operation) => `${operation.type}.${operation.name} (${operation.handler})`);
    expect(undeclared).toEqual([]);
    // sanity: the scan sees real operations of several domains
    expect(operations.map((operation) => operation.name)).toEqual(
      expect.arrayContaining(['signUp', 'login', 'me', 'cities', 'launchWorkerCanary']),
    );
  });

  it('the scan covers every root field of the built schema', () => {
    const { schema } = app.api.get(GraphQLSchemaHost);
    const scanned = new Set(
      app.api
        .get(AccessDeclarations)
        .rootOperations()
        .map((operation) => `${operation.type}.${operation.name}`),
    );
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
    const schemaFields = roots
      .filter((root): root is GraphQLObjectType => Boolean(root))
      .flatMap((root) => Object.keys(root.getFields()).map((field) => `${root.name}.${field}`));
    expect(schemaFields.filter((field) => !scanned.has(field))).toEqual([]);
  });
});

@Resolver()
class ForgottenResolver {
  @Public()
  @Query(() => String)
  declared(): string {
    return 'fine';
  }

  @Query(() => String)
  forgotten(): string {
    return 'leaked';
  }
}

@Module({
  imports: [
    AppConfigModule.forRoot(),
    GraphQLModule.forRoot<ApolloDriverConfig>({
      driver: ApolloDriver,
      autoSchemaFile: true,
      context: createGraphqlContext,
      formatError: formatGraphqlError,
    }),
    AuthModule,
  ],
  providers: [
    ForgottenResolver,
    { provide: ViewerSource, useValue: { resolve: async () => null } },
    { provide: MembershipDirectory, useValue: {} },
  ],
})
class ForgottenModule {}

describe('a resolver added without a declaration', () => {
  let nest: INestApplication;
  let gql: GraphqlClient;

  beforeAll(async () => {
    nest = await NestFactory.create(ForgottenModule, { logger: false, abortOnError: false });
    await nest.listen(0, '127.0.0.1');
    gql = new GraphqlClient((await nest.getUrl()).replace('[::1]', '127.0.0.1'));
  });

  afterAll(async () => {
    await nest.close();
    Logger.overrideLogger(['error', 'warn', 'log']);
  });

  it('is reported by the scan', () => {
    expect(
      nest
        .get(AccessDeclarations)
        .undeclared()
        .map((operation) => operation.name),
    ).toEqual(['forgotten']);
  });

  it('is refused for everyone at run time', async () => {
    expect((await gql.data<{ declared: string }>('{ declared }')).declared).toBe('fine');
    const response = await gql.request('{ forgotten }');
    expect(response.data).toBeNull();
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'ACCESS_NOT_DECLARED',
    });
  });
});
