import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLookupGuard, LookupBusyError } from '../../lib/probes/dns/lookup-guard';

const failed = (code: string) => async () => ({ error: code });
const failure = (answer: { error?: string }) => answer.error;

describe('lookup guard: negative cache bounds and per-caller release', () => {
  it('keeps at most maxEntries negative answers, dropping the oldest, and forgets them after the TTL', async () => {
    let clock = 1_000_000;
    const guard = createLookupGuard({ maxPerCaller: 4, ttlMs: 5000, maxEntries: 2, now: () => clock });
    const job = (name: string) => ({ resolver: 'system', name, budgetMs: 1000 });
    for (const name of ['a', 'b', 'c']) await guard.run(job(name), failed('ENOTFOUND'), failure);
    assert.ok('fresh' in (await guard.run(job('a'), failed('ENOTFOUND'), failure)), 'the oldest was dropped');
    assert.ok('cached' in (await guard.run(job('c'), failed('ENOTFOUND'), failure)));
    clock += 5000;
    assert.ok('fresh' in (await guard.run(job('c'), failed('ENOTFOUND'), failure)), 'expired');
    // A refused connection is not remembered: nothing was waited for.
    await guard.run(job('d'), failed('ECONNREFUSED'), failure);
    assert.ok('fresh' in (await guard.run(job('d'), failed('ECONNREFUSED'), failure)));
  });

  it('gives a caller its places back when a lookup ends, also when it throws', async () => {
    const guard = createLookupGuard({ maxPerCaller: 1, ttlMs: 0 });
    const job = { caller: 'user:li', resolver: 'system', name: 'x', budgetMs: 1000 };
    let finish = () => {};
    const first = guard.run(job, () => new Promise<{ error?: string }>((resolve) => (finish = () => resolve({}))), failure);
    await assert.rejects(guard.run({ ...job, name: 'y' }, failed('ENOTFOUND'), failure), LookupBusyError);
    finish();
    await first;
    await assert.rejects(guard.run(job, () => Promise.reject(new Error('bug')), failure), /bug/);
    assert.ok('fresh' in (await guard.run(job, failed('ENOTFOUND'), failure)));
  });
});
