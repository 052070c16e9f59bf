import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { AuthModule, SocketAuthenticator } from '@cc/auth';
import { CatalogModule } from '@cc/catalog';
import { AppConfig, AppConfigModule } from '@cc/config';
import { DatabaseModule } from '@cc/database';
import { HealthModule } from '@cc/health';
import { IdentityModule } from '@cc/identity';
import { ImpactModule } from '@cc/impact';
import { IncubationModule } from '@cc/incubation';
import { LoggingModule } from '@cc/logging';
import { MarketplaceModule } from '@cc/marketplace';
import { MatchingModule } from '@cc/matching';
import { NotificationModule } from '@cc/notification';
import { OperationsModule } from '@cc/operations';
import { QueueModule } from '@cc/queue';
import { RedisModule } from '@cc/redis';
import { RetailModule } from '@cc/retail';
import { buildGraphqlOptions } from './graphql.options';

@Module({
  imports: [
    AppConfigModule.forRoot(),
    LoggingModule,
    DatabaseModule,
    RedisModule,
    QueueModule,
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [AppConfig, SocketAuthenticator],
      useFactory: buildGraphqlOptions,
    }),
    HealthModule.withHttpEndpoints(),
    AuthModule,
    IdentityModule,
    CatalogModule,
    OperationsModule,
    MarketplaceModule,
    ImpactModule,
    RetailModule,
    IncubationModule,
    NotificationModule,
    MatchingModule,
  ],
})
export class AppModule {}
