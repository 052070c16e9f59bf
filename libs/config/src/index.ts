export { AppConfig } from './app-config';
export { AppConfigModule } from './config.module';
export { ConfigValidationError, Env, envSchema, parseEnv } from './env.schema';
export { loadEnvOrExit } from './load-env';
export { parseTrustProxy, TRUST_PROXY_NAMES, TrustProxySetting } from './trust-proxy';
export {
  DEFAULT_RATE_LIMITS,
  RATE_LIMIT_NAMES,
  RateLimitName,
  RateLimitPolicy,
  RateLimitRule,
  RateLimitSubject,
} from './rate-limits';
