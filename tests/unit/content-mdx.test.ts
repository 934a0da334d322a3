import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseArticleSource } from '@/lib/content/server';

/** A valid frontmatter block (10 lines), so bodies below start on line 11. */
const FRONTMATTER = `---
title: Service not listening
summary: With no process on the port, the connection is refused at once.
layer: transport
tags: [tcp]
symptoms: [a, b, c]
errors: []
flows: [five-layer]
updated: 2026-11-22
---
`;

const parse = (body: string) => parseArticleSource(FRONTMATTER + body, 'content/en/service-not-listening.mdx');
const messages = (body: string) => parse(body).problems.map((p) => `${p.line}: ${p.message}`);

test('one pass yields the fixes with their attributes, summary, text, links and line', () => {
  const { frontmatter, structure, problems } = parse(`
Intro with [a link](/articles/clock-skew#sync-time).

<Fix id="check-listening" title="Check what listens" audience="customer">

**When this applies:** the client says \`Connection refused\` at once. Then [see](#start-service) this.

| Platform | Command |
| -------- | ------- |
| Linux    | \`ss -ltn\` |

<Tabs>
<Tab label="Linux">

\`\`\`bash
sudo ss -ltnp 'sport = :{{port}}'
\`\`\`

</Tab>
</Tabs>

### Check the bind address

</Fix>
`);
  assert.deepEqual(problems, []);
  assert.equal(frontmatter?.title, 'Service not listening');
  const [fix] = structure?.fixes ?? [];
  assert.equal(fix.id, 'check-listening');
  assert.equal(fix.title, 'Check what listens');
  assert.equal(fix.audience, 'customer');
  assert.equal(fix.line, 14);
  assert.equal(fix.summary, 'When this applies: the client says Connection refused at once. Then see this.');
  assert.deepEqual(fix.text.sentences, ['When this applies: the client says Connection refused at once.', 'Then see this.', 'Platform Command', 'Linux ss -ltn']);
  assert.deepEqual(fix.text.headings, ['Check the bind address']);
  assert.deepEqual(fix.text.code, [{ lang: 'bash', code: "sudo ss -ltnp 'sport = :{{port}}'", line: 25 }]);
  assert.deepEqual(fix.links, [{ href: '#start-service', line: 16 }]);
  assert.deepEqual(structure?.links.map((l) => l.line), [12, 16], 'the article keeps every link, fixes included');
  assert.deepEqual(structure?.intro.sentences, ['Intro with a link.']);
  assert.deepEqual(structure?.headings, [{ depth: 3, text: 'Check the bind address', id: 'check-the-bind-address', line: 32 }]);
});

test('heading ids are GitHub slugs of the text, numbered when repeated, as the page renders them', () => {
  const { structure } = parse(`
## Why this happens

## Why \`this\` *happens*

## 为什么会这样
`);
  assert.deepEqual(structure?.headings.map((h) => h.id), ['why-this-happens', 'why-this-happens-1', '为什么会这样']);
});

test('a summary attribute wins over the first paragraph', () => {
  const { structure } = parse(`
<Fix id="sync-time" title="Sync the time" summary="Turn automatic time on, then check the offset.">

A long first paragraph.

</Fix>
`);
  assert.equal(structure?.fixes[0].summary, 'Turn automatic time on, then check the offset.');
});

test('<Fix> mistakes are named with their line', () => {
  assert.deepEqual(
    messages(`
<Fix id="a" title="A" audience="everyone" sumary="typo">

text

<Fix id="b" title="B">

inner

</Fix>

</Fix>

Inline <Fix id="c" title="C" /> here.

<Fix id={'d'} title="D">

text

</Fix>
`),
    [
      '12: <Fix> has no attribute "sumary" (it takes id, title, audience and summary)',
      '12: <Fix> audience must be "customer" or "staff", not "everyone"',
      '16: <Fix id="b"> opens inside <Fix id="a">',
      '24: <Fix …> must stand on its own line, with a blank line after it',
      '26: <Fix> attribute id must be a string in quotes, e.g. id="…"',
    ],
  );
});

test('markdown mistakes are named with their line: a # title, a fence never closed', () => {
  assert.deepEqual(messages('\n# Title\n\n```bash\nls\n'), ['12: do not write a # title: the page renders the frontmatter title', '14: code fence is never closed']);
});

test('MDX that does not parse is reported at its line, and the frontmatter is still checked', () => {
  const result = parseArticleSource('---\ntitle: x\n---\n\n<Fix id="a" title="A">\n\ntext\n\n</Fox>\n', 'x.mdx');
  assert.equal(result.structure, undefined);
  assert.deepEqual(
    result.problems.map((p) => `${p.line}: ${p.message.split(':')[0]}`),
    ['9: the MDX does not parse', ...['summary', 'layer', 'tags', 'symptoms', 'errors', 'flows', 'updated'].map((field) => `1: frontmatter field \`${field}\``)],
  );
  assert.ok(result.problems.some((p) => p.line === 9 && /Unexpected closing tag `<\/Fox>`/.test(p.message)));
});

test('frontmatter problems point at the key, or at the list item', () => {
  const source = FRONTMATTER.replace('layer: transport', 'layer: session').replace('symptoms: [a, b, c]', 'symptoms:\n  - a\n  - ""\n  - c').replace('updated: 2026-11-22', 'updated: 2026-11-22\ncolour: blue');
  assert.deepEqual(
    parseArticleSource(`${source}\n<Fix id="a" title="A">\n\ntext\n\n</Fix>\n`).problems.map((p) => `${p.line}: ${p.message.split(':')[0]}`),
    ['4: frontmatter field `layer`', '8: frontmatter field `symptoms.1`', '13: frontmatter field `colour`'],
  );
  assert.deepEqual(parseArticleSource('---\ntitle: [unclosed\n---\n').problems.map((p) => p.message.split(':')[0]), ['frontmatter is not valid YAML']);
  assert.deepEqual(parseArticleSource('Just text.\n').problems.map((p) => `${p.line}: ${p.message}`), ['1: missing frontmatter: the file must start with a --- YAML block ---']);
});
