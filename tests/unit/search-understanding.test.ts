import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SEARCH_INDEX_VERSION, type SearchRecord } from '@/lib/search';
import { createSearchEngine, readErrorSignature } from '@/lib/search/server';
import { conceptTerms } from '../../lib/search/engine/tokenize';
import { findErrorCodes, shorten } from '../../lib/search/engine/signature';

/*
 * How search reads what people type and paste: vague symptoms lead to the
 * place to start, circumstances lead to their cause, typos of common words
 * still find their fix, and a paste keeps what identifies it.
 */

function article(lang: 'zh' | 'en', slug: string, title: string, symptoms: string[], errors: string[] = [], summary = ''): SearchRecord {
  return { kind: 'article', lang, slug, title, symptoms, errors, summary };
}

/** A small knowledge base in both languages: the two entry points, and causes sharing the words "connect" and "server". */
function records(): SearchRecord[] {
  return [
    article('en', 'connection-triage', 'Connection triage: the first five minutes', ['A customer says the client cannot connect to the server', 'New ticket, nobody knows where to start'], [], 'What to ask the customer, what to collect and which flow to start.'),
    article('zh', 'connection-triage', '连接问题分诊：最初五分钟', ['客户说客户端连不上服务器', '新工单，不知道从哪里开始'], [], '先问客户什么、收集什么、从哪个流程开始。'),
    article('en', 'five-layer-model', 'The five-layer model', ['Troubleshoot the connection layer by layer'], [], 'Checks for every layer, from the cable to the application.'),
    article('zh', 'five-layer-model', '五层模型', ['从物理层到应用层逐层排查连接'], [], '每一层的检查，从网线到应用。'),
    article('en', 'service-not-listening', 'Service not listening on the port', ['The client fails at once with connection refused', 'The server was restarted and now nobody can connect'], ['ECONNREFUSED', 'curl: (7) Failed to connect to server port 443: Connection refused']),
    article('zh', 'service-not-listening', '服务没有在监听端口', ['一连接就提示连接被拒绝', '服务器重启以后就连不上了'], ['ECONNREFUSED', '由于目标计算机积极拒绝，无法连接。']),
    article('en', 'http-5xx-gateway', '502 Bad Gateway behind a proxy', ['The site shows 502 Bad Gateway', 'The proxy cannot reach the application server'], ['502 Bad Gateway', 'connect() failed (111: Connection refused) while connecting to upstream']),
    article('en', 'works-on-one-network-only', 'Works on one network only', ['Fine on Wi-Fi at home, fails on mobile data', 'Works in the office, not from the hotel'], []),
    article('zh', 'works-on-one-network-only', '只在某个网络下能用', ['家里无线网正常，手机流量下连不上', '公司能用，酒店不行'], []),
    article('en', 'keepalive-timeouts', 'Idle connections are dropped', ['The session drops after a few minutes of inactivity', 'Reconnecting works until it sits idle again'], ['Operation timed out']),
    article('en', 'packet-loss-latency', 'Packet loss and latency', ['Calls stutter and pages load slowly'], ['Request timeout']),
    article('en', 'tls-certificate-expired', 'Certificate expired', ['The browser says the certificate expired'], ['certificate has expired']),
    { kind: 'flow', lang: 'en', slug: 'five-layer', title: 'Five-layer check', summary: 'Runs a probe for every layer, from name resolution to the application.', headings: ['Which server?'] },
    { kind: 'flow', lang: 'zh', slug: 'five-layer', title: '五层检查', summary: '逐层运行探测，从名称解析到应用。', headings: ['哪台服务器？'] },
  ];
}

const engine = createSearchEngine({ version: SEARCH_INDEX_VERSION, records: records() });
const top = (query: string, lang: 'zh' | 'en') => engine.search(query, { lang, limit: 10 }).hits.map((hit) => `${hit.record.kind} ${hit.record.slug}`);
const ENTRY_POINTS = ['article connection-triage', 'flow five-layer'];

test('a vague symptom in either language puts the triage article or the five-layer flow first, in the reader’s language', () => {
  for (const [query, lang] of [
    ['连不上', 'zh'],
    ['客户端连不上服务器', 'zh'],
    ['cannot connect', 'en'],
    ['keeps spinning', 'en'],
    ['一直转圈', 'zh'],
  ] as const) {
    const hits = engine.search(query, { lang, limit: 10 }).hits;
    assert.ok(hits.length > 0, `${query} finds something`);
    assert.ok(ENTRY_POINTS.includes(`${hits[0].record.kind} ${hits[0].record.slug}`), `${query} → ${top(query, lang).slice(0, 3).join(', ')}`);
    assert.equal(hits[0].record.lang, lang, `${query} is answered in ${lang}`);
  }
});

test('a symptom that names a cause is not vague: it leads to that cause, not to the entry points', () => {
  assert.equal(top('connection refused', 'en')[0], 'article service-not-listening');
  assert.equal(top('连接被拒绝', 'zh')[0], 'article service-not-listening');
  assert.ok(top('cannot connect on mobile data', 'en').slice(0, 2).includes('article works-on-one-network-only'));
  // Half a word is unfinished, not vague.
  assert.ok(!ENTRY_POINTS.includes(top('refu', 'en')[0] ?? ''));
});

test('flows are ranked by their score with the fixes and articles, not after them', () => {
  const hits = engine.search('five-layer check probe every layer', { lang: 'en', limit: 10 }).hits;
  assert.equal(`${hits[0].record.kind} ${hits[0].record.slug}`, 'flow five-layer');
});

test('typos of the commonest words still find the right fix', () => {
  assert.equal(top('conect refused', 'en')[0], 'article service-not-listening', 'conect refused is not the 502 page');
  assert.equal(top('refuesd', 'en')[0], 'article service-not-listening', 'a swapped pair in a word the index holds as a stem');
  assert.equal(top('certficate expired', 'en')[0], 'article tls-certificate-expired');
  assert.equal(top('conection refuesd', 'en')[0], 'article service-not-listening');
});

test('the circumstances a customer describes lead to the article for that cause, in both languages', () => {
  assert.equal(top('it works on wifi but not on 4G', 'en')[0], 'article works-on-one-network-only');
  assert.equal(top('用流量就打不开，wifi 正常', 'zh')[0], 'article works-on-one-network-only');
  assert.equal(top('the app drops the session when left idle for a while', 'en')[0], 'article keepalive-timeouts');
});

test('"timeout", "timed out" and "Timeout was reached" match each other', () => {
  const concept = conceptTerms('timeout');
  assert.deepEqual(conceptTerms('Connection timed out'), concept);
  assert.deepEqual(conceptTerms('Timeout was reached'), concept);
  assert.deepEqual(conceptTerms('request times out'), concept);
  assert.deepEqual(conceptTerms('连接超时'), concept);
  // "Operation timed out" (keepalive) and "Request timeout" (packet loss) answer all three wordings.
  for (const query of ['Timeout was reached', 'timed out', 'timeout']) {
    const found = top(query, 'en').slice(0, 3);
    assert.ok(found.includes('article keepalive-timeouts') && found.includes('article packet-loss-latency'), `${query} → ${found.join(', ')}`);
  }
});

test('Java package names are not scrubbed as host names; host names still are', () => {
  const signature = readErrorSignature('2026-11-20 10:00:01 WARN javax.net.ssl|SSLContext failed for api.example.com:443\njava.io.EOFException thrown by client.example.net');
  assert.ok(signature);
  assert.match(signature.query, /javax\.net\.ssl/);
  assert.doesNotMatch(signature.query, /api\.example\.com|client\.example\.net/);
});

test('exception names are recognised, whatever their capitals, with the words they are made of', () => {
  const signature = readErrorSignature('javax.net.ssl.SSLException: Connection reset\n\tat sun.security.ssl.SSLSocketImpl.read(SSLSocketImpl.java:1)\nCaused by: java.io.IOException: Broken pipe');
  assert.ok(signature);
  assert.deepEqual(signature.exceptions, ['SSLException', 'IOException']);
  const handshake = readErrorSignature('javax.net.ssl.SSLHandshakeException: Remote host terminated the handshake\n\tat a.b.C.d(C.java:1)');
  assert.ok(handshake);
  assert.deepEqual(handshake.exceptions, ['SSLHandshakeException']);
  assert.match(handshake.query, /SSL Handshake/);
});

test('hex pointers are not error codes; HRESULT failures are', () => {
  assert.deepEqual(findErrorCodes('Segmentation fault at 0xb95d3b90'), []);
  assert.deepEqual(findErrorCodes('object at 0x7ffd1234 failed: 0x80092013'), ['0x80092013']);
  const signature = readErrorSignature('fatal error in module at 0xb95d3b90\nSEC_E_UNTRUSTED_ROOT (0x80090325) - The certificate chain was issued by an authority that is not trusted.');
  assert.ok(signature);
  assert.deepEqual(signature.codes, ['SEC_E_UNTRUSTED_ROOT', '0x80090325']);
  assert.doesNotMatch(signature.query, /b95d3b90/);
});

test('the length cut keeps the key message of a long line', () => {
  const prefix = Array.from({ length: 30 }, (_, i) => `field${i}`).join(' ');
  const line = `2026-11-20 10:00:01 [error] ${prefix} handshake failed: certificate has expired`;
  assert.ok(line.length > 200);
  assert.match(shorten(line), /handshake failed: certificate has expired$/);
  const signature = readErrorSignature(line);
  assert.ok(signature);
  assert.match(signature.messages[0], /certificate has expired/);
});

test('a long line someone typed is searched whole; a long log line is a paste', () => {
  const typed = 'when I try to log into the hotel WiFi the page says the certificate for this server is invalid and I cannot get online at all';
  assert.ok(typed.length > 100);
  assert.equal(readErrorSignature(`${typed} ${typed}`), null);
  assert.ok(readErrorSignature(`2026-11-20 10:00:01 ${typed} ${typed}`));
});

test('lines without an error word are kept when they say where it happens', () => {
  const signature = readErrorSignature(
    'Error: connect ETIMEDOUT\nThis started after the update to version 4.2\nI am on Android 14 using mobile data\nThanks in advance\nSent from my phone',
  );
  assert.ok(signature);
  assert.deepEqual(signature.context, ['This started after the update to version 4.2', 'I am on Android 14 using mobile data']);
  assert.match(signature.query, /mobile data/);
  assert.doesNotMatch(signature.query, /Thanks in advance/);
  const chinese = readErrorSignature('连接失败：超时\n开了VPN之后才这样\n谢谢大家');
  assert.ok(chinese);
  assert.deepEqual(chinese.context, ['开了VPN之后才这样']);
});

test('a result is shown in the version that holds the words typed, not one reached only through a concept', () => {
  const hit = engine.search('手机流量下连不上', { lang: 'en', limit: 10 }).hits.find((found) => found.record.slug === 'works-on-one-network-only');
  assert.ok(hit);
  assert.equal(hit.record.lang, 'zh');
  assert.equal(hit.otherLanguage, true);
});
