import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ProbeFailureError, requestProbe, toProbeFailure } from '../../lib/flows/runtime/probe-client';
import { sampleResult } from '../fixtures/flows/model';

const request = { type: 'tcp', host: 'api.example.com', port: 443 } as const;
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  (async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })) as typeof fetch;

async function failureOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => assert.fail('expected a failure'),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof ProbeFailureError);
  return toProbeFailure(error);
}

describe('probe client', () => {
  test('posts the request and returns the validated result', async () => {
    let sent: unknown;
    const result = sampleResult('tcp', 'TCP_OPEN');
    const fetchStub = (async (url: string, init: RequestInit) => {
      sent = { url, method: init.method, body: JSON.parse(String(init.body)) };
      return new Response(JSON.stringify(result));
    }) as typeof fetch;
    assert.deepEqual(await requestProbe(request, { fetch: fetchStub }), result);
    assert.deepEqual(sent, { url: '/api/probe', method: 'POST', body: request });
  });

  test('an API refusal becomes an http failure with status, code and message', async () => {
    const forbidden = json(403, { error: { code: 'TARGET_FORBIDDEN', message: '10.0.0.5 is in a range probes may not reach (private)' } });
    assert.deepEqual(await failureOf(requestProbe(request, { fetch: forbidden })), {
      kind: 'http',
      status: 403,
      code: 'TARGET_FORBIDDEN',
      message: '10.0.0.5 is in a range probes may not reach (private)',
    });
    const limited = json(429, { error: { code: 'RATE_LIMITED', message: 'too many probes; retry in 12 s' } }, { 'retry-after': '12' });
    assert.match((await failureOf(requestProbe(request, { fetch: limited }))).message, /Retry-After: 12 s/);
    const broken = (async () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })) as typeof fetch;
    assert.deepEqual(await failureOf(requestProbe(request, { fetch: broken })), { kind: 'http', status: 502, message: 'Bad Gateway' });
  });

  test('network errors, unreadable answers and timeouts are failures too', async () => {
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    assert.deepEqual(await failureOf(requestProbe(request, { fetch: offline })), { kind: 'network', message: 'Failed to fetch' });
    assert.equal((await failureOf(requestProbe(request, { fetch: json(200, { ok: true }) }))).kind, 'invalid-response');
    const silent = ((_: string, init: RequestInit) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof fetch;
    assert.deepEqual(await failureOf(requestProbe(request, { fetch: silent, timeoutMs: 20 })), {
      kind: 'timeout',
      message: 'no answer from the probe API within 0.02 s',
    });
  });

  test('staff cancelling aborts the request', async () => {
    let aborted = false;
    const silent = ((_: string, init: RequestInit) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => {
          aborted = true;
          reject(new DOMException('aborted', 'AbortError'));
        }),
      )) as typeof fetch;
    const controller = new AbortController();
    const pending = requestProbe(request, { fetch: silent, signal: controller.signal });
    controller.abort();
    assert.equal((await failureOf(pending)).kind, 'cancelled');
    assert.ok(aborted);
  });
});
