import { clientIpFrom, normalizeIp, trustCheckFor } from './client-ip';

describe('clientIpFrom', () => {
  const loopback = trustCheckFor(['loopback']);

  it('uses the TCP peer when no proxy is trusted, whatever the header says', () => {
    expect(clientIpFrom('203.0.113.9', '1.2.3.4', trustCheckFor(false))).toBe('203.0.113.9');
    expect(clientIpFrom('127.0.0.1', '1.2.3.4', trustCheckFor(false))).toBe('127.0.0.1');
  });

  it('ignores the header from an untrusted peer', () => {
    expect(clientIpFrom('203.0.113.9', '1.2.3.4', loopback)).toBe('203.0.113.9');
  });

  it('takes the nearest untrusted hop behind trusted proxies', () => {
    expect(clientIpFrom('::ffff:127.0.0.1', '198.51.100.7', loopback)).toBe('198.51.100.7');
    // a client-supplied first entry cannot override what the trusted proxy appended
    expect(clientIpFrom('127.0.0.1', '6.6.6.6, 198.51.100.7', loopback)).toBe('198.51.100.7');
    const twoProxies = trustCheckFor(['loopback', '10.0.0.0/8']);
    expect(clientIpFrom('127.0.0.1', '6.6.6.6, 198.51.100.7, 10.1.2.3', twoProxies)).toBe(
      '198.51.100.7',
    );
  });

  it('counts hops', () => {
    expect(clientIpFrom('10.0.0.1', '6.6.6.6, 198.51.100.7', trustCheckFor(1))).toBe(
      '198.51.100.7',
    );
    expect(clientIpFrom('10.0.0.1', '6.6.6.6, 198.51.100.7', trustCheckFor(2))).toBe('6.6.6.6');
  });

  it('stops at a malformed entry', () => {
    expect(clientIpFrom('127.0.0.1', 'garbage', loopback)).toBe('127.0.0.1');
  });

  it('normalizes IPv4-mapped IPv6', () => {
    expect(normalizeIp('::FFFF:192.0.2.1')).toBe('192.0.2.1');
  });
});
