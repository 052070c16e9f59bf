import { DynamicModule, Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HealthService } from './health.service';

@Module({ providers: [HealthService], exports: [HealthService] })
export class HealthModule {
  /** Adds `/health/live` and `/health/ready` for HTTP processes. */
  static withHttpEndpoints(): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthController],
      providers: [HealthService],
      exports: [HealthService],
    };
  }
}
