import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldText } from '../../lib/search/engine/normalize';
import { queryTerms, stem, tokenize } from '../../lib/search/engine/tokenize';

test('Chinese is cut into character pairs, so a query needs no spaces and finds part of a word', () => {
  assert.deepEqual(tokenize('连不上服务器'), ['连不', '不上', '上服', '服务', '务器']);
  assert.deepEqual(queryTerms('证书过期了怎么办'), ['证书', '书过', '过期']);
  assert.deepEqual(queryTerms('连接被拒绝'), ['连接', '拒绝'], 'particles such as 被 split words rather than join them');
});

test('mixed Chinese and English queries keep both scripts', () => {
  assert.deepEqual(queryTerms('开了VPN就连不上'), ['vpn', '连不', '不上']);
  assert.deepEqual(queryTerms('服务器CPU跑满了'), ['服务', '务器', 'cpu', '跑满']);
});

test('error codes stay whole, and also give their words', () => {
  assert.deepEqual(tokenize('NET::ERR_CERT_DATE_INVALID'), ['net::err_cert_date_invalid', 'cert', 'date', 'invalid']);
  assert.deepEqual(tokenize('SEC_E_ALGORITHM_MISMATCH (0x80090331)'), ['sec_e_algorithm_mismatch', 'algorithm', 'mismatch', '0x80090331']);
  assert.deepEqual(tokenize('ECONNREFUSED'), ['econnrefus']);
});

test('stems stay a prefix of the word, so they can be found inside the text', () => {
  for (const word of ['refused', 'spinning', 'timed', 'times', 'expired', 'certificates', 'dropping', 'resolves']) {
    assert.ok(word.startsWith(stem(word)), `${stem(word)} is a prefix of ${word}`);
    assert.ok(stem(word).length >= 4);
  }
  assert.equal(stem('timed'), stem('times'));
  assert.equal(stem('address'), 'address');
});

test('full-width letters typed with a Chinese input method match plain ASCII', () => {
  assert.equal(foldText('ＶＰＮ连不上，５０２'), 'vpn连不上,502');
  assert.deepEqual(queryTerms('ＶＰＮ'), queryTerms('vpn'));
});

test('function words are dropped, a lone Chinese character only when there is something better', () => {
  assert.deepEqual(queryTerms("the client doesn't start"), ['client', 'start']);
  assert.deepEqual(queryTerms('改了hosts文件'), ['host', '文件']);
  assert.deepEqual(queryTerms('慢'), ['慢']);
});
