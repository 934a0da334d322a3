import type { EvidenceCode } from '../codes';
import type { Finding } from '../types';
import { capture, captureAll, finding, IP, unique } from '../text';
import { httpFinding } from './http';
import { tlsCodesIn, tlsSummary } from './tls-words';

/** Does this look like `Test-NetConnection` output (list or table view, English or Chinese warnings)? */
export function looksLikeTestNetConnection(text: string): boolean {
  return /TcpTestSucceeded|PingSucceeded\s*:|(?:WARNING|警告): (?:TCP connect to|Ping to|Name resolution of)|Test-NetConnection/i.test(text);
}

/** Does this look like `Resolve-DnsName` output or its error? */
export function looksLikeResolveDnsName(text: string): boolean {
  return /Resolve-DnsName|ResolveDnsName|^Name\s+Type\s+TTL\s+Section\s+IPAddress/m.test(text);
}

/** Does this look like an `Invoke-WebRequest` (or `Invoke-RestMethod`, `iwr`, `irm`) error or result? */
export function looksLikeInvokeWebRequest(text: string): boolean {
  return /Invoke-WebRequest|Invoke-RestMethod|InvokeWebRequestCommand|InvokeRestMethodCommand|^(?:iwr|irm) :|^StatusCode\s+:\s+\d{3}/m.test(text);
}

/** One property of the list view (`Name : value`), or a column of the table view. */
function property(text: string, name: string): string | undefined {
  const listed = capture(text, new RegExp(String.raw`^${name}\s*:\s*(\S.*)$`, 'm'));
  if (listed) return listed;
  const lines = text.split('\n');
  const named = new RegExp(String.raw`\b${name}\b`);
  const header = lines.findIndex((line) => named.test(line) && /^[\w\s()]+$/.test(line));
  if (header < 0) return undefined;
  const column = lines[header].trim().split(/\s+/).indexOf(name);
  const row = lines.slice(header + 1).find((line) => line.trim() && !/^[-\s]+$/.test(line));
  return row?.trim().split(/\s+/)[column];
}

/** TCP_OPEN or TCP_FAILED from TcpTestSucceeded, PING_OK or PING_UNREACHABLE from PingSucceeded, DNS_FAILED from a failed name resolution. */
export function parseTestNetConnection(text: string): Finding[] {
  const name = capture(text, /(?:WARNING|警告): Name resolution of (\S+) failed/);
  if (name) return [finding('DNS_FAILED', `The name ${name} could not be resolved on this computer.`, { name })];
  const computer = property(text, 'ComputerName');
  const address = property(text, 'RemoteAddress') ?? capture(text, new RegExp(String.raw`TCP connect to \(?(${IP})`));
  const port = Number(property(text, 'RemotePort') ?? capture(text, /TCP connect to \(?\S+ : (\d+)\)?/) ?? capture(text, /TCP connect to \S+:(\d+)/)) || undefined;
  const target = computer ?? address ?? 'The server';
  const details = { computerName: computer, remoteAddress: address, remotePort: port, sourceAddress: property(text, 'SourceAddress'), interface: property(text, 'InterfaceAlias') };
  const findings: Finding[] = [];
  const tcp = property(text, 'TcpTestSucceeded');
  const tcpWarning = /(?:WARNING|警告): TCP connect to/.test(text);
  if (tcp === 'True') findings.push(finding('TCP_OPEN', `${target} accepts TCP connections on port ${port ?? '(unknown)'}.`, details));
  else if (tcp === 'False' || tcpWarning) {
    findings.push(finding('TCP_FAILED', `The TCP connection to ${target}${port ? ` port ${port}` : ''} failed; Test-NetConnection does not say whether it was refused or dropped.`, details));
  }
  const ping = property(text, 'PingSucceeded');
  const pingStatus = capture(text, /(?:WARNING|警告): Ping to \S+ failed(?: with status:| --  ?Status:)\s*(\w+)/);
  if (ping === 'True') findings.push(finding('PING_OK', `${target} answers ping.`, { ...details, rtt: property(text, String.raw`PingReplyDetails \(RTT\)`) }));
  else if (ping === 'False' || pingStatus) findings.push(finding('PING_UNREACHABLE', `${target} did not answer ping${pingStatus ? ` (${pingStatus})` : ''}; it may also block ICMP.`, { ...details, status: pingStatus }));
  return findings;
}

const DNS_ERRORS: { pattern: RegExp; code: EvidenceCode }[] = [
  { pattern: /DNS_ERROR_RCODE_NAME_ERROR|DNS name does not exist|DNS 名称不存在|DNS 名稱不存在/, code: 'DNS_NXDOMAIN' },
  { pattern: /RCODE_SERVER_FAILURE|DNS server failure|DNS 服务器故障/, code: 'DNS_SERVFAIL' },
  { pattern: /DNS_ERROR_RCODE_REFUSED|DNS request refused|DNS 请求被拒绝/, code: 'DNS_REFUSED' },
  { pattern: /ERROR_TIMEOUT|timeout period expired|超时期限已过/, code: 'DNS_TIMEOUT' },
  { pattern: /DNS_INFO_NO_RECORDS|No records exist|不存在任何记录/, code: 'DNS_NODATA' },
];

/** DNS_OK with the A/AAAA answers, or the failure the error record names. */
export function parseResolveDnsName(text: string): Finding[] {
  const findings: Finding[] = [];
  for (const { pattern, code } of DNS_ERRORS) {
    if (!pattern.test(text)) continue;
    const name = capture(text, /Resolve-DnsName : (\S+?)\.? :/);
    const summary: Record<string, string> = {
      DNS_NXDOMAIN: `${name ?? 'The name'} does not exist in DNS.`,
      DNS_SERVFAIL: `The DNS server failed to answer for ${name ?? 'the name'}.`,
      DNS_REFUSED: `The DNS server refused to answer for ${name ?? 'the name'}.`,
      DNS_TIMEOUT: `No DNS server answered for ${name ?? 'the name'}: the query timed out.`,
      DNS_NODATA: `${name ?? 'The name'} has no record of the type asked for.`,
    };
    findings.push(finding(code, summary[code], { name }));
  }
  if (findings.length > 0) return findings;
  const rows = captureAll(text, new RegExp(String.raw`^\S+\s+(?:A|AAAA)\s+\d+\s+Answer\s+(${IP})\s*$`, 'gm'));
  const name = capture(text, /^(\S+)\s+(?:A|AAAA|CNAME)\s+\d+\s+Answer/m);
  if (rows.length > 0) return [finding('DNS_OK', `${name ?? 'The name'} resolves to ${unique(rows).join(', ')}.`, { name, addresses: unique(rows) })];
  return [];
}

const IWR_TLS_HINT = /SSL|TLS|certificate|证书|憑證/i;

/** What an Invoke-WebRequest error proves: refused, unresolved, timed out, a TLS problem, or the HTTP status. */
export function parseInvokeWebRequest(text: string): Finding[] {
  if (/actively refused|积极拒绝|拒絕/.test(text)) return [finding('TCP_REFUSED', 'The connection was refused: nothing listens on that port, or a firewall rejects it.', {})];
  if (/remote name could not be resolved|No such host is known|不知道这样的主机|未能解析此远程名称|Name or service not known/i.test(text)) {
    const name = capture(text, /remote name could not be resolved: '([^']+)'/) ?? capture(text, /未能解析此远程名称: “?'?([^'”]+)/);
    return [finding('DNS_FAILED', `The name${name ? ` ${name}` : ''} could not be resolved on this computer.`, { name })];
  }
  if (/did not properly respond after a period of time|连接方在一段时间后没有正确答复/.test(text)) return [finding('TCP_TIMEOUT', 'Connecting timed out: something silently drops the traffic.', {})];
  if (/unreachable host|unreachable network|No route to host/i.test(text)) return [finding('TCP_UNREACHABLE', 'The server is unreachable from this computer (no route).', {})];
  const tls = IWR_TLS_HINT.test(text) ? tlsCodesIn(text) : [];
  if (tls.length > 0) return tls.map((code) => finding(code, tlsSummary(code), {}));
  const status =
    capture(text, /remote server returned an error: \((\d{3})\)/) ??
    capture(text, /远程服务器返回错误: \((\d{3})\)/) ??
    capture(text, /Response status code does not indicate success: (\d{3})/) ??
    capture(text, /^StatusCode\s+:\s+(\d{3})/m);
  if (status) return [httpFinding(Number(status), 'The server')];
  if (/The operation has timed out|操作超时/.test(text)) return [finding('HTTP_TIMEOUT', 'The request timed out before the server answered.', {})];
  return [];
}
