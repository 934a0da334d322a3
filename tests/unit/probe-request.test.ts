import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCliArguments, splitHostPort } from '../../lib/probes/cli/arguments';
import { parseProbeRequest } from '../../lib/probes/contract/request';
import { parseResolver } from '../../lib/probes/dns/resolver';

/** The 400 error for a body, failing the test if the body was accepted. */
function rejection(body: unknown) {
  const parsed = parseProbeRequest(body);
  assert.equal(parsed.ok, false, `expected ${JSON.stringify(body)} to be refused`);
  return (parsed as Extract<typeof parsed, { ok: false }>).error;
}

function plan(body: unknown) {
  const parsed = parseProbeRequest(body);
  assert.ok(parsed.ok, `expected ${JSON.stringify(body)} to be accepted: ${!parsed.ok && parsed.error.message}`);
  return parsed.plan;
}

describe('probe request: bad input gets a 400 naming the field', () => {
  const cases: [string, unknown, string, RegExp][] = [
    ['missing type', { host: 'example.com' }, 'type', /type is required/],
    ['unknown type', { type: 'smtp', host: 'example.com' }, 'type', /type must be one of dns, tcp, tls, http, ping, traceroute, mtu/],
    ['host with spaces', { type: 'tcp', host: 'exa mple.com', port: 443 }, 'host', /host contains spaces/],
    ['host with a control character', { type: 'tcp', host: 'example.com\u0000.evil', port: 443 }, 'host', /control characters/],
    ['host with a newline', { type: 'dns', host: 'example.com\nX-Injected: 1' }, 'host', /control characters/],
    ['host with credentials', { type: 'tcp', host: 'user:pw@example.com', port: 443 }, 'host', /credentials/],
    ['host with a scheme', { type: 'tls', host: 'https://example.com' }, 'host', /not a URL/],
    ['host over 253 characters', { type: 'dns', host: `${'a'.repeat(60)}.`.repeat(5) + 'com' }, 'host', /longer than 253/],
    ['host with a port inside', { type: 'tcp', host: 'example.com:443' }, 'host', /port field/],
    ['host with a path', { type: 'tcp', host: 'example.com/admin', port: 80 }, 'host', /without a path/],
    ['empty host', { type: 'tcp', host: '', port: 80 }, 'host', /must not be empty/],
    ['host that is not a string', { type: 'tcp', host: 42, port: 80 }, 'host', /must be a string/],
    ['a label over 63 characters', { type: 'dns', host: `${'a'.repeat(64)}.com` }, 'host', /invalid label|not a valid host/],
    ['port 0', { type: 'tcp', host: 'example.com', port: 0 }, 'port', /port must be a whole number from 1 to 65535/],
    ['port above 65535', { type: 'tcp', host: 'example.com', port: 65536 }, 'port', /1 to 65535/],
    ['port as text', { type: 'tcp', host: 'example.com', port: '443' }, 'port', /port must be a number/],
    ['fractional port', { type: 'tcp', host: 'example.com', port: 44.3 }, 'port', /whole number/],
    ['tcp without port', { type: 'tcp', host: 'example.com' }, 'port', /required for tcp/],
    ['negative timeout', { type: 'tcp', host: 'example.com', port: 1, timeoutMs: -5 }, 'timeoutMs', /timeoutMs must be a whole number from 100 to 60000/],
    ['absurd timeout', { type: 'tcp', host: 'example.com', port: 1, timeoutMs: 1e12 }, 'timeoutMs', /100 to 60000/],
    ['timeout as text', { type: 'tcp', host: 'example.com', port: 1, timeoutMs: 'soon' }, 'timeoutMs', /must be a number/],
    ['ftp URL', { type: 'http', url: 'ftp://example.com/file' }, 'url', /must use http or https, not ftp/],
    ['file URL', { type: 'http', url: 'file:///etc/passwd' }, 'url', /not file/],
    ['javascript URL', { type: 'http', url: 'javascript:alert(1)' }, 'url', /not javascript/],
    ['relative URL', { type: 'http', url: '/health' }, 'url', /not a valid absolute URL/],
    ['URL with credentials', { type: 'http', url: 'https://admin:secret@example.com/' }, 'url', /credentials/],
    ['http without url or host', { type: 'http' }, 'url', /required for http/],
    ['url with host', { type: 'http', url: 'https://example.com/', host: 'example.com' }, 'url', /either|one or the other/],
    ['url on a tls probe', { type: 'tls', url: 'https://example.com/' }, 'url', /only to http probes/],
    ['resolver that is a name', { type: 'dns', host: 'example.com', resolver: 'dns.google' }, 'resolver', /must be an IP address/],
    ['resolver with a bad port', { type: 'dns', host: 'example.com', resolver: '9.9.9.9:70000' }, 'resolver', /1 and 65535/],
    ['resolver in decimal', { type: 'dns', host: 'example.com', resolver: '2130706433' }, 'resolver', /must be an IP address/],
    ['resolver on a tcp probe', { type: 'tcp', host: 'example.com', port: 1, resolver: '9.9.9.9' }, 'resolver', /only to dns/],
    ['port on a ping probe', { type: 'ping', host: 'example.com', port: 80 }, 'port', /does not apply to ping/],
    ['dns for an IP', { type: 'dns', host: '192.0.2.1' }, 'host', /must be a name/],
    ['unknown field', { type: 'dns', host: 'example.com', hots: 'x' }, 'hots', /hots is not a known field/],
    ['an array body', [1, 2], 'body', /body must be a JSON object/],
    ['a string body', 'tcp example.com', 'body', /JSON object/],
    ['null body', null, 'body', /JSON object/],
  ];
  for (const [name, body, field, message] of cases) {
    it(name, () => {
      const error = rejection(body);
      assert.equal(error.code, 'INVALID_INPUT');
      assert.equal(error.field, field);
      assert.match(error.message, message);
    });
  }
});

describe('probe request: accepted bodies become plans', () => {
  it('canonicalises hosts and fills defaults', () => {
    assert.deepEqual(
      { ...plan({ type: 'tls', host: 'Example.COM.' }), host: undefined },
      { type: 'tls', targetField: 'host', target: 'example.com:443', timeoutMs: undefined, host: undefined, port: 443 },
    );
    assert.equal(plan({ type: 'tcp', host: '2130706433', port: 80 }).target, '127.0.0.1:80');
    assert.equal(plan({ type: 'tcp', host: '::1', port: 80 }).target, '[::1]:80');
    assert.equal(plan({ type: 'ping', host: '[::ffff:7f00:1]' }).target, '127.0.0.1');
    assert.equal(plan({ type: 'dns', host: 'bücher.example' }).target, 'xn--bcher-kva.example');
  });

  it('builds http URLs from host and port and strips fragments', () => {
    assert.equal(plan({ type: 'http', host: 'example.com', port: 443 }).target, 'https://example.com/');
    assert.equal(plan({ type: 'http', host: 'example.com', port: 8080 }).target, 'http://example.com:8080/');
    assert.equal(plan({ type: 'http', url: 'https://example.com/a?b=1#frag' }).target, 'https://example.com/a?b=1');
    assert.equal(plan({ type: 'http', url: 'https://example.com/' }).targetField, 'url');
  });

  it('parses resolvers in every documented form', () => {
    assert.deepEqual(plan({ type: 'dns', host: 'example.com', resolver: '9.9.9.9' }).resolver, { ip: '9.9.9.9', port: 53 });
    assert.deepEqual(parseResolver('127.0.0.1:5353'), { ip: '127.0.0.1', port: 5353 });
    assert.deepEqual(parseResolver('[::1]:5353'), { ip: '::1', port: 5353 });
    assert.deepEqual(parseResolver('2620:fe::fe'), { ip: '2620:fe::fe', port: 53 });
    assert.ok('problem' in parseResolver('1.2.3'));
  });
});

describe('probe CLI arguments map onto the API body', () => {
  it('splits host:port, bracketed IPv6 and bare IPv6', () => {
    assert.deepEqual(splitHostPort('example.com:8443'), { host: 'example.com', port: 8443 });
    assert.deepEqual(splitHostPort('[::1]:853'), { host: '::1', port: 853 });
    assert.deepEqual(splitHostPort('::1'), { host: '::1' });
    assert.deepEqual(splitHostPort('example.com:https'), { host: 'example.com', port: 'https' });
  });

  it('builds bodies for each form of target', () => {
    assert.deepEqual(parseCliArguments(['tls', 'example.com:8443']), { kind: 'probe', body: { type: 'tls', host: 'example.com', port: 8443 } });
    assert.deepEqual(parseCliArguments(['http', 'https://example.com/x']), { kind: 'probe', body: { type: 'http', url: 'https://example.com/x' } });
    assert.deepEqual(parseCliArguments(['tls', 'https://example.com/x']), { kind: 'probe', body: { type: 'tls', host: 'example.com', port: 443 } });
    assert.deepEqual(parseCliArguments(['dns', 'example.com', '--resolver', '[::1]:53', '--timeout=500']), {
      kind: 'probe',
      body: { type: 'dns', host: 'example.com', resolver: '[::1]:53', timeoutMs: 500 },
    });
  });

  it('reports usage errors and help', () => {
    assert.deepEqual(parseCliArguments([]), { kind: 'help' });
    assert.deepEqual(parseCliArguments(['tcp', 'x', '--help']), { kind: 'help' });
    assert.equal(parseCliArguments(['tcp']).kind, 'error');
    assert.match((parseCliArguments(['tcp', 'x', '--bogus']) as { message: string }).message, /unknown option --bogus/);
    assert.match((parseCliArguments(['dns', 'x', '--resolver']) as { message: string }).message, /--resolver needs a value/);
  });
});
