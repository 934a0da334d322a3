import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { Article } from '@/lib/content';
import { listArticles, parseArticleSource } from '@/lib/content/server';
import { buildSearchIndex, flowRecords, parseSearchIndex, registeredFlows } from '@/lib/search/server';

const good = path.join(import.meta.dirname, '../fixtures/content/good');

test('every article gives one record and one per fix, each fix pointing at its article', () => {
  const index = parseSearchIndex(buildSearchIndex({ articles: listArticles(undefined, good) }));
  const zh = index.records.filter((record) => record.lang === 'zh' && record.slug === 'service-not-listening');
  assert.deepEqual(zh.map((record) => [record.kind, record.anchor]), [['article', undefined], ['fix', 'check-listening'], ['fix', 'start-service']]);
  const [article, check] = zh;
  assert.deepEqual(article.symptoms, ['一连就报错', '连接被拒绝', '重启后连不上']);
  assert.deepEqual(article.errors, ['ERR_CONNECTION_REFUSED']);
  assert.deepEqual(article.headings, ['确认监听', '启动服务', '为什么会这样'], 'fix titles and other headings');
  assert.equal(index.records[check.parent ?? -1], article);
  assert.equal(check.context, '服务没有监听');
  assert.deepEqual(check.commands, ["ss -ltn 'sport = :…'"], 'placeholders do not make every command match "host" or "port"');
});

test('the searched text keeps words and drops markup, links, JSX and placeholders; sample output keeps its first lines', () => {
  const source = `---
title: Refused
summary: S.
layer: transport
tags: [tcp]
symptoms: [a, b, c]
errors: []
flows: []
updated: 2026-11-22
---

<Fix id="check" title="Check">

**When this applies:** the client says [refused](/articles/x#y) at once.

<Tabs>
<Tab label="Linux">

\`\`\`bash
sudo ss -ltnp 'sport = :{{port}}'
\`\`\`

</Tab>
</Tabs>

\`\`\`text
curl: (7) Failed to connect
line 2
line 3
line 4
line 5
\`\`\`

### Check the bind address

- Use \`0.0.0.0\` instead. Then restart it on \`{{host}}\`.

</Fix>
`;
  const { frontmatter, structure } = parseArticleSource(source, 'content/en/service-not-listening.mdx');
  assert.ok(frontmatter && structure);
  const article: Article = { lang: 'en', slug: 'service-not-listening', file: 'x.mdx', frontmatter, ...structure };
  const [, fix] = buildSearchIndex({ articles: [article] }).records;
  assert.equal(fix.text, 'When this applies: the client says refused at once.\nUse 0.0.0.0 instead.\nThen restart it on ….\ncurl: (7) Failed to connect\nline 2\nline 3\nline 4');
  assert.deepEqual(fix.commands, ["sudo ss -ltnp 'sport = :…'"]);
  assert.deepEqual(fix.headings, ['Check the bind address']);
});

test('flows give a record per flow and per step that asks something, in both languages, without fix endings', () => {
  const records = flowRecords(
    [
      {
        id: 'tls-handshake',
        title: { zh: 'TLS 握手检查', en: 'TLS handshake check' },
        steps: [
          { id: 'target', meta: { kind: 'form', title: { zh: '客户连哪台服务器？', en: 'Which server?' }, fields: [{ label: { zh: '端口', en: 'Port' } }], commands: [{ platform: 'any', command: 'openssl s_client -connect {host}:{port}' }] } },
          { id: 'fix_clock-skew_sync-time', meta: { kind: 'fix', title: { zh: '同步时间', en: 'Sync the time' } } },
          { id: 'noMeta' },
        ],
      },
    ],
    10,
  );
  assert.deepEqual(records.map((record) => `${record.lang} ${record.kind} ${record.anchor ?? ''}`), ['zh flow ', 'zh step target', 'en flow ', 'en step target']);
  const step = records[3];
  assert.equal(step.parent, 12);
  assert.equal(step.text, 'Port');
  assert.deepEqual(step.commands, ['openssl s_client -connect {host}:{port}']);
  assert.deepEqual(records[2].headings, ['Which server?']);
});

test('the registered flows are indexed with their steps', () => {
  const flows = registeredFlows();
  assert.deepEqual(flows.map((flow) => flow.id).sort(), ['client-config', 'five-layer', 'five-whys', 'incident-response', 'tls-handshake']);
  assert.ok(flows.every((flow) => flow.steps.length > 1 && flow.title.zh && flow.title.en));
});

test('an index with a broken parent pointer is refused, naming the record', () => {
  assert.throws(
    () => parseSearchIndex({ version: 1, records: [{ kind: 'fix', lang: 'en', slug: 'x', anchor: 'y', title: 'T', parent: 5 }] }, 'public/search-index.json'),
    /public\/search-index\.json: records\.0\.parent: points at record 5, which does not exist/,
  );
});
