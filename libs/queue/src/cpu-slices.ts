import { performance } from 'node:perf_hooks';

/**
 * BullMQ renews a job's lock on a timer in the worker's own event loop. A job that keeps the loop
 * busy past QUEUE_LOCK_DURATION_MS without yielding loses its lock: another worker's stalled
 * check takes the job back and runs it again, and this worker's result is refused ("Missing
 * lock"). Awaiting I/O yields; a long synchronous computation does not. CPU-bound loops call
 * `slices.yield()` often: it returns at once until `sliceMs` of CPU have passed, then lets timers
 * (the lock renewal) and I/O run before carrying on.
 */
export class CpuSlices {
  private sliceStart = performance.now();

  constructor(private readonly sliceMs = 50) {}

  async yield(): Promise<void> {
    if (performance.now() - this.sliceStart < this.sliceMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    this.sliceStart = performance.now();
  }
}
