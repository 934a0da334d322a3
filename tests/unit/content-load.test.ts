import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { fillPlaceholders, fixLinkPath, maskPlaceholders, parseFixLink, placeholdersIn, splitPlaceholders } from '@/lib/content';
import { ContentError, listArticles, relatedArticles, scanContent } from '@/lib/content/server';

const fixtures = path.join(import.meta.dirname, '../fixtures/content');
const good = path.join(fixtures, 'good');
const broken = path.join(fixtures, 'broken');

test('loads articles with validated frontmatter, fixes, headings, links and code', () => {
  const articles = listArticles(undefined, good);
  assert.equal(articles.length, 4);
  assert.deepEqual(listArticles('zh', good).map((a) => a.slug), ['connection-triage', 'service-not-listening']);
  const zh = articles.find((a) => a.lang === 'zh' && a.slug === 'service-not-listening');
  assert.ok(zh);
  assert.equal(zh.frontmatter.layer, 'transport');
  assert.equal(zh.frontmatter.updated, '2026-11-22');
  assert.deepEqual(zh.fixes.map((f) => [f.id, f.title, f.audience]), [['check-listening', '确认监听', 'staff'], ['start-service', '启动服务', 'staff']]);
  assert.equal(zh.file, path.relative(process.cwd(), path.join(good, 'zh/service-not-listening.mdx')));
  assert.equal(zh.fixes[0].line, 21, 'fix line numbers point into the file');
  assert.deepEqual(zh.headings.map((h) => [h.id, h.line]), [['为什么会这样', 17]]);
  assert.deepEqual(zh.codeBlocks.map((c) => [c.lang, c.line]), [['bash', 25]]);
  assert.deepEqual(zh.links.map((l) => [l.href, l.line]), [['/articles/connection-triage#ask-the-customer', 19], ['#check-listening', 33]]);
  assert.deepEqual(zh.fixes[1].links, [{ href: '#check-listening', line: 33 }], 'a fix knows the links inside it');
  assert.deepEqual(relatedArticles(zh, good).map((a) => a.slug), ['connection-triage']);
});

test("a fix's summary is its summary attribute, else its first paragraph with placeholders kept", () => {
  const en = listArticles('en', good).find((a) => a.slug === 'service-not-listening');
  const zh = listArticles('zh', good).find((a) => a.slug === 'service-not-listening');
  assert.equal(en?.fixes[0].summary, 'See which address and port the service listens on.');
  assert.equal(zh?.fixes[0].summary, '在服务器上看 {{port}} 端口由谁监听。');
  assert.equal(zh?.fixes[1].summary, '跳回上一节。', 'link text stays, the link goes');
  assert.deepEqual(zh?.intro.sentences, ['没有进程监听，内核就回复 RST。', '参见排查。']);
  assert.deepEqual(zh?.intro.headings, ['为什么会这样']);
  assert.deepEqual(zh?.fixes[0].text.code.map((c) => c.code), ["ss -ltn 'sport = :{{port}}'"]);
});

test('a broken file stops loading with the file, line and field named', () => {
  assert.throws(
    () => listArticles(undefined, broken),
    (error: unknown) => {
      assert.ok(error instanceof ContentError);
      assert.match(error.message, /content\/broken\/en\/my-own-slug\.mdx:4: frontmatter field `layer`/);
      assert.match(error.message, /my-own-slug\.mdx:6: frontmatter field `symptoms`: .*at least 3/);
      assert.match(error.message, /my-own-slug\.mdx:9: frontmatter field `updated`: must be an ISO date/);
      assert.match(error.message, /my-own-slug\.mdx:12: the MDX does not parse: Expected a closing tag for `<Fix>`/);
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
  assert.equal(maskPlaceholders('nc -vz {{host}} {{port:5432}}'), 'nc -vz … …');
});

test('named placeholders show their example; a page can tell the customer\'s values from examples to replace', () => {
  assert.equal(fillPlaceholders('systemctl restart {{service:myapp}}'), 'systemctl restart myapp');
  assert.equal(fillPlaceholders('curl -x http://{{proxy-host}}:{{proxy-port:3128}} https://{{host}}/', { host: 'api.example.com' }), 'curl -x http://<proxy-host>:3128 https://api.example.com/');
  assert.deepEqual(splitPlaceholders('Test-NetConnection {{host}} -Port {{port:8443}} # {{service:myapp}}', { host: 'api.example.com' }), [
    'Test-NetConnection ',
    { name: 'host', text: 'api.example.com', filled: true },
    ' -Port ',
    { name: 'port', text: '8443', filled: false },
    ' # ',
    { name: 'service', text: 'myapp', filled: false },
  ]);
  assert.deepEqual(splitPlaceholders('no placeholders'), ['no placeholders']);
  assert.deepEqual(placeholdersIn('{{host}} {{port}} {{host}} {{nonsense:x}}'), ['host', 'port', 'nonsense']);
  // Go and Docker templates are not placeholders.
  assert.equal(fillPlaceholders("docker ps --format '{{.Names}}'"), "docker ps --format '{{.Names}}'");
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

test('fix links read hosts with the one address model: what a flow form accepts, a link accepts', () => {
  assert.deepEqual(parseFixLink({ host: 'my_host.corp' }).values, { host: 'my_host.corp' });
  assert.deepEqual(parseFixLink({ host: '2130706433' }).values, { host: '127.0.0.1' });
  assert.deepEqual(parseFixLink({ host: 'Server.Example.COM.' }).values, { host: 'server.example.com' });
  assert.deepEqual(parseFixLink({ host: 'api.example.com:8443' }).ignored, [{ field: 'host', value: 'api.example.com:8443' }], 'a port belongs in port=');
});
