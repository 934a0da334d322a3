import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatHostPort, isIpLiteral, parseAddress, parseHost, parsePort } from '../../lib/address';

/** [what staff paste, canonical host, port, scheme, path] */
const ACCEPTED: Array<[string, string, number?, string?, string?]> = [
  ['api.example.com', 'api.example.com'],
  ['  API.Example.COM.  ', 'api.example.com'],
  ['my_host.corp', 'my_host.corp'],
  ['localhost', 'localhost'],
  ['bücher.de', 'xn--bcher-kva.de'],
  ['1.2.3', '1.2.0.3'],
  ['127.1', '127.0.0.1'],
  ['2130706433', '127.0.0.1'],
  ['0x7f000001', '127.0.0.1'],
  ['0177.0.0.1', '127.0.0.1'],
  ['::1', '::1'],
  ['[::1]', '::1'],
  ['[2001:DB8:0:0::1]:8443', '2001:db8::1', 8443],
  ['::ffff:127.0.0.1', '127.0.0.1'],
  ['db.internal:5432', 'db.internal', 5432],
  ['https://api.example.com:8443/login', 'api.example.com', 8443, 'https', '/login'],
  ['HTTPS://api.example.com', 'api.example.com', 443, 'https'],
  ['http://[2001:db8::1]/', '2001:db8::1', 80, 'http'],
  ['wss://push.example.com/socket?x=1', 'push.example.com', 443, 'wss', '/socket?x=1'],
  ['tcp://db.local:5432', 'db.local', 5432, 'tcp'],
  ['example.com/health', 'example.com', undefined, undefined, '/health'],
];

const REJECTED: Array<[string, string]> = [
  ['', 'empty'],
  ['   ', 'empty'],
  ['ftp://files.example.com', 'unsupported-scheme'],
  ['user:secret@example.com', 'invalid-host'],
  ['https://user@example.com/', 'invalid-host'],
  ['host:', 'invalid-port'],
  ['host:0', 'invalid-port'],
  ['host:65536', 'invalid-port'],
  ['host:http', 'invalid-port'],
  ['-bad.example.com', 'invalid-host'],
  ['a..b', 'invalid-host'],
  ['with space.com', 'invalid-host'],
  ['999.1.1.1', 'invalid-host'],
  ['a:b:c', 'invalid-host'],
  ['fe80::1%eth0', 'invalid-host'],
  ['[::1', 'invalid-host'],
  ['exa\u0000mple.com', 'invalid-host'],
  [`${'a'.repeat(64)}.com`, 'invalid-host'],
];

describe('parseAddress', () => {
  for (const [input, host, port, scheme, path] of ACCEPTED) {
    it(`reads ${JSON.stringify(input)} as ${host}${port ? `:${port}` : ''}`, () => {
      const result = parseAddress(input);
      assert.ok(result.ok, result.ok ? '' : result.message);
      assert.equal(result.address.host, host);
      assert.equal(result.address.port, port);
      assert.equal(result.address.scheme, scheme);
      assert.equal(result.address.path, path);
    });
  }
  for (const [input, problem] of REJECTED) {
    it(`refuses ${JSON.stringify(input)} (${problem}) with a message`, () => {
      const result = parseAddress(input);
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.equal(result.problem, problem);
      assert.ok(result.message.length > 5);
    });
  }
  it('says when the port came from the scheme', () => {
    const result = parseAddress('https://api.example.com');
    assert.ok(result.ok && result.address.portFromScheme);
    const written = parseAddress('https://api.example.com:443');
    assert.ok(written.ok && !written.address.portFromScheme);
  });
  it('refuses a path only when asked to', () => {
    assert.equal(parseAddress('example.com/x', { allowPath: false }).ok, false);
    assert.equal(parseAddress('example.com/', { allowPath: false }).ok, true);
  });
});

describe('parseHost', () => {
  it('takes a bare host in any spelling', () => {
    for (const input of ['api.example.com', '[::1]', '2130706433', 'my_host.corp']) assert.ok(parseHost(input).ok, input);
  });
  it('refuses a port, a URL or a path, naming which', () => {
    const cases: Array<[string, string]> = [
      ['api.example.com:443', 'must not include a port'],
      ['[::1]:53', 'must not include a port'],
      ['https://api.example.com', 'not a URL'],
      ['api.example.com/login', 'path'],
    ];
    for (const [input, words] of cases) {
      const result = parseHost(input);
      assert.ok(!result.ok && result.message.includes(words), `${input}: ${result.ok ? 'accepted' : result.message}`);
    }
  });
});

describe('ports and formatting', () => {
  it('parses ports from numbers and numeric strings only', () => {
    assert.equal(parsePort(443), 443);
    assert.equal(parsePort(' 8443 '), 8443);
    for (const bad of [0, 65536, 1.5, '80a', '', '-1', null, undefined]) assert.equal(parsePort(bad), null, String(bad));
  });
  it('brackets IPv6 and knows IP literals', () => {
    assert.equal(formatHostPort('2001:db8::1', 443), '[2001:db8::1]:443');
    assert.equal(formatHostPort('api.example.com', 443), 'api.example.com:443');
    assert.equal(formatHostPort('10.0.0.1'), '10.0.0.1');
    assert.ok(isIpLiteral('[::1]') && isIpLiteral('10.0.0.1') && !isIpLiteral('example.com'));
  });
});
