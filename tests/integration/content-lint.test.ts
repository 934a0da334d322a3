import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { lintContent } from '../../lib/content/lint';

const fixtures = path.join(import.meta.dirname, '../fixtures/content');

test('good content passes the lint', () => {
  assert.deepEqual(lintContent(path.join(fixtures, 'good')), []);
});

test('broken content fails the lint, each problem with file and line', () => {
  const problems = lintContent(path.join(fixtures, 'broken'));
  const text = problems.map((p) => `${path.basename(path.dirname(p.file))}/${path.basename(p.file)}:${p.line}: ${p.message}`);
  const expect = (pattern: RegExp) => assert.ok(text.some((line) => pattern.test(line)), `expected ${pattern} in:\n${text.join('\n')}`);
  expect(/^en\/my-own-slug\.mdx:4: frontmatter field `layer`/);
  expect(/^en\/my-own-slug\.mdx:1: slug "my-own-slug" is not in DESIGN.md's article table/);
  expect(/^zh\/service-not-listening\.mdx:12: do not write a # title/);
  expect(/^en\/service-not-listening\.mdx:14: link "\/articles\/no-such-article": no article "no-such-article" in en/);
  expect(/^en\/service-not-listening\.mdx:14: anchor "#no-such-anchor" does not exist/);
  expect(/^en\/service-not-listening\.mdx:14: link "\/flows\/no-such-flow": no flow/);
  expect(/^en\/service-not-listening\.mdx:18: fix id "Extra_Fix" must be kebab-case/);
  expect(/^en\/service-not-listening\.mdx:18: fix "Extra_Fix" has no counterpart in .*zh\/service-not-listening\.mdx/);
  expect(/^en\/my-own-slug\.mdx:9: frontmatter field `updated`/);
  expect(/^en\/my-own-slug\.mdx:12: <Fix id="never-closed"> is never closed/);
});

test('a fix that a flow points to must exist in every language', () => {
  const problems = lintContent(path.join(fixtures, 'good'), [
    { from: 'flow five-layer, state refused', slug: 'service-not-listening', fixId: 'check-listening' },
    { from: 'flow five-layer, state gone', slug: 'service-not-listening', fixId: 'no-such-fix' },
  ]);
  assert.equal(problems.length, 2);
  assert.ok(problems.every((p) => p.message === 'no <Fix id="no-such-fix">, needed by flow five-layer, state gone'));
});

test('the lint command exits non-zero and prints file:line for broken content', () => {
  const script = path.join(import.meta.dirname, '../../scripts/lint-content.ts');
  let output = '';
  let status = 0;
  try {
    execFileSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', script, path.join(fixtures, 'broken')], { encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const failure = error as { status: number; stderr: string };
    status = failure.status;
    output = failure.stderr;
  }
  assert.equal(status, 1);
  assert.match(output, /my-own-slug\.mdx:4: frontmatter field `layer`/);
});
