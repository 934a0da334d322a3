import type { EvidenceCode } from '../codes';
import type { Finding } from '../types';
import { capture, captureAll, finding, IP, unique } from '../text';

/** Does this look like `dig` output? */
export function looksLikeDig(text: string): boolean {
  return /; <<>> DiG |;; ->>HEADER<<-|;; QUESTION SECTION:/.test(text);
}

/** Does this look like `nslookup` output (BIND's on Linux and macOS, or Windows', in English or Chinese)? */
export function looksLikeNslookup(text: string): boolean {
  return /^(?:Server|服务器|伺服器):\s+\S+|Non-authoritative answer:|非权威应答:|\*\*\*? (?:server can't find|.*can't find|.*找不到|Can't find server)|canonical name = |^;; (?:connection timed out|communications error)|DNS request timed out\.|^\*\*\* (?:请求|Request to) \S+ (?:超时|timed-out)/m.test(text);
}

const SERVER_SAYS: { pattern: RegExp; code: EvidenceCode }[] = [
  { pattern: /NXDOMAIN|Non-existent domain/i, code: 'DNS_NXDOMAIN' },
  { pattern: /SERVFAIL|Server failed/i, code: 'DNS_SERVFAIL' },
  { pattern: /REFUSED|Query refused/i, code: 'DNS_REFUSED' },
  { pattern: /No answer/i, code: 'DNS_NODATA' },
];

function dnsSummary(code: EvidenceCode, name: string | undefined, server: string | undefined): string {
  const subject = name ?? 'The name';
  const by = server ? ` (asked ${server})` : '';
  switch (code) {
    case 'DNS_NXDOMAIN':
      return `${subject} does not exist in DNS${by}.`;
    case 'DNS_SERVFAIL':
      return `The DNS server failed to answer for ${name ?? 'the name'}${by}.`;
    case 'DNS_REFUSED':
      return `The DNS server refused to answer for ${name ?? 'the name'}${by}.`;
    case 'DNS_NODATA':
      return `${subject} exists but has no record of the type asked for${by}.`;
    case 'DNS_TIMEOUT':
      return `No DNS server answered${by}: the query timed out.`;
    default:
      return `${subject} resolves${by}.`;
  }
}

/** DNS_OK with the answer's addresses, or the failure nslookup reports. */
export function parseNslookup(text: string): Finding[] {
  const server = capture(text, /^(?:Server|服务器|伺服器):\s+(\S+)/m);
  const serverAddress = capture(text, new RegExp(String.raw`^(?:Address|地址):\s+(${IP}(?:#\d+)?)`, 'm'));
  const asked = serverAddress ?? server ?? capture(text, /communications error to (\S+?):/);
  const failure = /\*\*\*? (?:server can't find|\S+ can't find|\S* ?找不到|Can't find) ?(\S+?):? ?:? ?(NXDOMAIN|SERVFAIL|REFUSED|Non-existent domain|Server failed|Query refused|No answer)/i.exec(text);
  if (failure) {
    const code = SERVER_SAYS.find((entry) => entry.pattern.test(failure[2]))?.code ?? 'DNS_NXDOMAIN';
    const name = failure[1].replace(/:$/, '');
    return [finding(code, dnsSummary(code, name, asked), { name, server: asked })];
  }
  // The answer starts at the first "Name:"; the Address line above it is the server's own.
  const answerAt = text.search(/^(?:Name|名称|名稱):|canonical name = /m);
  if (answerAt >= 0) {
    const answer = text.slice(answerAt);
    const name = capture(answer, /^(?:Name|名称|名稱):\s+(\S+)/m) ?? capture(answer, /^(\S+)\s+canonical name/m);
    const addresses = unique(captureAll(answer, new RegExp(String.raw`(?:^Address(?:es)?:|^地址:|^)[ \t]*(${IP})[ \t]*$`, 'gm')));
    if (addresses.length > 0) return [finding('DNS_OK', `${name ?? 'The name'} resolves to ${addresses.join(', ')}${asked ? ` (asked ${asked})` : ''}.`, { name, server: asked, addresses, aliases: captureAll(answer, /canonical name = (\S+?)\.?$/gm) })];
  }
  if (/no servers could be reached|connection timed out|DNS request timed out|timed-out|超时/i.test(text)) return [finding('DNS_TIMEOUT', dnsSummary('DNS_TIMEOUT', undefined, asked), { server: asked })];
  return [];
}

/** One finding per query in `dig` output, from its status and answer section. */
export function parseDig(text: string): Finding[] {
  const findings: Finding[] = [];
  // A paste may hold several queries: each starts with the DiG banner.
  const blocks = text.split(/^(?=; <<>> DiG )/m);
  for (const block of blocks) {
    const status = capture(block, /->>HEADER<<- opcode: \w+, status: (\w+)/);
    const name = capture(block, /^;(\S+?)\.?\s+IN\s+\w+/m);
    const server = capture(block, /^;; SERVER: (\S+)/m);
    if (!status) {
      const timedOut = /no servers could be reached|connection timed out|communications error.*timed out/.test(block);
      // The error line comes before the banner, so one timed-out query spans two blocks: report it once.
      if (timedOut && !findings.some((known) => known.code === 'DNS_TIMEOUT')) findings.push(finding('DNS_TIMEOUT', dnsSummary('DNS_TIMEOUT', undefined, capture(block, /communications error to (\S+?):/) ?? server), { server: capture(block, /communications error to (\S+?):/) ?? server }));
      continue;
    }
    const code: EvidenceCode | undefined =
      status === 'NOERROR' ? undefined : SERVER_SAYS.find((entry) => entry.pattern.test(status))?.code;
    if (code) {
      findings.push(finding(code, dnsSummary(code, name, server), { name, server, status }));
      continue;
    }
    if (status !== 'NOERROR') continue;
    const answer = block.split(/^;; ANSWER SECTION:$/m)[1]?.split(/^[ \t]*$/m)[0] ?? '';
    const addresses = unique(captureAll(answer, new RegExp(String.raw`\sIN\s+(?:A|AAAA)\s+(${IP})\s*$`, 'gm')));
    const answers = Number(capture(block, /ANSWER: (\d+)/) ?? '0');
    if (answers === 0) findings.push(finding('DNS_NODATA', dnsSummary('DNS_NODATA', name, server), { name, server, status }));
    else findings.push(finding('DNS_OK', `${name ?? 'The name'} resolves${addresses.length ? ` to ${addresses.join(', ')}` : ''}${server ? ` (asked ${server})` : ''}.`, { name, server, addresses }));
  }
  return findings;
}
