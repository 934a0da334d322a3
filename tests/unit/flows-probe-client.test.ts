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

  test('a busy API (503 with Retry-After) is asked again after the wait it names, and each wait is announced', async () => {
    const result = sampleResult('tcp', 'TCP_OPEN');
    const answers = [
      () => new Response(JSON.stringify({ error: { code: 'BUSY', message: 'busy' } }), { status: 503, headers: { 'retry-after': '2' } }),
      () => new Response(JSON.stringify({ error: { code: 'BUSY', message: 'busy' } }), { status: 503, headers: { 'retry-after': '1' } }),
      () => new Response(JSON.stringify(result)),
    ];
    const fetchStub = (async () => answers.shift()!()) as typeof fetch;
    const waits: number[] = [];
    const told: Array<{ attempt: number; attempts: number }> = [];
    const probed = await requestProbe(request, {
      fetch: fetchStub,
      sleep: async (ms) => void waits.push(ms),
      onBusy: ({ attempt, attempts }) => told.push({ attempt, attempts }),
    });
    assert.deepEqual(probed, result);
    assert.deepEqual(waits, [2000, 1000]);
    assert.deepEqual(told, [{ attempt: 2, attempts: 4 }, { attempt: 3, attempts: 4 }]);
  });

  test('a busy API that stays busy fails after the last try; a long Retry-After fails at once', async () => {
    let calls = 0;
    const alwaysBusy = (async () => {
      calls += 1;
      return new Response(JSON.stringify({ error: { code: 'BUSY', message: 'too many probes running' } }), { status: 503, headers: { 'retry-after': '1' } });
    }) as typeof fetch;
    const failure = await failureOf(requestProbe(request, { fetch: alwaysBusy, sleep: async () => {} }));
    assert.equal(calls, 4);
    assert.equal(failure.code, 'BUSY');
    calls = 0;
    const longWait = (async () => {
      calls += 1;
      return new Response(JSON.stringify({ error: { code: 'BUSY', message: 'busy' } }), { status: 503, headers: { 'retry-after': '60' } });
    }) as typeof fetch;
    assert.equal((await failureOf(requestProbe(request, { fetch: longWait, sleep: async () => {} }))).status, 503);
    assert.equal(calls, 1);
  });
});
