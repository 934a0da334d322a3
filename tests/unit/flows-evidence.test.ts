import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildCaseNotes, evidenceFacts, replayPath, type PathStep } from '../../lib/flows';
import { fixInfoFor } from '../../lib/flows/server';
import { FLOWS, type Evidence } from '../../machines';
import { sampleResult } from '../fixtures/flows/model';

/** A TLS result as the probe writes it when the certificate has several problems. */
function tlsResult(codes: Array<'TLS_SELF_SIGNED' | 'TLS_HOSTNAME_MISMATCH' | 'TLS_CERT_EXPIRED'>) {
  const result = sampleResult('tls', codes[0]);
  result.details = { ...result.details, problems: codes.map((code) => ({ code, summary: `sample ${code}` })) };
  return result;
}

const evidence = (result: ReturnType<typeof tlsResult>): Evidence => ({ request: { type: 'tls', host: 'api.example.com', port: 443 }, result }) as Evidence;

describe('what will still be wrong after the first fix', () => {
  test('the problems after the first, in both languages', () => {
    const entry = evidence(tlsResult(['TLS_SELF_SIGNED', 'TLS_HOSTNAME_MISMATCH', 'TLS_CERT_EXPIRED']));
    const en = evidenceFacts(entry, 'en').find((fact) => fact.key === 'remaining');
    assert.equal(en?.value, "The names on the certificate do not match the host name used. The server's certificate has expired.");
    const zh = evidenceFacts(entry, 'zh').find((fact) => fact.key === 'remaining');
    assert.equal(zh?.value, '证书上的名称与访问的主机名不一致。服务器证书已过期。');
  });

  test('nothing when there is only one problem', () => {
    const facts = evidenceFacts(evidence(tlsResult(['TLS_CERT_EXPIRED'])), 'en');
    assert.equal(facts.some((fact) => fact.key === 'remaining'), false);
  });

  test('the case notes of the TLS flow carry it under the ending', () => {
    const flow = FLOWS['tls-handshake'];
    const steps: PathStep[] = [
      { kind: 'submit', state: 'target', action: 'start', values: { host: 'api.example.com', port: '443' } },
      { kind: 'probe', state: 'tlsProbe', result: tlsResult(['TLS_HOSTNAME_MISMATCH', 'TLS_CERT_EXPIRED']) },
    ];
    const replay = replayPath(flow.machine, steps);
    const en = buildCaseNotes({ flow, replay, lang: 'en', origin: 'https://fixpath.example.com', flowQuery: '', fixes: fixInfoFor('tls-handshake', 'en') });
    assert.match(en, /Still wrong after the first fix: The server's certificate has expired\./);
    const zh = buildCaseNotes({ flow, replay, lang: 'zh', origin: 'https://fixpath.example.com', flowQuery: '', fixes: fixInfoFor('tls-handshake', 'zh') });
    assert.match(zh, /修好第一个问题后仍会存在：服务器证书已过期。/);
  });
});
