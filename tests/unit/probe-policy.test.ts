import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Deadline } from '../../lib/probes/run/deadline';
import { parseHost } from '../../lib/address';
import { parseCidrList } from '../../lib/probes/policy/ranges';
import { assertResolverAllowed, resolveTarget } from '../../lib/probes/policy/resolve';
import { checkAddress, createTargetPolicy, policyFromEnv, TargetForbiddenError } from '../../lib/probes/server';
import { testContext } from '../fixtures/probes/context';

// Pure functions only: nothing here opens a socket. Private and metadata
// ranges are never connected to, per the network rule.
const strict = createTargetPolicy();

/** Canonicalises a host the way the API does, then checks it (no resolution: literals only). */
function verdict(host: string, policy = strict) {
  const read = parseHost(host);
  assert.ok(read.ok && read.address.kind !== 'name', `${host} should parse as an IP literal`);
  return checkAddress(read.address.host, policy);
}

describe('target policy: built-in refusals', () => {
  const refused: [string, string][] = [
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'], // AWS, GCP, Azure metadata
    ['100.100.100.200', 'carrierGradeNat'], // Alibaba metadata sits in CGNAT space
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.0.170', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fd00:ec2::254', 'uniqueLocal'], // AWS IPv6 metadata
    ['fc00::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['64:ff9b::a9fe:a9fe', 'rfc6052'], // NAT64 of 169.254.169.254
    ['64:ff9b:1::a00:1', 'rfc6052'],
    ['2002:a9fe:a9fe::1', '6to4'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'teredo'],
    ['::ffff:0:7f00:1', 'rfc6145'],
    ['::7f00:1', 'ipv4Compatible'],
    ['::a9fe:a9fe', 'ipv4Compatible'],
    ['2001:db8::1', 'reserved'],
  ];
  for (const [address, reason] of refused) {
    it(`refuses ${address} (${reason})`, () => {
      const decision = checkAddress(address, strict);
      assert.equal(decision.allowed, false);
      assert.equal(!decision.allowed && decision.reason, reason);
    });
  }

  it('allows public unicast addresses (checked as values, never contacted)', () => {
    for (const address of ['93.184.215.14', '1.1.1.1', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e']) {
      assert.deepEqual(checkAddress(address, strict), { allowed: true, address });
    }
  });
});

describe('target policy: every spelling of an internal address', () => {
  const spellings: [string, string][] = [
    ['2852039166', '169.254.169.254'], // decimal
    ['0xa9fea9fe', '169.254.169.254'], // hex
    ['0251.0376.0251.0376', '169.254.169.254'], // octal
    ['0xa9.0xfe.0xa9.0xfe', '169.254.169.254'],
    ['169.254.43518', '169.254.169.254'], // short form
    ['2130706433', '127.0.0.1'],
    ['0x7f000001', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['127.1', '127.0.0.1'],
    ['017700000001', '127.0.0.1'],
    ['10.1', '10.0.0.1'],
    ['[::ffff:169.254.169.254]', '169.254.169.254'], // IPv4-mapped, dotted
    ['::ffff:a9fe:a9fe', '169.254.169.254'], // IPv4-mapped, hex
    ['[::ffff:127.0.0.1]', '127.0.0.1'],
    ['[0:0:0:0:0:ffff:7f00:1]', '127.0.0.1'],
    ['[0000::1]', '::1'],
  ];
  for (const [spelling, address] of spellings) {
    it(`${spelling} is ${address} and refused`, () => {
      const decision = verdict(spelling);
      assert.equal(decision.allowed, false);
      assert.equal(decision.address, address);
    });
  }
});

describe('target policy: PROBE_ALLOW and PROBE_DENY', () => {
  it('PROBE_ALLOW opens exactly the listed CIDRs', () => {
    const policy = policyFromEnv({ PROBE_ALLOW: '127.0.0.1/32, 10.20.0.0/16' });
    assert.equal(checkAddress('127.0.0.1', policy).allowed, true);
    assert.equal(checkAddress('::ffff:127.0.0.1', policy).allowed, true, 'the mapped form is the same address');
    assert.equal(checkAddress('127.0.0.2', policy).allowed, false);
    assert.equal(checkAddress('::1', policy).allowed, false);
    assert.equal(checkAddress('10.20.30.40', policy).allowed, true);
    assert.equal(checkAddress('10.21.0.1', policy).allowed, false);
    assert.equal(checkAddress('169.254.169.254', policy).allowed, false);
  });

  it('PROBE_DENY refuses public ranges and wins over PROBE_ALLOW', () => {
    const policy = policyFromEnv({ PROBE_ALLOW: '127.0.0.1/32', PROBE_DENY: '203.0.114.0/24,127.0.0.1,2a00:1450::/32' });
    assert.deepEqual(checkAddress('203.0.114.7', policy), { allowed: false, address: '203.0.114.7', reason: 'PROBE_DENY' });
    assert.equal(checkAddress('127.0.0.1', policy).allowed, false);
    assert.equal(checkAddress('2a00:1450:4001::1', policy).allowed, false);
    assert.equal(checkAddress('8.8.8.8', policy).allowed, true);
  });

  it('cloud platform endpoints stay refused when PROBE_ALLOW opens the range around them (L5)', () => {
    assert.deepEqual(checkAddress('168.63.129.16', strict), { allowed: false, address: '168.63.129.16', reason: 'cloudPlatform' });
    const wide = policyFromEnv({ PROBE_ALLOW: '168.63.0.0/16, 169.254.0.0/16, 100.64.0.0/10, fd00::/8' });
    for (const address of ['168.63.129.16', '169.254.169.254', '169.254.170.2', '169.254.170.23', '100.100.100.200', 'fd00:ec2::254', 'fd00:ec2::23', '::ffff:168.63.129.16']) {
      assert.equal(checkAddress(address, wide).allowed, false, address);
    }
    assert.equal(checkAddress('168.63.129.17', wide).allowed, true, 'the rest of an allowed range stays open');
    assert.equal(checkAddress('fd00:ec2::253', wide).allowed, true);
    const named = policyFromEnv({ PROBE_ALLOW: '169.254.169.254/32, fd00:ec2::254' });
    assert.equal(checkAddress('169.254.169.254', named).allowed, true, 'naming the address itself allows it');
    assert.equal(checkAddress('fd00:ec2::254', named).allowed, true);
  });

  it('a bad CIDR fails loudly, naming the variable and entry', () => {
    assert.throws(() => parseCidrList('10.0.0.0/8,banana', 'PROBE_ALLOW'), /PROBE_ALLOW: "banana" is not a CIDR/);
    assert.throws(() => policyFromEnv({ PROBE_DENY: '10.0.0.0/33' }), /PROBE_DENY/);
  });
});

describe('resolveTarget: resolve once, check every address', () => {
  const deadline = () => new Deadline(1000);

  it('refuses a name that resolves to a metadata address, before any connection', async () => {
    const context = testContext({ hosts: { 'metadata.fixpath.test': ['169.254.169.254'] } });
    await assert.rejects(resolveTarget('metadata.fixpath.test', context, deadline()), (error: unknown) => {
      assert.ok(error instanceof TargetForbiddenError);
      assert.equal(error.address, '169.254.169.254');
      assert.equal(error.reason, 'linkLocal');
      return true;
    });
  });

  it('refuses a name when any one of its addresses is internal (rebinding-style mixes)', async () => {
    const context = testContext({ hosts: { 'mixed.fixpath.test': ['127.0.0.1', '10.0.0.5'] } });
    await assert.rejects(resolveTarget('mixed.fixpath.test', context, deadline()), TargetForbiddenError);
  });

  it('refuses a name resolving to a mapped IPv6 form of a private address', async () => {
    const context = testContext({ hosts: { 'mapped.fixpath.test': ['::ffff:192.168.0.10'] } });
    await assert.rejects(resolveTarget('mapped.fixpath.test', context, deadline()), /192\.168\.0\.10/);
  });

  it('returns the checked addresses, IPv4 first, when all are allowed', async () => {
    const context = testContext({ allow: '127.0.0.1/32,::1/128', hosts: { 'ok.fixpath.test': ['127.0.0.1', '::1'] } });
    const resolved = await resolveTarget('ok.fixpath.test', context, deadline());
    assert.ok(resolved.ok);
    assert.equal(resolved.address, '127.0.0.1');
    assert.deepEqual(resolved.addresses, ['127.0.0.1', '::1']);
  });

  it('asks the resolver exactly once', async () => {
    let calls = 0;
    const context = { ...testContext(), lookup: async () => (calls += 1, ['127.0.0.1']) };
    await resolveTarget('once.fixpath.test', context, deadline());
    assert.equal(calls, 1);
  });

  it('reports a name that does not resolve as DNS_NXDOMAIN, and a hung lookup as DNS_TIMEOUT', async () => {
    const missing = await resolveTarget('missing.fixpath.test', testContext(), deadline());
    assert.equal(!missing.ok && missing.finding.code, 'DNS_NXDOMAIN');
    const hung = { ...testContext(), lookup: () => new Promise<string[]>(() => {}) };
    const slow = await resolveTarget('slow.fixpath.test', hung, new Deadline(50));
    assert.equal(!slow.ok && slow.finding.code, 'DNS_TIMEOUT');
  });
});

describe('a resolver the caller chose (L4)', () => {
  it('must listen on port 53 unless PROBE_ALLOW covers it; the check sends nothing', () => {
    const context = testContext();
    for (const [ip, port] of [['8.8.8.8', 25], ['2001:4860:4860::8888', 5353]] as const) {
      assert.throws(() => assertResolverAllowed(ip, port, context), (error: Error & { field?: string }) => error.field === 'resolver' && /resolver port must be 53/.test(error.message), `${ip}:${port}`);
    }
    assert.equal(assertResolverAllowed('8.8.8.8', 53, context), '8.8.8.8');
    assert.equal(assertResolverAllowed('127.0.0.1', 5353, context), '127.0.0.1', 'PROBE_ALLOW (127.0.0.1/32 here) covers a test resolver on another port');
    assert.throws(() => assertResolverAllowed('10.0.0.53', 53, context), TargetForbiddenError);
  });
});
