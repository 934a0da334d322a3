import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findErrorCodes, looksPasted, readErrorSignature } from '../../lib/search/engine/signature';

const javaTrace = `Exception in thread "main" javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target
\tat java.base/sun.security.ssl.Alert.createSSLException(Alert.java:131)
\tat com.acme.client.Main.main(Main.java:42)
Caused by: sun.security.validator.ValidatorException: PKIX path building failed
\t... 23 more`;

test('a Java stack trace is reduced to its exception names and message, without frames', () => {
  const signature = readErrorSignature(javaTrace);
  assert.ok(signature);
  assert.deepEqual(signature.exceptions, ['SSLHandshakeException', 'SunCertPathBuilderException', 'ValidatorException']);
  assert.match(signature.messages[0], /PKIX path building failed.*unable to find valid certification path/);
  assert.doesNotMatch(signature.query, /Alert\.java|com\.acme|23 more|Exception in thread/);
});

test("a browser error page is reduced to its code and the page's message", () => {
  const signature = readErrorSignature('Your connection is not private\nAttackers might be trying to steal your information from api.example.com (for example, passwords).\nNET::ERR_CERT_DATE_INVALID');
  assert.ok(signature);
  assert.deepEqual(signature.codes, ['NET::ERR_CERT_DATE_INVALID']);
  assert.deepEqual(signature.messages, ['Your connection is not private']);
});

test('a log line loses its timestamp, process ids, addresses and host names', () => {
  const signature = readErrorSignature(
    '2026/11/20 10:12:33 [error] 1234#1234: *5678 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 203.0.113.7, server: api.example.com, request: "GET /v1/orders HTTP/1.1", upstream: "http://10.0.0.12:8080/v1/orders"',
  );
  assert.ok(signature);
  assert.equal(signature.messages.length, 1);
  assert.match(signature.messages[0], /^upstream timed out 110: Connection timed out while reading response header from upstream$/);
  assert.doesNotMatch(signature.query, /203\.0\.113|10\.0\.0\.12|api\.example\.com|2026|1234/);
});

test('operating-system error numbers are named the way articles write them', () => {
  const signature = readErrorSignature("Traceback (most recent call last):\n  File \"/app/x.py\", line 3, in <module>\nConnectionRefusedError: [Errno 111] Connection refused");
  assert.ok(signature);
  assert.ok(signature.codes.includes('ECONNREFUSED'));
  assert.deepEqual(signature.exceptions, ['ConnectionRefusedError']);
});

test('typed words are not a paste; a long single line or a stack frame is', () => {
  assert.equal(readErrorSignature('connection refused'), null);
  assert.equal(looksPasted('NET::ERR_CERT_DATE_INVALID'), false);
  assert.equal(looksPasted('java.net.ConnectException: Connection refused at com.acme.Client.connect(Client.java:12)'), true);
  assert.equal(looksPasted('x'.repeat(200)), true);
});

test('error codes are found in typed text as written, without their parts repeated', () => {
  assert.deepEqual(findErrorCodes('NET::ERR_CERT_DATE_INVALID'), ['NET::ERR_CERT_DATE_INVALID']);
  assert.deepEqual(findErrorCodes('curl: (35) schannel: SEC_E_ALGORITHM_MISMATCH (0x80090331)'), ['SEC_E_ALGORITHM_MISMATCH', '0x80090331', 'curl: (35)']);
  assert.deepEqual(findErrorCodes('HTTP/1.1 502 Bad Gateway'), ['502 Bad Gateway']);
  assert.deepEqual(findErrorCodes('ERROR: EXPIRED'), []);
});
