/**
 * The flow form and the probe API read addresses with one model, and must agree: what the
 * form accepts becomes a request the API accepts with the same canonical host, and what the
 * form refuses the API refuses too. Each row also says what the right answer is, so the two
 * cannot agree on a wrong one.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateServerAddress } from '../../lib/flows';
import { parseProbeRequest } from '../../lib/probes';

type Row = [input: string, expected: { host: string; port?: number; url?: string } | 'refused'];

const ROWS: Row[] = [
  ['api.example.com', { host: 'api.example.com' }],
  ['API.EXAMPLE.COM', { host: 'api.example.com' }],
  ['api.example.com.', { host: 'api.example.com' }],
  ['  api.example.com  ', { host: 'api.example.com' }],
  ['my_host.corp', { host: 'my_host.corp' }],
  ['localhost', { host: 'localhost' }],
  ['xn--bcher-kva.de', { host: 'xn--bcher-kva.de' }],
  ['bücher.de', { host: 'xn--bcher-kva.de' }],
  ['203.0.113.7', { host: '203.0.113.7' }],
  ['1.2.3', { host: '1.2.0.3' }],
  ['127.1', { host: '127.0.0.1' }],
  ['2130706433', { host: '127.0.0.1' }],
  ['0x7f000001', { host: '127.0.0.1' }],
  ['0177.0.0.1', { host: '127.0.0.1' }],
  ['::1', { host: '::1' }],
  ['[::1]', { host: '::1' }],
  ['2001:DB8::1', { host: '2001:db8::1' }],
  ['::ffff:192.0.2.1', { host: '192.0.2.1' }],
  ['api.example.com:8443', { host: 'api.example.com', port: 8443 }],
  ['203.0.113.7:22', { host: '203.0.113.7', port: 22 }],
  ['[2001:db8::1]:8443', { host: '2001:db8::1', port: 8443 }],
  ['https://api.example.com:8443/login', { host: 'api.example.com', port: 8443, url: 'https://api.example.com:8443/login' }],
  ['https://api.example.com', { host: 'api.example.com', port: 443, url: 'https://api.example.com/' }],
  ['http://203.0.113.7/health?x=1', { host: '203.0.113.7', port: 80, url: 'http://203.0.113.7/health?x=1' }],
  ['HTTPS://[2001:db8::1]/', { host: '2001:db8::1', port: 443, url: 'https://[2001:db8::1]/' }],
  ['wss://push.example.com/socket', { host: 'push.example.com', port: 443 }],
  ['tcp://db.internal:5432', { host: 'db.internal', port: 5432 }],
  ['', 'refused'],
  ['   ', 'refused'],
  ['ftp://files.example.com', 'refused'],
  ['user:secret@example.com', 'refused'],
  ['https://user@example.com/', 'refused'],
  ['api.example.com:', 'refused'],
  ['api.example.com:0', 'refused'],
  ['api.example.com:65536', 'refused'],
  ['api.example.com:https', 'refused'],
  ['-bad.example.com', 'refused'],
  ['bad-.example.com', 'refused'],
  ['a..b.example.com', 'refused'],
  ['with space.example.com', 'refused'],
  ['999.1.1.1', 'refused'],
  ['256.256.256.256', 'refused'],
  ['a:b:c', 'refused'],
  ['fe80::1%eth0', 'refused'],
  ['[::1', 'refused'],
  ['exa\u0000mple.com', 'refused'],
  [`${'a'.repeat(64)}.example.com`, 'refused'],
  [`${'abcdefghij.'.repeat(23)}com`, 'refused'],
];

/** True when the input is only a host (what the API's `host` field takes). */
const isBareHost = (input: string) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(input.trim()) && !/[/?#]/.test(input) && !/^[^:[\]]+:\d*$/.test(input.trim()) && !/\]:\d+$/.test(input.trim());

describe('the flow form and the probe API read addresses alike', () => {
  it('has at least 40 spellings', () => assert.ok(ROWS.length >= 40, `${ROWS.length} rows`));

  for (const [input, expected] of ROWS) {
    it(`${JSON.stringify(input)} → ${expected === 'refused' ? 'refused by both' : expected.host}`, () => {
      const form = validateServerAddress(input);
      if (expected === 'refused') {
        assert.equal(form.ok, false, 'the form accepts it');
        if (!form.ok) assert.ok(form.message.zh && form.message.en, 'the form says what is wrong in both languages');
        const api = parseProbeRequest({ type: 'tcp', host: input, port: 443 });
        assert.equal(api.ok, false, 'the API accepts it');
        if (!api.ok) assert.equal(api.error.field, 'host');
        return;
      }
      assert.ok(form.ok, `the form refuses it: ${form.ok ? '' : form.message.en}`);
      assert.equal(form.host, expected.host);
      assert.equal(form.port, expected.port);
      if (expected.url) assert.equal(form.url, expected.url);

      const tcp = parseProbeRequest({ type: 'tcp', host: form.host, port: form.port ?? 443 });
      assert.ok(tcp.ok, `the API refuses what the form built: ${tcp.ok ? '' : tcp.error.message}`);
      assert.equal(tcp.request.type === 'tcp' && tcp.request.host, expected.host);
      if (form.url) {
        const http = parseProbeRequest({ type: 'http', url: form.url });
        assert.ok(http.ok, `the API refuses the form's URL: ${http.ok ? '' : http.error.message}`);
      }
      if (isBareHost(input)) {
        const raw = parseProbeRequest({ type: 'tcp', host: input, port: 443 });
        assert.ok(raw.ok, `the API refuses the same host typed directly: ${raw.ok ? '' : raw.error.message}`);
        assert.equal(raw.request.type === 'tcp' && raw.request.host, expected.host);
      }
    });
  }
});
