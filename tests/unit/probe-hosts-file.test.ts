import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHostsFile } from '../../lib/probes/dns/hosts-file';

describe('hosts file', () => {
  it('maps every name and alias on a line to its addresses, IPv4 and IPv6, ignoring comments and case', () => {
    const table = parseHostsFile(['127.0.0.1\tlocalhost', '::1 localhost ip6-localhost # loopback', '# 10.0.0.1 commented.example', '', '192.0.2.7  App.Internal.  app'].join('\n'));
    assert.deepEqual(table.get('localhost'), ['127.0.0.1', '::1']);
    assert.deepEqual(table.get('ip6-localhost'), ['::1']);
    assert.deepEqual(table.get('app.internal'), ['192.0.2.7']);
    assert.deepEqual(table.get('app'), ['192.0.2.7']);
    assert.equal(table.get('commented.example'), undefined);
  });

  it('skips lines with an address and no name', () => {
    assert.equal(parseHostsFile('192.0.2.1\n').size, 0);
  });
});
