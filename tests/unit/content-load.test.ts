import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ContentError } from '../../lib/content/frontmatter';
import { loadArticles, relatedArticles, scanContent } from '../../lib/content/load';
import { fillPlaceholders } from '../../lib/content/placeholders';
import { parseFixLink } from '../../lib/content/fix-link';
import { fixLinkPath } from '../../lib/content/fix-link-path';

const fixtures = path.join(import.meta.dirname, '../fixtures/content');
const good = path.join(fixtures, 'good');
const broken = path.join(fixtures, 'broken');

test('loads articles with validated frontmatter, fixes, headings and links', () => {
  const articles = loadArticles(good);
  assert.equal(articles.length, 4);
  const zh = articles.find((a) => a.lang === 'zh' && a.slug === 'service-not-listening');
  assert.ok(zh);
  assert.equal(zh.frontmatter.layer, 'transport');
  assert.equal(zh.frontmatter.updated, '2026-11-22');
  assert.deepEqual(zh.fixes.map((f) => [f.id, f.title]), [['check-listening', '确认监听'], ['start-service', '启动服务']]);
  assert.equal(zh.file, path.relative(process.cwd(), path.join(good, 'zh/service-not-listening.mdx')));
  assert.equal(zh.fixes[0].line, 21, 'fix line numbers point into the file');
  assert.deepEqual(zh.headings.map((h) => h.id), ['为什么会这样']);
  assert.deepEqual(zh.codeBlocks.map((c) => c.lang), ['bash']);
  assert.deepEqual(relatedArticles(zh, good).map((a) => a.slug), ['connection-triage']);
});

test('a broken file stops loading with the file, line and field named', () => {
  assert.throws(
    () => loadArticles(broken),
    (error: unknown) => {
      assert.ok(error instanceof ContentError);
      assert.match(error.message, /content\/broken\/en\/my-own-slug\.mdx:4: frontmatter field `layer`/);
      assert.match(error.message, /my-own-slug\.mdx:6: frontmatter field `symptoms`: .*at least 3/);
      assert.match(error.message, /my-own-slug\.mdx:9: frontmatter field `updated`: must be an ISO date/);
      return true;
    },
  );
});

test('scanning keeps going past a broken file and reports body problems with their line', () => {
  const { articles, problems } = scanContent(broken);
  assert.deepEqual(articles.map((a) => `${a.lang}/${a.slug}`).sort(), ['en/service-not-listening', 'zh/service-not-listening']);
  assert.ok(problems.some((p) => p.file.endsWith('zh/service-not-listening.mdx') && p.line === 12 && /# title/.test(p.message)));
});

test('placeholders take the customer values, a per-command default, or the global default', () => {
  assert.equal(fillPlaceholders('nc -vz {{host}} {{port}}'), 'nc -vz server.example.com 443');
  assert.equal(fillPlaceholders('psql -h {{host}} -p {{port:5432}}', { host: 'db.example.com' }), 'psql -h db.example.com -p 5432');
  assert.equal(fillPlaceholders('{{ host }}:{{port:5432}}', { host: '2001:db8::1', port: 6543 }), '2001:db8::1:6543');
});

test('fix links keep valid values and report invalid ones instead of rendering them', () => {
  assert.deepEqual(parseFixLink({ fix: 'check-listening', host: 'API.example.com', port: '8443' }), {
    fixId: 'check-listening',
    values: { host: 'api.example.com', port: 8443 },
    ignored: [],
  });
  const hostile = parseFixLink({ fix: '<x>', host: '<script>alert(1)</script>', port: '99999' });
  assert.equal(hostile.fixId, undefined);
  assert.deepEqual(hostile.values, {});
  assert.deepEqual(hostile.ignored.map((i) => i.field), ['host', 'port']);
  assert.deepEqual(parseFixLink({ host: '[2001:db8::1]', port: '0' }).values, { host: '2001:db8::1' });
  assert.equal(fixLinkPath('en', 'clock-skew', 'sync-time', { host: 'a.example.com', port: 443 }), '/en/fix/clock-skew?fix=sync-time&host=a.example.com&port=443');
});
