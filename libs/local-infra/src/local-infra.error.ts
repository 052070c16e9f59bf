/**
 * A local server could not be found or started. The message is one line naming the cause and the
 * fix, fit to print as-is before exiting.
 */
export class LocalInfraError extends Error {
  constructor(
    readonly reason: string,
    readonly fix: string,
  ) {
    super(`${reason}. Fix: ${fix}.`);
    this.name = 'LocalInfraError';
  }
}
