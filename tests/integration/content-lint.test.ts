import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { PLACEHOLDER_NAMES } from '@/lib/content';
import { lintContent } from '@/lib/content/server';

const fixtures = path.join(import.meta.dirname, '../fixtures/content');
const script = path.join(import.meta.dirname, '../../scripts/lint-content.ts');

/** Runs `npm run lint:content` the way package.json does; returns its exit status and output. */
function runLint(...args: string[]): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', script, ...args], { encoding: 'utf8', stdio: 'pipe' });
    return { status: 0, stdout, stderr: '' };
  } catch (error) {
    const failure = error as { status: number; stdout: string; stderr: string };
    return { status: failure.status, stdout: failure.stdout, stderr: failure.stderr };
  }
}

test('good content passes the lint', () => {
  assert.deepEqual(lintContent(path.join(fixtures, 'good')), []);
});

test('broken content fails the lint, each problem with file and line', () => {
  const problems = lintContent(path.join(fixtures, 'broken'));
  const text = problems.map((p) => `${path.basename(path.dirname(p.file))}/${path.basename(p.file)}:${p.line}: ${p.message}`);
  const expect = (pattern: RegExp) => assert.ok(text.some((line) => pattern.test(line)), `expected ${pattern} in:\n${text.join('\n')}`);
  expect(/^en\/my-own-slug\.mdx:4: frontmatter field `layer`/);
  expect(/^en\/my-own-slug\.mdx:1: slug "my-own-slug" is not in the article table/);
  expect(/^zh\/service-not-listening\.mdx:12: do not write a # title/);
  expect(/^en\/service-not-listening\.mdx:14: link "\/articles\/no-such-article": no article "no-such-article" in en/);
  expect(/^en\/service-not-listening\.mdx:14: anchor "#no-such-anchor" does not exist/);
  expect(/^en\/service-not-listening\.mdx:14: link "\/flows\/no-such-flow": no flow/);
  expect(/^en\/service-not-listening\.mdx:18: fix id "Extra_Fix" must be kebab-case/);
  expect(/^en\/service-not-listening\.mdx:18: fix "Extra_Fix" has no counterpart in .*zh\/service-not-listening\.mdx/);
  expect(/^en\/my-own-slug\.mdx:9: frontmatter field `updated`/);
  expect(/^en\/my-own-slug\.mdx:12: the MDX does not parse: Expected a closing tag for `<Fix>`/);
  assert.equal(problems.length, 11, text.join('\n'));
});

test('every fix says its audience; a customer fix links nowhere the customer cannot see and leaves no unexplained placeholder', () => {
  const problems = lintContent(path.join(fixtures, 'customer'));
  const text = problems.map((p) => `${path.basename(path.dirname(p.file))}/${path.basename(p.file)}:${p.line}: ${p.message}`);
  assert.deepEqual(text, [
    'en/service-not-listening.mdx:23: customer fix "start-service" leaves "<server-name>" in its text: write it as a placeholder such as {{host}}, which the page explains',
    'en/service-not-listening.mdx:25: customer fix "start-service" links to "#check-listening", which the customer cannot see (the link page shows only this fix): say it in the fix, or mark the fix audience="staff"',
    'en/service-not-listening.mdx:27: customer fix "start-service" hard-codes "api.example.com" in a command: write {{host}}, or a placeholder with it as the example',
    `en/service-not-listening.mdx:27: placeholder "{{colour}}" is unknown: use one of ${PLACEHOLDER_NAMES.join(', ')}, or add it with its label and explanation to lib/i18n/messages/placeholders.ts`,
    'en/service-not-listening.mdx:33: fix "restart-client" needs audience="customer" (written for the person at the client) or audience="staff" (internal)',
    'zh/service-not-listening.mdx:27: customer fix "start-service" leaves "YOUR_NAME" in a command: write it as a placeholder such as {{host}} or {{service:myapp}}, which the page explains',
  ]);
});

test('the lint command exits non-zero and prints file:line for broken content', () => {
  const { status, stderr } = runLint(path.join(fixtures, 'broken'));
  assert.equal(status, 1);
  assert.match(stderr, /my-own-slug\.mdx:4: frontmatter field `layer`/);
  assert.match(stderr, /content lint: 11 problem\(s\)/);
});

test('the lint command passes the real content, flow endings included', () => {
  const { status, stdout } = runLint();
  assert.equal(status, 0);
  assert.match(stdout, /content lint: ok/);
});

test('a fix that a flow ends at must exist in every language', () => {
  const copy = mkdtempSync(path.join(tmpdir(), 'fixpath-content-'));
  try {
    cpSync(path.join(import.meta.dirname, '../../content'), copy, { recursive: true });
    // Rename a fix the five-layer flow ends at, and every link to it, so only the flow still names the old id.
    for (const lang of ['zh', 'en']) {
      for (const name of readdirSync(path.join(copy, lang))) {
        const file = path.join(copy, lang, name);
        writeFileSync(file, readFileSync(file, 'utf8').replaceAll('#check-listening', '#check-listening-renamed').replaceAll('id="check-listening"', 'id="check-listening-renamed"'));
      }
    }
    const { status, stderr } = runLint(copy, '--flows');
    assert.equal(status, 1);
    assert.match(stderr, /service-not-listening\.mdx:1: no <Fix id="check-listening">, needed by flow five-layer, state [\w-]+ \(ending\)/);
    assert.match(stderr, /zh\/service-not-listening\.mdx:1: no <Fix id="check-listening">/, 'every language is checked');
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
