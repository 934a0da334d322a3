import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isIpLiteral } from '../../machines/conditions';
import { isValidHost, isValidHttpUrl, parsePort, validateFields } from '../../machines/fields';
import { buildProbeRequest } from '../../machines/probe-request';
import { parseServerAddress } from '../../machines/server-address';
import { initialContext } from '../../machines/setup';
import { HOST_FIELD, PORT_FIELD } from '../../machines/common-fields';

describe('form fields', () => {
  test('hosts: names and IP literals pass; schemes, ports, paths and spaces do not', () => {
    for (const host of ['api.example.com', 'localhost', '192.0.2.10', '2001:db8::1', '[2001:db8::1]', 'xn--fiqs8s.example']) {
      assert.ok(isValidHost(host), host);
    }
    for (const host of ['', 'https://api.example.com', 'api.example.com:443', 'api.example.com/x', 'a b', '-bad.example', '999.1.1.1', '1.2.3']) {
      assert.ok(!isValidHost(host), host);
    }
  });

  test('ports are whole numbers from 1 to 65535', () => {
    assert.equal(parsePort('443'), 443);
    assert.equal(parsePort(' 8443 '), 8443);
    for (const port of ['0', '65536', '44.3', '-1', 'https', '']) assert.equal(parsePort(port), null, port);
  });

  test('URLs must be http or https', () => {
    assert.ok(isValidHttpUrl('https://api.example.com/health'));
    assert.ok(!isValidHttpUrl('ftp://api.example.com/'));
    assert.ok(!isValidHttpUrl('api.example.com'));
  });

  test('a bad value gets a message naming the field and what was wrong, in both languages', () => {
    const errors = validateFields([HOST_FIELD, PORT_FIELD], { host: 'https://api.example.com', port: '70000' });
    assert.deepEqual(errors.map((error) => error.field), ['host', 'port']);
    assert.match(errors[0].message.en, /^Server \(host name or IP\): Enter a server name or IP address without http:\/\//);
    assert.match(errors[1].message.zh, /^端口：端口必须是 1 到 65535 之间的整数/);
    assert.deepEqual(validateFields([HOST_FIELD], {}).map((error) => error.message.en), ['Server (host name or IP): Required.']);
  });

  test('IP literals skip the DNS probe', () => {
    assert.ok(isIpLiteral('192.0.2.1'));
    assert.ok(isIpLiteral('[2001:db8::1]'));
    assert.ok(!isIpLiteral('api.example.com'));
  });
});

describe('server addresses as clients hold them', () => {
  test('split into scheme, host and port', () => {
    assert.deepEqual(parseServerAddress('https://api.example.com:8443/login'), { ok: true, scheme: 'https', host: 'api.example.com', port: 8443 });
    assert.deepEqual(parseServerAddress('api.example.com:54321'), { ok: true, scheme: null, host: 'api.example.com', port: 54321 });
    assert.deepEqual(parseServerAddress('[2001:db8::5]:443'), { ok: true, scheme: null, host: '2001:db8::5', port: 443 });
    assert.deepEqual(parseServerAddress('192.0.2.7'), { ok: true, scheme: null, host: '192.0.2.7', port: null });
  });

  test('name what is wrong with a malformed one', () => {
    assert.deepEqual(parseServerAddress('   '), { ok: false, problem: 'empty' });
    assert.deepEqual(parseServerAddress('api.example .com'), { ok: false, problem: 'whitespace' });
    assert.deepEqual(parseServerAddress('htps://api.example.com'), { ok: false, problem: 'scheme' });
    assert.deepEqual(parseServerAddress('http:/api.example.com'), { ok: false, problem: 'scheme' });
    assert.deepEqual(parseServerAddress('api.example.com:99999'), { ok: false, problem: 'port' });
    assert.deepEqual(parseServerAddress('api_example!com'), { ok: false, problem: 'host' });
  });
});

describe('probe requests', () => {
  const context = (values: Record<string, string>) => ({ ...initialContext(), values });

  test('match the API: host only for dns, host and port for tcp/tls, url only for http', () => {
    const values = context({ host: 'api.example.com', port: '8443', url: '' });
    assert.deepEqual(buildProbeRequest({ type: 'dns', host: 'host' }, values), { type: 'dns', host: 'api.example.com' });
    assert.deepEqual(buildProbeRequest({ type: 'tls', host: 'host', port: 'port' }, values), { type: 'tls', host: 'api.example.com', port: 8443 });
    assert.deepEqual(buildProbeRequest({ type: 'http', host: 'host', port: 'port', url: 'url' }, values), { type: 'http', url: 'https://api.example.com:8443/' });
    const withUrl = context({ host: 'api.example.com', port: '443', url: 'https://api.example.com/health' });
    assert.deepEqual(buildProbeRequest({ type: 'http', host: 'host', url: 'url' }, withUrl), { type: 'http', url: 'https://api.example.com/health' });
  });

  test('take host and port from a client address, its own port first, else the scheme default', () => {
    const spec = { type: 'tcp' as const, address: 'address', port: 'port' };
    assert.deepEqual(buildProbeRequest(spec, context({ address: 'https://api.example.com:9443', port: '1' })), { type: 'tcp', host: 'api.example.com', port: 9443 });
    assert.deepEqual(buildProbeRequest(spec, context({ address: 'http://api.example.com', port: '' })), { type: 'tcp', host: 'api.example.com', port: 80 });
    assert.deepEqual(buildProbeRequest(spec, context({ address: 'api.example.com', port: '54321' })), { type: 'tcp', host: 'api.example.com', port: 54321 });
  });
});
