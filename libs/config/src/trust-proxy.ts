import { isIP } from 'node:net';

/**
 * Which peers may tell us the client's address through `X-Forwarded-For`:
 * - `false`: none; the client is the TCP peer;
 * - a number N: the N nearest hops are our proxies (e.g. 1 behind one load balancer);
 * - a list of addresses, CIDR ranges or the names `loopback`, `linklocal`, `uniquelocal`:
 *   hops from those addresses are proxies.
 */
export type TrustProxySetting = false | number | string[];

export const TRUST_PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'] as const;

function isSubnetOrAddress(entry: string): boolean {
  if ((TRUST_PROXY_NAMES as readonly string[]).includes(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (bits === undefined) return true;
  const prefix = Number(bits);
  return /^\d+$/.test(bits) && prefix >= 0 && prefix <= (family === 4 ? 32 : 128);
}

/** Parses `TRUST_PROXY`; returns an error message instead of throwing, for the env schema. */
export function parseTrustProxy(raw: string): TrustProxySetting | { error: string } {
  const value = raw.trim().toLowerCase();
  if (value === 'false' || value === 'none' || value === '0') return false;
  if (/^\d+$/.test(value)) return Number(value);
  if (value === 'true') {
    return { error: 'must not be "true" (it trusts anyone); name the proxies or a hop count' };
  }
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const bad = entries.filter((entry) => !isSubnetOrAddress(entry));
  if (!entries.length || bad.length) {
    return {
      error: `must be false, a hop count, or addresses/CIDRs/loopback/linklocal/uniquelocal (bad: ${bad.join(', ') || raw})`,
    };
  }
  return entries;
}
