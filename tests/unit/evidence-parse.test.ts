/**
 * Edge cases of the pasted-output parser: what the findings' details carry, Windows wordings in
 * Chinese, and input that is hostile, binary or huge. The inputs written out here are
 * constructed from the tools' documented message formats (not real outputs: those live in
 * tests/fixtures/command-output).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { MAX_OUTPUT_CHARS, parseCommandOutput, type Finding, type ParsedOutput } from '../../lib/evidence';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/command-output', name), 'utf8');
const codes = (parsed: ParsedOutput) => parsed.findings.map((finding: Finding) => finding.code);

describe('what the findings carry', () => {
  it('a refused curl names the address and port it tried', () => {
    const [finding] = parseCommandOutput(fixture('curl/linux-refused.txt')).findings;
    assert.equal(finding.code, 'TCP_REFUSED');
    assert.equal(finding.details.port, 18099);
    assert.equal(finding.details.host, '127.0.0.1');
  });

  it('an expired certificate from openssl carries its notAfter', () => {
    const [finding] = parseCommandOutput(fixture('openssl-s_client/linux-expired.txt')).findings;
    assert.equal(finding.details.notAfter, 'Jan  1 00:00:00 2021 GMT');
    assert.equal(finding.details.subject, 'CN = expired.fixpath.test');
  });

  it('a successful curl over TLS carries the protocol, the expiry and the HTTP status', () => {
    const [tls, http] = parseCommandOutput(fixture('curl/linux-ok-https.txt')).findings;
    assert.equal(tls.details.protocol, 'TLSv1.3');
    assert.match(String(tls.details.notAfter), /2029 GMT$/);
    assert.equal(http.details.status, 200);
  });

  it('ping loss carries the percentage, dig the addresses, a broken trace the hops', () => {
    assert.equal(parseCommandOutput(fixture('ping/linux-loss.txt')).findings[0].details.lossPercent, 10);
    assert.equal(parseCommandOutput(fixture('ping/windows-zh-loss.txt')).findings[0].details.lossPercent, 2);
    assert.deepEqual(parseCommandOutput(fixture('dig/linux-ok.txt')).findings[0].details.addresses, ['127.0.0.1']);
    assert.deepEqual(parseCommandOutput(fixture('nslookup/linux-ok.txt')).findings[0].details.addresses, ['127.0.0.1', '::1']);
    const trace = parseCommandOutput(fixture('traceroute/linux-incomplete.txt')).findings[0];
    assert.equal(trace.details.hops, 5);
    assert.equal(trace.details.lastHopReached, undefined);
    assert.equal(parseCommandOutput(fixture('tracepath/linux-ns-ok.txt')).findings[0].details.pathMtu, 1500);
  });

  it('Windows replies of "Destination host unreachable" are not answers, whatever the statistics count', () => {
    const [finding] = parseCommandOutput(fixture('ping/windows-en-unreachable.txt')).findings;
    assert.equal(finding.code, 'PING_UNREACHABLE');
    assert.equal(finding.details.unreachableReplies, 4);
  });
});

describe('Windows wordings, English and Chinese (constructed from the documented formats)', () => {
  it('Test-NetConnection with a Chinese warning: the connection failed, ping answered', () => {
    const parsed = parseCommandOutput(
      ['警告: TCP connect to (192.168.1.13 : 3883) failed', '', 'ComputerName           : 192.168.1.13', 'RemoteAddress          : 192.168.1.13', 'RemotePort             : 3883', 'InterfaceAlias         : 以太网', 'SourceAddress          : 192.168.1.10', 'PingSucceeded          : True', 'PingReplyDetails (RTT) : 0 ms', 'TcpTestSucceeded       : False'].join('\r\n'),
    );
    assert.equal(parsed.tool, 'test-netconnection');
    assert.equal(parsed.os, 'windows');
    assert.deepEqual(codes(parsed), ['TCP_FAILED', 'PING_OK']);
    assert.equal(parsed.findings[0].details.remotePort, 3883);
    assert.equal(parsed.findings[0].details.interface, '以太网');
  });

  it('Test-NetConnection in table view and with a failed name resolution', () => {
    const table = parseCommandOutput('WARNING: TCP connect to (127.0.0.1 : 55432) failed\n\nComputerName RemotePort TcpTestSucceeded\n------------ ---------- ----------------\n127.0.0.1         55432            False\n');
    assert.deepEqual(codes(table), ['TCP_FAILED']);
    assert.equal(table.findings[0].details.remotePort, 55432);
    const name = parseCommandOutput('警告: Name resolution of nosuch.example failed\n\nComputerName   : nosuch.example\nRemoteAddress  :\nTcpTestSucceeded : False');
    assert.deepEqual(codes(name), ['DNS_FAILED']);
    assert.equal(name.findings[0].details.name, 'nosuch.example');
  });

  it('nslookup in Chinese: a name that does not exist, and a timeout', () => {
    const missing = parseCommandOutput('服务器:  UnKnown\nAddress:  192.168.1.1\n\n*** UnKnown 找不到 nosuch.example: Non-existent domain\n');
    assert.equal(missing.tool, 'nslookup');
    assert.equal(missing.os, 'windows');
    assert.deepEqual(codes(missing), ['DNS_NXDOMAIN']);
    assert.equal(missing.findings[0].details.name, 'nosuch.example');
    assert.deepEqual(codes(parseCommandOutput('DNS request timed out.\n    timeout was 2 seconds.\n服务器:  UnKnown\nAddress:  10.0.0.53\n\n*** 请求 UnKnown 超时\n')), ['DNS_TIMEOUT']);
  });

  it('ping in Chinese: an unknown host, and every request timed out', () => {
    const unknown = parseCommandOutput('Ping 请求找不到主机 nosuch.example。请检查该名称，然后重试。\n');
    // Windows says the same whether the name does not exist or no DNS server answered.
    assert.deepEqual(codes(unknown), ['DNS_FAILED']);
    assert.equal(unknown.findings[0].details.name, 'nosuch.example');
    const silent = parseCommandOutput('\n正在 Ping 10.0.0.1 具有 32 字节的数据:\n请求超时。\n请求超时。\n请求超时。\n请求超时。\n\n10.0.0.1 的 Ping 统计信息:\n    数据包: 已发送 = 4，已接收 = 0，丢失 = 4 (100% 丢失)，\n');
    assert.deepEqual(codes(silent), ['PING_UNREACHABLE']);
    assert.equal(silent.findings[0].details.target, '10.0.0.1');
    assert.equal(silent.os, 'windows');
  });

  it('tracert in Chinese and English: reached, or stopped with the last hop that answered', () => {
    const stopped = parseCommandOutput('\n通过最多 30 个跃点跟踪\n到 example.com [93.184.216.34] 的路由:\n\n  1    <1 毫秒   <1 毫秒   <1 毫秒 192.168.1.1\n  2     *        *        *     请求超时。\n  3     *        *        *     请求超时。\n\n跟踪完成。\n');
    assert.equal(stopped.tool, 'tracert');
    assert.deepEqual(codes(stopped), ['TRACE_INCOMPLETE']);
    assert.deepEqual(stopped.findings[0].details.lastHopReached, { hop: 1, address: '192.168.1.1' });
    const reached = parseCommandOutput('\nTracing route to example.com [93.184.216.34]\nover a maximum of 30 hops:\n\n  1    <1 ms    <1 ms    <1 ms  192.168.1.1\n  2    12 ms    11 ms    12 ms  93.184.216.34\n\nTrace complete.\n');
    assert.deepEqual(codes(reached), ['TRACE_OK']);
  });

  it('Invoke-WebRequest: an HTTP status, a refusal in Chinese, and a vague failure', () => {
    const status = parseCommandOutput('Invoke-WebRequest : The remote server returned an error: (503) Server Unavailable.\nAt line:1 char:1');
    assert.deepEqual(codes(status), ['HTTP_SERVER_ERROR']);
    assert.equal(status.findings[0].details.status, 503);
    assert.deepEqual(codes(parseCommandOutput('Invoke-WebRequest : 无法连接到远程服务器\n由于目标计算机积极拒绝，无法连接。 127.0.0.1:8080')), ['TCP_REFUSED']);
    const vague = parseCommandOutput('Invoke-WebRequest : 无法连接到远程服务器');
    assert.equal(vague.tool, 'invoke-webrequest');
    assert.deepEqual(codes(vague), ['UNRECOGNISED']);
  });

  it('curl.exe with Schannel: an answer after the handshake proves TLS passed', () => {
    const parsed = parseCommandOutput('*   Trying 203.0.113.7:443...\n* Connected to api.example.com (203.0.113.7) port 443 (#0)\n* schannel: disabled automatic use of client certificate\n* ALPN: offers http/1.1\n* ALPN: server accepted http/1.1\n> GET / HTTP/1.1\n> Host: api.example.com\n>\n< HTTP/1.1 502 Bad Gateway\n< Content-Length: 0\n<\n* Connection #0 to host api.example.com left intact\n');
    assert.equal(parsed.os, 'windows');
    assert.deepEqual(codes(parsed), ['TLS_OK', 'HTTP_SERVER_ERROR']);
    assert.equal(parsed.findings[1].details.status, 502);
  });

  it('curl.exe with Schannel: an untrusted root, and a name that does not resolve', () => {
    assert.deepEqual(codes(parseCommandOutput('curl: (60) schannel: SEC_E_UNTRUSTED_ROOT (0x80090325) - The certificate chain was issued by an authority that is not trusted.')), ['TLS_UNTRUSTED_ROOT']);
    const unresolved = parseCommandOutput('* Could not resolve host: nosuch.example\n* Closing connection\ncurl: (6) Could not resolve host: nosuch.example');
    assert.deepEqual(codes(unresolved), ['DNS_FAILED']);
    assert.equal(unresolved.findings[0].details.name, 'nosuch.example');
  });

  it('Resolve-DnsName: the answer table gives the addresses', () => {
    const parsed = parseCommandOutput('\nName                                           Type   TTL   Section    IPAddress\n----                                           ----   ---   -------    ---------\nexample.com                                    AAAA   300   Answer     2606:2800:220:1:248:1893:25c8:1946\nexample.com                                    A      300   Answer     93.184.216.34\n');
    assert.deepEqual(codes(parsed), ['DNS_OK']);
    assert.deepEqual(parsed.findings[0].details.addresses, ['2606:2800:220:1:248:1893:25c8:1946', '93.184.216.34']);
  });
});

describe('input the parser does not know', () => {
  const isUnrecognised = (parsed: ParsedOutput) => parsed.tool === 'unknown' && parsed.findings.length === 1 && parsed.findings[0].code === 'UNRECOGNISED';

  it('prose, an empty paste and a non-string give UNRECOGNISED', () => {
    assert.ok(isUnrecognised(parseCommandOutput('It does not work since this morning, please help!')));
    assert.ok(isUnrecognised(parseCommandOutput('')));
    assert.ok(isUnrecognised(parseCommandOutput(null as unknown as string)));
    assert.ok(isUnrecognised(parseCommandOutput({ toString: () => 'curl: (7) Failed' } as unknown as string)));
  });

  it('reads only the first MAX_OUTPUT_CHARS characters', () => {
    const refused = fixture('curl/linux-refused.txt');
    assert.ok(isUnrecognised(parseCommandOutput('x'.repeat(MAX_OUTPUT_CHARS) + refused)));
    assert.deepEqual(codes(parseCommandOutput(refused + 'x'.repeat(MAX_OUTPUT_CHARS * 3))), ['TCP_REFUSED']);
  });

  it('never throws and stays fast on random, binary, huge and pathological input', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pieces = ['*   Trying ', 'Connected to ', ' port ', ':', '::', '1', ' ms', '请求超时。', 'TcpTestSucceeded : ', 'verify error:num=', '\n', '  1  ', '* * *', 'PING ', '; <<>> DiG ', '->>HEADER<<- opcode: QUERY, status: ', 'Name:', 'Address: ', '\u0000', '\ud800', '\u001b[31m', '\r'];
    const inputs: string[] = [
      Buffer.from(Array.from({ length: 200_000 }, () => Math.floor(random() * 256))).toString('latin1'),
      String.fromCharCode(...Array.from({ length: 50_000 }, () => Math.floor(random() * 0xffff))),
      ':'.repeat(MAX_OUTPUT_CHARS),
      ' 1 '.repeat(40_000),
      '*   Trying '.repeat(20_000),
      `${'1:'.repeat(30_000)}\n`,
      '\n'.repeat(MAX_OUTPUT_CHARS),
      ' 0 s:'.repeat(30_000),
      'Address:\t' + ' '.repeat(90_000) + 'x',
    ];
    for (let round = 0; round < 300; round += 1) {
      inputs.push(Array.from({ length: 1 + Math.floor(random() * 400) }, () => pieces[Math.floor(random() * pieces.length)]).join(''));
    }
    for (const input of inputs) {
      const started = performance.now();
      const parsed = parseCommandOutput(input);
      const took = performance.now() - started;
      assert.ok(parsed.findings.length > 0, 'never an empty list');
      assert.ok(parsed.findings.every((finding) => typeof finding.code === 'string' && typeof finding.summary === 'string'));
      assert.ok(took < 1500, `took ${Math.round(took)} ms on input starting ${JSON.stringify(input.slice(0, 40))}`);
      assert.doesNotThrow(() => JSON.stringify(parsed));
    }
  });
});
