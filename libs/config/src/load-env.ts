import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigValidationError, Env, parseEnv } from './env.schema';

/**
 * Reads `.env` (when present, without overriding real variables) and validates the result.
 * A bad configuration prints one line and exits with code 1: a process that cannot be
 * configured correctly must not half-start.
 */
export function loadEnvOrExit(): Env {
  const dotEnv = resolve(process.cwd(), '.env');
  if (existsSync(dotEnv)) process.loadEnvFile(dotEnv);
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
