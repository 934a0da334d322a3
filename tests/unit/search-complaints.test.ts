import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SEARCH_INDEX_VERSION, type SearchRecord } from '@/lib/search';
import { createSearchEngine, readErrorSignature, tokenize } from '@/lib/search/server';
import { buildCandidateIndex, keepMostTelling, planTerms } from '../../lib/search/engine/candidates';
import { analyseFields } from '../../lib/search/engine/fields';
import { rank, type RankedRecord } from '../../lib/search/engine/rank';
import { conceptTerms } from '../../lib/search/engine/tokenize';
import { quotedForms, quotesAnError, wordsOnly } from '../../lib/search/engine/verbatim';

/*
 * How search reads long complaints and pastes from real threads: the
 * telling words survive the term budget, one article's quoted errors do not
 * fill the list, a message quoted after another tool's code still counts,
 * and the circumstances people describe (two networks, a VPN switched off,
 * time idle, a company root, what they clicked) are read as such.
 */

const has = (text: string, concept: string) => conceptTerms(text).includes(`~${concept}`);

test('a long query keeps its rarest terms, in the order typed, a Chinese pair counting half', () => {
  const records: SearchRecord[] = [
    ...Array.from({ length: 8 }, (_, i): SearchRecord => ({ kind: 'article', lang: 'en', slug: `common-${i}`, title: 'server connect client network', text: 'server connect client network' })),
    { kind: 'article', lang: 'en', slug: 'files', title: 'Too many open files', errors: ['accept4() failed (24: Too many open files)'] },
    { kind: 'article', lang: 'zh', slug: 'files', title: '打开文件过多', symptoms: ['服务器连不上客户端'] },
  ];
  const index = buildCandidateIndex(analyseFields(records));
  const plan = planTerms(index, ['server', 'connect', 'client', 'network', 'open', 'files']);
  assert.deepEqual(
    keepMostTelling(index, plan, 2).map((entry) => entry.term),
    ['open', 'files'],
    'the words every article uses go first, not the last ones typed',
  );
  assert.equal(keepMostTelling(index, plan, 6).length, 6, 'nothing is left out within the budget');
  const chinese = planTerms(index, ['服务', '务器', '文件', '过多']);
  assert.equal(keepMostTelling(index, chinese, 2).length, 4, 'four Chinese pairs are two words');
});

function ranked(slug: string, anchor: string | undefined, strength: number, position: number, quoted = false): RankedRecord {
  return { record: { kind: anchor ? 'fix' : 'article', lang: 'en', slug, anchor, title: slug }, position, strength, otherLanguage: false, exactCodes: [], quoted };
}

test("an article's quoted error lifts two of its results, not all its fixes above every other cause", () => {
  const order = rank([
    ranked('chain', undefined, 1, 0, true),
    ranked('chain', 'a', 0.9, 1, true),
    ranked('chain', 'b', 0.8, 2, true),
    ranked('chain', 'c', 0.7, 3, true),
    ranked('portal', undefined, 0.75, 4),
  ]).map((hit) => `${hit.record.slug}${hit.record.anchor ? `#${hit.record.anchor}` : ''}`);
  assert.deepEqual(order.slice(0, 3), ['chain', 'chain#a', 'portal']);
});

test('a message quoted after a code counts as quoting the same message printed by another tool', () => {
  const errors = ["fatal: unable to access 'https://git.example/repo.git/': SSL certificate problem: unable to get local issuer certificate"].map(wordsOnly);
  const query = 'curl: (60) SSL certificate problem: unable to get local issuer certificate';
  assert.ok(!quotesAnError(errors, [wordsOnly(query)]), 'whole, the query is in no error');
  assert.ok(quotesAnError(errors, quotedForms(query, ['curl: (60)'])));
  assert.deepEqual(quotedForms('curl: (7)', ['curl: (7)']), ['curl 7'], 'a code alone is no message');
  assert.ok(!quotesAnError(errors, quotedForms('curl: (60) certificate problem', ['curl: (60)'])), 'a few words are too generic to be a quote');
});

test('two networks compared, or another network tried, say it works on one network only', () => {
  for (const text of [
    'everything is fine with wifi, but when I switch to mobile data it does not connect',
    'works at home, not in the office',
    'switching to my phone hotspot fixes it',
    '更换网络环境（使用流量），没有问题',
    '连 Wi-Fi 好好的，手机一切到流量就连不上',
    'only one branch has the problem',
    '只有一个分公司连不上，别的分公司都正常',
  ]) {
    assert.ok(has(text, 'othernet'), text);
  }
  for (const text of ['logging into hotel WiFi shows a certificate warning', 'the office wifi is slow', 'on mobile data it fails']) {
    assert.ok(!has(text, 'othernet'), `${text}: one network`);
  }
});

test('a VPN switched off is no dropped connection; a connection that drops still is', () => {
  assert.ok(!has('Failure was consistent when connected to VPN and success was consistent when disconnected.', 'drop'));
  assert.ok(!has('it works after I disconnect from the VPN', 'drop'));
  assert.ok(!has('连上 VPN 就好，断开 VPN 就不行', 'drop'));
  assert.ok(has('the client disconnects every few minutes', 'drop'));
  assert.ok(has('用一会儿就断开了', 'drop'));
});

test('time since the last packet is time idle, and numbers with thousands separators are no terms', () => {
  const paste = 'Communications link failure\n\nThe last packet successfully received from the server was 3,990,735 milliseconds ago.\n  Operation timed out';
  assert.ok(has(paste, 'idle'));
  assert.ok(!has('retrying now', 'idle'));
  const signature = readErrorSignature('Read failed after 3,990,735 bytes\nOperation timed out');
  assert.ok(signature);
  assert.doesNotMatch(signature.query, /990|735/);
});

test("a company's root certificate or proxy is the company network", () => {
  for (const text of ['I installed the company root certificate', 'behind the corporate proxy', "it's because of security in my company", '公司根证书装好了', '公司的代理']) {
    assert.ok(has(text, 'corpnet'), text);
  }
});

test('a clock said to be wrong in other words is still the clock', () => {
  for (const text of ['When time is incorrect on Windows OS', 'the date was wrong on the tablet', 'It was really a problem with the time setting', '系统时间不准会导致登录失败', '时间不同步']) {
    assert.ok(has(text, 'clock'), text);
  }
  assert.ok(!has('it takes a long time to load', 'clock'));
});

test('the program that was run is kept as context', () => {
  const signature = readErrorSignature(
    "C:\\Users\\ff>pip install numpy\nCollecting numpy\n  Could not fetch URL https://pypi.python.org/simple/numpy/: There was a problem confirming the ssl certificate: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed (_ssl.c:749) - skipping",
  );
  assert.ok(signature);
  assert.ok(signature.context.some((line) => line.includes('pip install numpy')), signature.context.join(' | '));
});

test('a context line may say "not" or "没有" and still be kept', () => {
  const signature = readErrorSignature(
    '在公司电脑和网络环境上跑demo会出现这个报错，在私人电脑上没有这个问题。\n\njavax.net.ssl.SSLHandshakeException: PKIX path building failed: unable to find valid certification path to requested target\n\tat a.b.C.d(C.java:45)',
  );
  assert.ok(signature);
  assert.equal(signature.context.length, 1);
  assert.match(signature.context[0], /公司电脑/);
});

test('Chinese glue characters and "没有问题" are not terms', () => {
  const terms = tokenize('在私人电脑上没有这个问题');
  for (const glue of ['在私', '没有', '这个', '问题']) assert.ok(!terms.includes(glue), `${glue} in ${terms.join(' ')}`);
  assert.ok(terms.includes('电脑'));
});

test('what the person clicked and what popped up leave a complaint vague: it leads to the place to start', () => {
  const records: SearchRecord[] = [
    { kind: 'article', lang: 'zh', slug: 'connection-triage', title: '连接问题分诊：最初五分钟', symptoms: ['客户说客户端连不上服务器', '一直转圈，过一会儿提示连接超时'] },
    { kind: 'article', lang: 'zh', slug: 'five-layer-model', title: '五层模型', symptoms: ['从物理层到应用层逐层排查连接'] },
    { kind: 'flow', lang: 'zh', slug: 'five-layer', title: '五层检查', summary: '逐层运行探测，从名称解析到应用。' },
    { kind: 'article', lang: 'zh', slug: 'tls-certificate-expired', title: '证书过期', symptoms: ['以管理员身份启动程序后弹窗提示证书过期，服务器连接失败'] },
  ];
  const engine = createSearchEngine({ version: SEARCH_INDEX_VERSION, records });
  const first = engine.search('右键管理员启动盒子的时候一直转圈，之后弹窗服务器连接失败', { lang: 'zh', limit: 5 }).hits[0];
  assert.ok(first);
  assert.equal(first.record.slug, 'connection-triage');
  // A cause named beside the clicks is still a lead.
  assert.equal(engine.search('启动后弹窗提示证书过期', { lang: 'zh', limit: 5 }).hits[0]?.record.slug, 'tls-certificate-expired');
});
