import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SEARCH_INDEX_VERSION, type SearchRecord } from '@/lib/search';
import { createSearchEngine } from '@/lib/search/server';

/** A small index: one article per language with two fixes each, a look-alike article, and a flow with a step. */
function records(): SearchRecord[] {
  return [
    { kind: 'article', lang: 'zh', slug: 'tls-certificate-expired', title: '证书已过期', summary: '证书过期后客户端会中断握手。', symptoms: ['浏览器说连接不是私密连接', '昨天还好好的，今天都连不上'], errors: ['NET::ERR_CERT_DATE_INVALID', 'SEC_E_CERT_EXPIRED (0x80090328)'] },
    { kind: 'fix', lang: 'zh', slug: 'tls-certificate-expired', anchor: 'renew-certificate', title: '续期并部署新证书', context: '证书已过期', parent: 0, text: '用 certbot 续期证书，然后重新加载服务。', commands: ['sudo certbot renew'] },
    { kind: 'fix', lang: 'zh', slug: 'tls-certificate-expired', anchor: 'check-dates', title: '查看证书有效期', context: '证书已过期', parent: 0, text: '读出 notBefore 和 notAfter。' },
    { kind: 'article', lang: 'en', slug: 'tls-certificate-expired', title: 'Certificate expired', summary: 'An expired certificate stops the handshake.', symptoms: ['The browser says the connection is not private', 'It worked yesterday and this morning nobody can connect'], errors: ['NET::ERR_CERT_DATE_INVALID', 'SEC_E_CERT_EXPIRED (0x80090328)'] },
    { kind: 'fix', lang: 'en', slug: 'tls-certificate-expired', anchor: 'renew-certificate', title: 'Renew and deploy the certificate', context: 'Certificate expired', parent: 3, text: 'Renew with certbot, then reload the service.', commands: ['sudo certbot renew'] },
    { kind: 'fix', lang: 'en', slug: 'tls-certificate-expired', anchor: 'check-dates', title: 'Read the certificate dates', context: 'Certificate expired', parent: 3, text: 'Read notBefore and notAfter.' },
    { kind: 'article', lang: 'en', slug: 'tls-version-mismatch', title: 'TLS version mismatch', summary: 'No common protocol version.', symptoms: ['Old clients cannot connect after the server upgrade'], errors: ['SEC_E_ALGORITHM_MISMATCH (0x80090331)'] },
    { kind: 'article', lang: 'zh', slug: 'tls-version-mismatch', title: 'TLS 版本不匹配', summary: '没有共同的协议版本。', symptoms: ['服务器升级后老客户端连不上'], errors: ['SEC_E_ALGORITHM_MISMATCH (0x80090331)'] },
    { kind: 'flow', lang: 'en', slug: 'tls-handshake', title: 'TLS handshake check', summary: 'Tests the certificate and protocol of a server.', headings: ['Which server?'] },
    { kind: 'step', lang: 'en', slug: 'tls-handshake', anchor: 'customerClock', title: "Is the customer's clock right?", context: 'TLS handshake check', parent: 8, text: 'Compare the clock with a time server.' },
  ];
}

const engine = createSearchEngine({ version: SEARCH_INDEX_VERSION, records: records() });

test('a fix result opens its section in its own language', () => {
  const [first] = engine.search('certbot renew', { lang: 'en' }).hits;
  assert.equal(first.record.anchor, 'renew-certificate');
  assert.equal(first.url, '/en/articles/tls-certificate-expired#renew-certificate');
  assert.equal(first.otherLanguage, false);
});

test("both languages are searched; a result is shown in the reader's language when it has one", () => {
  const zh = engine.search('NET::ERR_CERT_DATE_INVALID', { lang: 'zh' }).hits;
  assert.ok(zh.every((hit) => hit.record.lang === 'zh'));
  const en = engine.search('NET::ERR_CERT_DATE_INVALID', { lang: 'en' }).hits;
  assert.ok(en.every((hit) => hit.record.lang === 'en'));
  assert.equal(new Set(en.map((hit) => hit.url)).size, en.length, 'each article or fix once, not once per language');
});

test('a match only in the other language is still found, and marked as such', () => {
  const hits = engine.search('nobody can connect this morning', { lang: 'zh' }).hits;
  assert.equal(hits[0].record.slug, 'tls-certificate-expired');
  assert.equal(hits[0].otherLanguage, true);
  assert.equal(hits[0].url, '/en/articles/tls-certificate-expired');
});

test('Chinese finds part of a word without spaces', () => {
  assert.equal(engine.search('续期', { lang: 'zh' }).hits[0].url, '/zh/articles/tls-certificate-expired#renew-certificate');
  assert.equal(engine.search('老客户端连不上了', { lang: 'zh' }).hits[0].record.slug, 'tls-version-mismatch');
});

test('error codes match exactly: a code one digit away is not a match', () => {
  const hits = engine.search('0x80090331', { lang: 'en' }).hits;
  assert.equal(hits[0].record.slug, 'tls-version-mismatch');
  assert.deepEqual(hits[0].exactCodes, ['0x80090331']);
  assert.ok(!hits.some((hit) => hit.record.slug === 'tls-certificate-expired'), '0x80090328 differs in two digits');
});

test('a typo in an English word is tolerated, and part of a word matches the whole word', () => {
  assert.equal(engine.search('certifcate expird', { lang: 'en' }).hits[0].record.slug, 'tls-certificate-expired');
  assert.equal(engine.search('handsh', { lang: 'en' }).hits[0].record.slug, 'tls-handshake');
  assert.equal(engine.search('ifica', { lang: 'en' }).hits.length, 0, 'part of a word is matched from its start');
});

test('a pasted error is searched by its signature', () => {
  const response = engine.search('Your connection is not private\nAttackers might be trying to steal your information from api.example.com\nNET::ERR_CERT_DATE_INVALID', { lang: 'en' });
  assert.deepEqual(response.signature?.codes, ['NET::ERR_CERT_DATE_INVALID']);
  assert.equal(response.hits[0].record.slug, 'tls-certificate-expired');
});

test('flows and their steps are found and open the flow', () => {
  const hits = engine.search("customer's clock", { lang: 'en' }).hits;
  const step = hits.find((hit) => hit.record.kind === 'step');
  assert.equal(step?.url, '/en/flows/tls-handshake');
  assert.equal(step?.record.context, 'TLS handshake check');
});

test('nothing known in the query gives no results rather than noise', () => {
  assert.deepEqual(engine.search('zzzz qqqq', { lang: 'en' }).hits, []);
  assert.deepEqual(engine.search('   ', { lang: 'en' }).hits, []);
});

test('an index built for another version is refused with a way out', () => {
  assert.throws(() => createSearchEngine({ version: 0 as never, records: [] }), /version 0 is not 1: rebuild it with `npm run -s build:search`/);
});
