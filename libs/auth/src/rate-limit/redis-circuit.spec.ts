import { RedisCircuit } from './redis-circuit';

describe('RedisCircuit', () => {
  let now = 0;
  const circuit = () => new RedisCircuit(1_000, () => now);

  beforeEach(() => (now = 10_000));

  it('lets every call through while Redis answers', () => {
    const breaker = circuit();
    expect([breaker.allows(), breaker.allows()]).toEqual([true, true]);
    breaker.succeeded();
    expect(breaker.allows()).toBe(true);
  });

  it('skips Redis for the cooldown after a failure', () => {
    const breaker = circuit();
    breaker.failed();
    expect(breaker.allows()).toBe(false);
    now += 999;
    expect(breaker.allows()).toBe(false);
  });

  it('after the cooldown lets one probe through; its success closes the circuit', () => {
    const breaker = circuit();
    breaker.failed();
    now += 1_000;
    expect(breaker.allows()).toBe(true);
    expect(breaker.allows()).toBe(false); // the probe is still out
    breaker.succeeded();
    expect([breaker.allows(), breaker.allows()]).toEqual([true, true]);
  });

  it('a failed probe opens the circuit for another cooldown', () => {
    const breaker = circuit();
    breaker.failed();
    now += 1_000;
    expect(breaker.allows()).toBe(true);
    breaker.failed();
    expect(breaker.allows()).toBe(false);
    now += 1_000;
    expect(breaker.allows()).toBe(true);
  });
});
