import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseProbeRequest } from '../../lib/probes';
import { parseCliArguments } from '../../lib/probes/cli/arguments';
import { readResolver } from '../../lib/probes/contract/resolver';
import { probeTarget } from '../../lib/probes/run/run-probe';

/** The 400 error for a body, failing the test if the body was accepted. */
function rejection(body: unknown) {
  const parsed = parseProbeRequest(body);
  assert.equal(parsed.ok, false, `expected ${JSON.stringify(body)} to be refused`);
  return (parsed as Extract<typeof parsed, { ok: false }>).error;
}

function accepted(body: unknown) {
  const parsed = parseProbeRequest(body);
  assert.ok(parsed.ok, `expected ${JSON.stringify(body)} to be accepted: ${!parsed.ok && parsed.error.message}`);
  return parsed.request;
}

describe('probe request: bad input gets a 400 naming the field', () => {
  const cases: [string, unknown, string, RegExp][] = [
    ['missing type', { host: 'example.com' }, 'type', /type is required/],
    ['unknown type', { type: 'smtp', host: 'example.com' }, 'type', /type must be one of dns, tcp, tls, http, ping, traceroute, mtu/],
    ['host with spaces', { type: 'tcp', host: 'exa mple.com', port: 443 }, 'host', /host contains spaces/],
    ['host with a control character', { type: 'tcp', host: 'example.com\u0000.evil', port: 443 }, 'host', /control characters/],
    ['host with a newline', { type: 'dns', host: 'example.com\nX-Injected: 1' }, 'host', /control characters/],
    ['host with credentials', { type: 'tcp', host: 'user:pw@example.com', port: 443 }, 'host', /user name or password/],
    ['host with a scheme', { type: 'tls', host: 'https://example.com' }, 'host', /not a URL/],
    ['host over 253 characters', { type: 'dns', host: `${'a'.repeat(60)}.`.repeat(5) + 'com' }, 'host', /longer than 253/],
    ['host with a port inside', { type: 'tcp', host: 'example.com:443' }, 'host', /port field/],
    ['host with a path', { type: 'tcp', host: 'example.com/admin', port: 80 }, 'host', /has a path "\/admin"/],
    ['empty host', { type: 'tcp', host: '', port: 80 }, 'host', /host is empty/],
    ['host of spaces only', { type: 'tcp', host: '   ', port: 80 }, 'host', /host is empty/],
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
    ['resolver with a bad port', { type: 'dns', host: 'example.com', resolver: '9.9.9.9:70000' }, 'resolver', /whole number from 1 to 65535/],
    ['resolver as a URL', { type: 'dns', host: 'example.com', resolver: 'https://9.9.9.9/dns-query' }, 'resolver', /must be an IP address/],
    ['resolver with credentials', { type: 'dns', host: 'example.com', resolver: 'user@9.9.9.9' }, 'resolver', /must be an IP address/],
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

describe('probe request: accepted bodies become one canonical shape per type', () => {
  it('canonicalises hosts through the address model and fills defaults', () => {
    assert.deepEqual(accepted({ type: 'tls', host: 'Example.COM.' }), { type: 'tls', host: 'example.com', port: 443 });
    assert.deepEqual(accepted({ type: 'tcp', host: '2130706433', port: 80, timeoutMs: 500 }), { type: 'tcp', host: '127.0.0.1', port: 80, timeoutMs: 500 });
    assert.deepEqual(accepted({ type: 'tcp', host: '[::1]', port: 80 }), { type: 'tcp', host: '::1', port: 80 });
    assert.deepEqual(accepted({ type: 'ping', host: '[::ffff:7f00:1]' }), { type: 'ping', host: '127.0.0.1' });
    assert.deepEqual(accepted({ type: 'mtu', host: ' 1.2.3 ' }), { type: 'mtu', host: '1.2.0.3' });
    assert.deepEqual(accepted({ type: 'dns', host: 'bücher.example' }), { type: 'dns', host: 'xn--bcher-kva.example' });
    assert.deepEqual(accepted({ type: 'traceroute', host: 'my_host.corp' }), { type: 'traceroute', host: 'my_host.corp' });
  });

  it('turns http by host and port into its URL, and strips fragments', () => {
    assert.deepEqual(accepted({ type: 'http', host: 'example.com', port: 443 }), { type: 'http', url: 'https://example.com/' });
    assert.deepEqual(accepted({ type: 'http', host: 'EXAMPLE.com' }), { type: 'http', url: 'http://example.com/' });
    assert.deepEqual(accepted({ type: 'http', host: '::1', port: 8080 }), { type: 'http', url: 'http://[::1]:8080/' });
    assert.deepEqual(accepted({ type: 'http', url: 'https://example.com/a?b=1#frag' }), { type: 'http', url: 'https://example.com/a?b=1' });
    assert.deepEqual(accepted({ type: 'http', url: 'http://0x7f000001:8080/x' }), { type: 'http', url: 'http://127.0.0.1:8080/x' });
  });

  it('names the target as results and audit lines show it', () => {
    assert.equal(probeTarget(accepted({ type: 'tls', host: 'Example.COM.' })), 'example.com:443');
    assert.equal(probeTarget(accepted({ type: 'tcp', host: '2130706433', port: 80 })), '127.0.0.1:80');
    assert.equal(probeTarget(accepted({ type: 'tcp', host: '::1', port: 80 })), '[::1]:80');
    assert.equal(probeTarget(accepted({ type: 'ping', host: '::1' })), '[::1]');
    assert.equal(probeTarget(accepted({ type: 'http', host: 'example.com', port: 8080 })), 'http://example.com:8080/');
  });

  it('reads resolvers in every documented form, as ip:port', () => {
    assert.deepEqual(accepted({ type: 'dns', host: 'example.com', resolver: '9.9.9.9' }), { type: 'dns', host: 'example.com', resolver: '9.9.9.9:53' });
    const resolver = (text: string) => (accepted({ type: 'dns', host: 'example.com', resolver: text }) as { resolver: string }).resolver;
    assert.equal(resolver('127.0.0.1:5353'), '127.0.0.1:5353');
    assert.equal(resolver('[::1]:5353'), '[::1]:5353');
    assert.equal(resolver('2620:fe::fe'), '[2620:fe::fe]:53');
    // One address model: every IPv4 spelling means the same address here as in a host (the policy then judges it).
    assert.equal(resolver('2130706433'), '127.0.0.1:53');
    assert.deepEqual(readResolver('[::1]:53'), { ip: '::1', port: 53 });
    assert.ok('problem' in readResolver('dns.google'));
  });
});

describe('probe CLI arguments map onto the API body', () => {
  it('reads host:port, bracketed IPv6 and bare IPv6 through the address model', () => {
    const body = (...args: string[]) => {
      const command = parseCliArguments(args);
      assert.equal(command.kind, 'probe', JSON.stringify(command));
      return (command as { body: Record<string, unknown> }).body;
    };
    assert.deepEqual(body('tcp', 'Example.com:8443'), { type: 'tcp', host: 'example.com', port: 8443 });
    assert.deepEqual(body('tls', '[::1]:853'), { type: 'tls', host: '::1', port: 853 });
    assert.deepEqual(body('ping', '::1'), { type: 'ping', host: '::1' });
    assert.deepEqual(body('tcp', 'https://api.example.com:8443/login'), { type: 'tcp', host: 'api.example.com', port: 8443 });
    assert.deepEqual(body('ping', 'https://api.example.com:8443/login'), { type: 'ping', host: 'api.example.com' });
    assert.deepEqual(body('dns', 'example.com:53'), { type: 'dns', host: 'example.com', port: 53 }, 'the API then says port does not apply');
    assert.deepEqual(body('tcp', 'example.com:80', '--port', '8080'), { type: 'tcp', host: 'example.com', port: 8080 });
    assert.match((parseCliArguments(['tcp', 'example.com:https']) as { message: string }).message, /target has the port "https"/);
    assert.match((parseCliArguments(['http', 'example.com/health']) as { message: string }).message, /give the whole URL/);
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
