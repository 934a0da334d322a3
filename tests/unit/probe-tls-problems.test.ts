import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PROBE_CODES } from '../../lib/probes/contract/codes';
import { rankTlsProblems, TLS_PROBLEM_ORDER } from '../../lib/probes/tls/problems';

describe('TLS problem order', () => {
  it('names every TLS code but TLS_OK, once', () => {
    assert.deepEqual([...TLS_PROBLEM_ORDER].sort(), PROBE_CODES.tls.filter((code) => code !== 'TLS_OK').sort());
  });

  it('puts trust before the host name, and the host name before the dates', () => {
    assert.deepEqual(rankTlsProblems(['TLS_CERT_EXPIRED', 'TLS_HOSTNAME_MISMATCH', 'TLS_SELF_SIGNED']), [
      'TLS_SELF_SIGNED',
      'TLS_HOSTNAME_MISMATCH',
      'TLS_CERT_EXPIRED',
    ]);
    assert.deepEqual(rankTlsProblems(['TLS_CERT_NOT_YET_VALID', 'TLS_UNTRUSTED_ROOT']), ['TLS_UNTRUSTED_ROOT', 'TLS_CERT_NOT_YET_VALID']);
    assert.deepEqual(rankTlsProblems(['TLS_CERT_EXPIRED', 'TLS_INCOMPLETE_CHAIN']), ['TLS_INCOMPLETE_CHAIN', 'TLS_CERT_EXPIRED']);
  });

  it('puts a failed handshake before anything about the certificate', () => {
    assert.deepEqual(rankTlsProblems(['TLS_CERT_EXPIRED', 'TLS_SELF_SIGNED', 'TLS_PROTOCOL_MISMATCH']), [
      'TLS_PROTOCOL_MISMATCH',
      'TLS_SELF_SIGNED',
      'TLS_CERT_EXPIRED',
    ]);
  });

  it('drops repeats and keeps an empty list empty', () => {
    assert.deepEqual(rankTlsProblems(['TLS_CERT_EXPIRED', 'TLS_UNTRUSTED_ROOT', 'TLS_CERT_EXPIRED']), ['TLS_UNTRUSTED_ROOT', 'TLS_CERT_EXPIRED']);
    assert.deepEqual(rankTlsProblems([]), []);
  });
});
