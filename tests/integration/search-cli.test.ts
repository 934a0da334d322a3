import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';

const script = path.join(import.meta.dirname, '../../scripts/search-cli.ts');

/** Runs `npm run -s search -- …` the way package.json does. */
function search(args: string[], input?: string): string {
  return execFileSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', script, ...args], { encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] });
}

test('the search CLI answers from the index with slug, anchor, title, kind and score', () => {
  const results = JSON.parse(search(['--lang', 'en', '--json', '--limit', '3', 'ECONNREFUSED'])) as Array<{ slug: string; kind: string; url: string }>;
  assert.equal(results.length, 3);
  assert.equal(results[0].slug, 'service-not-listening');
  assert.match(results[0].url, /^\/en\/articles\/service-not-listening/);
});

test('a pasted error on standard input is reduced to its signature', () => {
  const paste = 'Exception in thread "main" javax.net.ssl.SSLHandshakeException: PKIX path building failed\n\tat com.acme.Main.main(Main.java:42)';
  const lines = search(['--lang', 'zh', '-'], paste).split('\n');
  assert.equal(lines[0], 'Recognised: SSLHandshakeException · "SSLHandshakeException: PKIX path building failed"');
  assert.match(lines[1], /^ 1\. \w+ +[\d.]+ {2}tls-untrusted-chain/);
});

test('a bad argument exits 2 with the usage', () => {
  assert.throws(() => search(['--lang', 'fr', 'x']), (error: { status: number; stderr: string }) => {
    assert.equal(error.status, 2);
    assert.match(error.stderr, /--lang must be zh or en, not "fr"\nusage: npm run -s search/);
    return true;
  });
});
