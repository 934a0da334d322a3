import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientAddressOf } from '../../lib/probes/api/client-address';
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

describe('client address for the rate limit', () => {
  const request = (headers: Record<string, string>) => new Request('http://fixpath.test/', { headers });
  it('uses the address the nearest proxy appended, not what the client wrote', () => {
    assert.equal(clientAddressOf(request({ 'x-forwarded-for': '6.6.6.6, 198.51.100.20' })), '198.51.100.20');
    assert.equal(clientAddressOf(request({ 'x-forwarded-for': '198.51.100.20' })), '198.51.100.20');
    assert.equal(clientAddressOf(request({ 'x-real-ip': '198.51.100.21' })), '198.51.100.21');
    assert.equal(clientAddressOf(request({})), 'unknown');
  });
});
