import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTrustProxy, pickClient, rateLimitKey, requestAddresses } from '../../lib/net';
import { resolveHandlerOptions } from '../../lib/probes/api/options';
import { MemoryRateLimitStore, parseRateLimit } from '../../lib/probes/server';

describe('PROBE_RATE_LIMIT', () => {
  it('parses limits, defaults to 30/60s and turns off with "off"', () => {
    assert.deepEqual(parseRateLimit('30/60s'), { limit: 30, windowMs: 60_000 });
    assert.deepEqual(parseRateLimit('100/5m'), { limit: 100, windowMs: 300_000 });
    assert.deepEqual(parseRateLimit('10/1h'), { limit: 10, windowMs: 3_600_000 });
    assert.deepEqual(parseRateLimit('5/s'), { limit: 5, windowMs: 1000 });
    assert.deepEqual(parseRateLimit(undefined), { limit: 30, windowMs: 60_000 });
    assert.equal(parseRateLimit('off'), null);
    assert.equal(parseRateLimit(' OFF '), null);
  });

  it('refuses a setting it cannot read instead of silently disabling the limit', () => {
    for (const value of ['thirty', '0/60s', '30/0s', '30 per minute']) {
      assert.throws(() => parseRateLimit(value), /PROBE_RATE_LIMIT/, value);
    }
  });

  it('the handler reads it from the environment, on by default', () => {
    assert.deepEqual(resolveHandlerOptions({}, {}).rateLimit, { limit: 30, windowMs: 60_000 });
    assert.equal(resolveHandlerOptions({}, { PROBE_RATE_LIMIT: 'off' }).rateLimit, null);
    assert.equal(resolveHandlerOptions({}, { PROBE_TOKEN: 'abc' }).token, 'abc');
    assert.throws(() => resolveHandlerOptions({}, { PROBE_MAX_CONCURRENT: '0' }), /PROBE_MAX_CONCURRENT/);
  });
});

describe('in-memory rate limit store', () => {
  const rule = { limit: 3, windowMs: 60_000 };

  it('allows a burst up to the limit, then says when to retry', async () => {
    const store = new MemoryRateLimitStore();
    const t0 = 1_000_000;
    for (let index = 0; index < 3; index += 1) assert.equal((await store.consume('a', rule, t0)).allowed, true);
    const refused = await store.consume('a', rule, t0);
    assert.deepEqual(refused, { allowed: false, remaining: 0, retryAfterSeconds: 20 });
    assert.equal((await store.consume('b', rule, t0)).allowed, true, 'keys are independent');
  });

  it('refills evenly over the window', async () => {
    const store = new MemoryRateLimitStore();
    const t0 = 1_000_000;
    for (let index = 0; index < 3; index += 1) await store.consume('a', rule, t0);
    assert.equal((await store.consume('a', rule, t0 + 19_000)).allowed, false);
    assert.equal((await store.consume('a', rule, t0 + 40_000)).allowed, true);
  });

  it('stays bounded in memory', async () => {
    const store = new MemoryRateLimitStore(100);
    for (let index = 0; index < 1000; index += 1) await store.consume(`client-${index}`, rule, 1_000_000);
    const size = (store as unknown as { buckets: Map<string, unknown> }).buckets.size;
    assert.ok(size <= 101, `kept ${size} buckets`);
  });
});

describe('client address for the rate limit (TRUST_PROXY, H1)', () => {
  const request = (headers: Record<string, string>) => new Request('http://fixpath.test/', { headers });
  const none = parseTrustProxy(undefined);

  it('without TRUST_PROXY the socket address counts and the forwarded chain is only evidence', () => {
    // Under `next start` the socket's peer is the last X-Forwarded-For entry (see lib/net/request.ts).
    assert.deepEqual(requestAddresses(request({ 'x-forwarded-for': '6.6.6.6, 198.51.100.20' }), none), {
      client: '198.51.100.20',
      socket: '198.51.100.20',
      forwarded: ['6.6.6.6'],
    });
    assert.equal(pickClient('198.51.100.20', ['6.6.6.6', '7.7.7.7'], none), '198.51.100.20');
  });

  it('never reads X-Real-IP, which only a client could have set', () => {
    assert.equal(requestAddresses(request({ 'x-real-ip': '198.51.100.21' }), none).client, 'unknown');
    assert.equal(requestAddresses(request({}), none).client, 'unknown');
  });

  it('a hop count trusts that many proxies from the right, no more', () => {
    const one = parseTrustProxy('1');
    assert.equal(pickClient('10.0.0.1', ['203.0.113.7'], one), '203.0.113.7');
    assert.equal(pickClient('10.0.0.1', ['6.6.6.6', '203.0.113.7'], one), '203.0.113.7', 'entries left of the trusted hop are the client\'s own claims');
    assert.equal(pickClient('10.0.0.1', [], one), '10.0.0.1', 'a short chain ends at its leftmost entry');
    assert.equal(pickClient('10.0.0.1', ['6.6.6.6', '203.0.113.7', '10.0.0.2'], parseTrustProxy('2')), '203.0.113.7');
  });

  it('proxy CIDRs are stepped over from the right until an untrusted address', () => {
    const cidrs = parseTrustProxy('10.0.0.0/8, ::1');
    assert.equal(pickClient('10.0.0.1', ['198.51.100.1', '203.0.113.7', '10.0.0.2'], cidrs), '203.0.113.7');
    assert.equal(pickClient('::1', ['2001:db8::5'], cidrs), '2001:db8::5');
    assert.equal(pickClient('192.0.2.9', ['203.0.113.7'], cidrs), '192.0.2.9', 'a socket that is not a trusted proxy is the client');
    assert.equal(pickClient('10.0.0.1', ['10.0.0.3', '10.0.0.2'], cidrs), '10.0.0.3');
  });

  it('TRUST_PROXY: unset, empty and 0 trust nobody; a typo fails loudly', () => {
    for (const value of [undefined, '', ' ', '0']) assert.deepEqual(parseTrustProxy(value), { kind: 'none' });
    assert.deepEqual(parseTrustProxy('2'), { kind: 'hops', hops: 2 });
    assert.throws(() => parseTrustProxy('true'), /TRUST_PROXY: "true"/);
    assert.throws(() => parseTrustProxy('10.0.0.0/33'), /TRUST_PROXY/);
  });

  it('keys IPv6 clients by their /64 and IPv4 (also mapped) by the address', () => {
    assert.equal(rateLimitKey('2001:db8:1:2::1'), rateLimitKey('2001:db8:1:2:ffff:ffff:ffff:ffff'));
    assert.equal(rateLimitKey('2001:db8:1:2::1'), '2001:db8:1:2::/64');
    assert.notEqual(rateLimitKey('2001:db8:1:2::1'), rateLimitKey('2001:db8:1:3::1'));
    assert.equal(rateLimitKey('198.51.100.20'), '198.51.100.20');
    assert.equal(rateLimitKey('::ffff:198.51.100.20'), '198.51.100.20');
    assert.equal(rateLimitKey('unknown'), 'unknown');
  });
});
