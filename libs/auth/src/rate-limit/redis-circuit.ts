/** How long the rate limiter counts without Redis after a Redis command failed. */
export const REDIS_CIRCUIT_COOLDOWN_MS = 5_000;

/**
 * A circuit breaker for the rate limiter's Redis calls. A Redis that hangs (connection open,
 * no answers) costs every request the full command timeout; after one failure the limiter
 * counts in process for a cooldown instead, then lets a single request probe Redis again
 * (the others keep counting in process until the probe answers). Hand-written rather than
 * e.g. opossum: ioredis already bounds each command (commandTimeout), and all that is missing
 * is "skip it for a while", without a second set of timers and statistics per call.
 */
export class RedisCircuit {
  private openUntil = 0;
  private probing = false;

  constructor(
    private readonly cooldownMs = REDIS_CIRCUIT_COOLDOWN_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether this request may call Redis: never while open; one probe at a time after it. */
  allows(): boolean {
    if (this.openUntil === 0) return true;
    if (this.now() < this.openUntil || this.probing) return false;
    this.probing = true;
    return true;
  }

  succeeded(): void {
    this.openUntil = 0;
    this.probing = false;
  }

  failed(): void {
    this.openUntil = this.now() + this.cooldownMs;
    this.probing = false;
  }
}
