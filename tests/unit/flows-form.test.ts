import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readForm, validateServerAddress } from '../../lib/flows';
import { readClientAddress } from '../../lib/flows/runtime/address';
import { probeRequestFor } from '../../lib/flows/runtime/probe-request';
import { FLOWS, initialContext, type FormMeta } from '../../machines';

const formOf = (flow: keyof typeof FLOWS, state: string) => FLOWS[flow].machine.states[state].meta as FormMeta;
const target = formOf('five-layer', 'target');
const HOST = target.fields[0];
const PORT = target.fields[1];

describe('the host field', () => {
  test('takes what the probe API takes: names (also with _), IP literals in any spelling, IPv6 with or without brackets', () => {
    for (const [input, host, kind] of [
      ['api.example.com', 'api.example.com', 'name'],
      ['API.Example.COM.', 'api.example.com', 'name'],
      ['my_host.corp', 'my_host.corp', 'name'],
      ['localhost', 'localhost', 'name'],
      ['192.0.2.10', '192.0.2.10', 'ipv4'],
      ['1.2.3', '1.2.0.3', 'ipv4'],
      ['2001:db8::1', '2001:db8::1', 'ipv6'],
      ['[2001:db8::1]', '2001:db8::1', 'ipv6'],
    ] as const) {
      assert.deepEqual(validateServerAddress(input), { ok: true, host, kind }, input);
    }
  });

  test('splits host:port and a pasted URL into host, port and scheme', () => {
    assert.deepEqual(validateServerAddress('ssl://mail.example.com:993'), { ok: true, host: 'mail.example.com', kind: 'name', port: 993, scheme: 'ssl' });
    assert.deepEqual(validateServerAddress('api.example.com:8443'), { ok: true, host: 'api.example.com', kind: 'name', port: 8443 });
    assert.deepEqual(validateServerAddress('[2001:db8::1]:443'), { ok: true, host: '2001:db8::1', kind: 'ipv6', port: 443 });
    assert.deepEqual(validateServerAddress('https://api.example.com:8443/login'), {
      ok: true,
      host: 'api.example.com',
      kind: 'name',
      port: 8443,
      scheme: 'https',
      url: 'https://api.example.com:8443/login',
    });
    assert.deepEqual(validateServerAddress('http://api.example.com'), { ok: true, host: 'api.example.com', kind: 'name', port: 80, scheme: 'http', url: 'http://api.example.com/' });
  });

  test('refuses what is not a server, with a message in both languages', () => {
    for (const input of ['', 'a b', '-bad-.example', '999.1.1.1', 'api.example.com:99999', 'ftp://api.example.com/']) {
      const check = validateServerAddress(input);
      assert.equal(check.ok, false, input);
      assert.ok(!check.ok && check.message.zh && check.message.en, input);
    }
  });
});

describe('reading a form', () => {
  test('a pasted URL fills host, port and the empty URL field, normalised', () => {
    assert.deepEqual(readForm(target.fields, { host: 'https://API.example.com:8443/login', port: '443', url: '' }), {
      ok: true,
      values: { host: 'api.example.com', port: '8443', url: 'https://api.example.com:8443/login' },
      addresses: { host: 'name' },
    });
    assert.deepEqual(readForm(target.fields, { host: '1.2.3', port: ' 0443 ', url: '' }), {
      ok: true,
      values: { host: '1.2.0.3', port: '443', url: '' },
      addresses: { host: 'ipv4' },
    });
  });

  test('a bad value gets a message naming the field and what was wrong, in both languages', () => {
    const read = readForm([HOST, PORT], { host: 'bad host!', port: '70000' });
    assert.equal(read.ok, false);
    const errors = read.ok ? [] : read.errors;
    assert.deepEqual(errors.map((error) => error.field), ['host', 'port']);
    assert.match(errors[0].message.en, /^Server \(host name or IP\): Enter a server name or IP address/);
    assert.match(errors[1].message.zh, /^端口：端口必须是 1 到 65535 之间的整数/);
    const empty = readForm([HOST], {});
    assert.deepEqual(!empty.ok && empty.errors.map((error) => error.message.en), ['Server (host name or IP): Required.']);
  });

  test('attaching evidence (partial) lets required fields stay empty but still checks what is there', () => {
    const why = formOf('five-whys', 'why1');
    assert.equal(readForm(why.fields, {}, { partial: true }).ok, true);
    assert.equal(readForm(why.fields, {}).ok, false);
    assert.equal(readForm(why.fields, { 'why1.status': 'sure' }, { partial: true }).ok, false);
  });

  test('rows: every required column of every row, with the row in the field name', () => {
    const rows = formOf('five-whys', 'countermeasures');
    const read = readForm(rows.fields, { countermeasures: [{ action: 'Automate', owner: '', due: '2026-13-45' }] });
    assert.deepEqual(!read.ok && read.errors.map((error) => error.field), ['countermeasures.0.owner', 'countermeasures.0.due']);
    const none = readForm(rows.fields, { countermeasures: [] });
    assert.deepEqual(!none.ok && none.errors.map((error) => error.message.en), ['Countermeasures: Required.']);
  });

  test("a client's address is kept as typed and read, never refused for its format", () => {
    const address = formOf('client-config', 'address');
    for (const [input, kind] of [
      ['https://api.example.com:8443', 'name'],
      ['wss://192.0.2.7/socket', 'ipv4'],
      ['htps://api.example.com', 'malformed'],
      ['api.example .com', 'malformed'],
    ] as const) {
      const read = readForm(address.fields, { address: input, port: '' });
      assert.deepEqual(read, { ok: true, values: { address: input, port: '' }, addresses: { address: kind } }, input);
    }
  });
});

describe('server addresses as clients hold them', () => {
  test('split into host, the port written in them and the port their scheme implies', () => {
    assert.deepEqual(readClientAddress('https://api.example.com:8443/login'), { ok: true, host: 'api.example.com', kind: 'name', port: 8443 });
    assert.deepEqual(readClientAddress('api.example.com:54321'), { ok: true, host: 'api.example.com', kind: 'name', port: 54321 });
    assert.deepEqual(readClientAddress('[2001:db8::5]:443'), { ok: true, host: '2001:db8::5', kind: 'ipv6', port: 443 });
    assert.deepEqual(readClientAddress('http://api.example.com'), { ok: true, host: 'api.example.com', kind: 'name', schemePort: 80 });
    assert.deepEqual(readClientAddress('wss://api.example.com'), { ok: true, host: 'api.example.com', kind: 'name', schemePort: 443 });
    assert.deepEqual(readClientAddress('192.0.2.7'), { ok: true, host: '192.0.2.7', kind: 'ipv4' });
  });

  test('malformed ones are reported as such', () => {
    for (const input of ['   ', 'api.example .com', 'htps://api.example.com', 'http:/api.example.com', 'api.example.com:99999', 'api_example!com']) {
      assert.deepEqual(readClientAddress(input), { ok: false }, input);
    }
  });
});

describe('probe requests', () => {
  const context = (values: Record<string, string>) => ({ ...initialContext(), values });

  test('match the API: host only for dns, host and port for tcp/tls, url only for http', () => {
    const values = context({ host: 'api.example.com', port: '8443', url: '' });
    assert.deepEqual(probeRequestFor({ type: 'dns', host: 'host' }, values), { type: 'dns', host: 'api.example.com' });
    assert.deepEqual(probeRequestFor({ type: 'tls', host: 'host', port: 'port' }, values), { type: 'tls', host: 'api.example.com', port: 8443 });
    assert.deepEqual(probeRequestFor({ type: 'http', host: 'host', port: 'port', url: 'url' }, values), { type: 'http', url: 'https://api.example.com:8443/' });
    assert.deepEqual(probeRequestFor({ type: 'http', host: 'host', port: 'port' }, context({ host: '2001:db8::1', port: '8080' })), { type: 'http', url: 'http://[2001:db8::1]:8080/' });
    const withUrl = context({ host: 'api.example.com', port: '443', url: 'https://api.example.com/health' });
    assert.deepEqual(probeRequestFor({ type: 'http', host: 'host', url: 'url' }, withUrl), { type: 'http', url: 'https://api.example.com/health' });
  });

  test('take host and port from a client address: its own port first, then the port box, then the scheme default', () => {
    const spec = { type: 'tcp' as const, address: 'address', port: 'port' };
    assert.deepEqual(probeRequestFor(spec, context({ address: 'https://api.example.com:9443', port: '1' })), { type: 'tcp', host: 'api.example.com', port: 9443 });
    assert.deepEqual(probeRequestFor(spec, context({ address: 'http://api.example.com', port: '' })), { type: 'tcp', host: 'api.example.com', port: 80 });
    assert.deepEqual(probeRequestFor(spec, context({ address: 'http://api.example.com', port: '8080' })), { type: 'tcp', host: 'api.example.com', port: 8080 });
    assert.deepEqual(probeRequestFor(spec, context({ address: 'api.example.com', port: '54321' })), { type: 'tcp', host: 'api.example.com', port: 54321 });
  });

  test('the attached probe kind of five-whys, TCP until staff choose', () => {
    const spec = { type: 'attached' as const, host: 'host', port: 'port' };
    assert.deepEqual(probeRequestFor(spec, context({ host: 'api.example.com', port: '' })), { type: 'tcp', host: 'api.example.com', port: 443 });
    assert.deepEqual(probeRequestFor(spec, { ...context({ host: 'api.example.com' }), attach: 'dns' }), { type: 'dns', host: 'api.example.com' });
  });
});
