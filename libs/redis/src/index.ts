export { REDIS_CLIENT } from './redis.constants';
export { RedisModule } from './redis.module';
