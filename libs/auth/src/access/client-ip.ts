import { BlockList, isIP } from 'node:net';
import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AppConfig, TrustProxySetting } from '@cc/config';

const NAMED_RANGES: Record<string, [string, number, 'ipv4' | 'ipv6'][]> = {
  loopback: [
    ['127.0.0.0', 8, 'ipv4'],
    ['::1', 128, 'ipv6'],
  ],
  linklocal: [
    ['169.254.0.0', 16, 'ipv4'],
    ['fe80::', 10, 'ipv6'],
  ],
  uniquelocal: [
    ['10.0.0.0', 8, 'ipv4'],
    ['172.16.0.0', 12, 'ipv4'],
    ['192.168.0.0', 16, 'ipv4'],
    ['fc00::', 7, 'ipv6'],
  ],
};

/** `::ffff:1.2.3.4` → `1.2.3.4`, so one client has one key whatever the socket family. */
export function normalizeIp(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return (mapped ? mapped[1] : trimmed).toLowerCase();
}

export type TrustCheck = (address: string, hop: number) => boolean;

export function trustCheckFor(setting: TrustProxySetting): TrustCheck {
  if (setting === false) return () => false;
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  const list = new BlockList();
  for (const entry of setting) {
    for (const [network, prefix, family] of NAMED_RANGES[entry] ?? []) {
      list.addSubnet(network, prefix, family);
    }
    if (NAMED_RANGES[entry]) continue;
    const [address, bits] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return (address) => {
    const family = isIP(address);
    return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
  };
}

/**
 * The client's address: walk from the TCP peer back through `X-Forwarded-For` while the hop is a
 * trusted proxy; the first untrusted address is the client. With no trusted proxies, a client
 * cannot choose its own address by sending the header.
 */
export function clientIpFrom(
  remoteAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustCheck,
): string {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const forwarded = header
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .reverse();
  const chain = [remoteAddress ?? 'unknown', ...forwarded].map(normalizeIp);
  for (let hop = 0; hop < chain.length - 1; hop += 1) {
    if (!trusted(chain[hop], hop)) return chain[hop];
    if (isIP(chain[hop + 1]) === 0) return chain[hop];
  }
  return chain[chain.length - 1];
}

@Injectable()
export class ClientIpResolver {
  private readonly trusted: TrustCheck;

  constructor(config: AppConfig) {
    this.trusted = trustCheckFor(config.auth.trustProxy);
  }

  of(req: Pick<Request, 'socket' | 'headers'> | undefined): string {
    return clientIpFrom(
      req?.socket?.remoteAddress,
      req?.headers?.['x-forwarded-for'],
      this.trusted,
    );
  }
}
