import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '@cc/config';
import { REDIS_CLIENT } from './redis.constants';

/** One shared command connection per process (health checks, rate limits, caches). */
@Global()
@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [AppConfig],
      // Request-path commands (rate limits, health) answer or fail within the command timeout.
      useFactory: (config: AppConfig) =>
        new Redis(config.redis.url, {
          lazyConnect: false,
          maxRetriesPerRequest: 1,
          commandTimeout: config.redis.commandTimeoutMs,
        }),
    },
  ],
  exports: [REDIS_CLIENT],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
