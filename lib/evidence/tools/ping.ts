import type { EvidenceCode } from '../codes';
import type { Finding } from '../types';
import { capture, finding, IP, toNumber } from '../text';

// How each platform says the name did not resolve, and what that proves. glibc tells the
// answers apart (EAI_NONAME, EAI_NODATA, EAI_AGAIN); Windows and macOS do not.
const UNKNOWN_HOST: { pattern: RegExp; code: EvidenceCode }[] = [
  { pattern: /Ping request could not find host (\S+?)\.? Please/i, code: 'DNS_FAILED' },
  { pattern: /Ping 请求找不到主机 ?(\S+?)。/, code: 'DNS_FAILED' },
  { pattern: /Ping 要求找不到主機 ?(\S+?)。/, code: 'DNS_FAILED' },
  { pattern: /ping: (\S+): Name or service not known/, code: 'DNS_NXDOMAIN' },
  { pattern: /ping: (\S+): No address associated with hostname/, code: 'DNS_NODATA' },
  { pattern: /ping: (\S+): Temporary failure in name resolution/, code: 'DNS_TIMEOUT' },
  { pattern: /ping: unknown host (\S+)/, code: 'DNS_FAILED' },
  { pattern: /ping: cannot resolve (\S+?): Unknown host/, code: 'DNS_FAILED' },
];

/** Does this look like `ping` output (Linux, macOS, Windows in English or Chinese)? */
export function looksLikePing(text: string): boolean {
  return (
    /^PING \S+ \(|^Pinging \S+|正在 Ping |^Ping \S+ .*(使用|具有)|ping statistics|Ping 统计信息|Ping 統計資料|Packets: Sent =|数据包: 已发送|封包: 已傳送|^Reply from |来自 \S+ 的回复|回覆自 |^Request timed out\.|^请求超时。/m.test(text) ||
    UNKNOWN_HOST.some(({ pattern }) => pattern.test(text))
  );
}

/** Sent and received counts from the statistics block, in any of the wordings. */
function statistics(text: string) {
  const unix = /(\d+) packets transmitted, (\d+) (?:packets )?received(?:, \+(\d+) errors)?, ([\d.]+)% packet loss/.exec(text);
  if (unix) return { sent: Number(unix[1]), received: Number(unix[2]), loss: toNumber(unix[4]) };
  const windows =
    /Sent = (\d+), Received = (\d+), Lost = \d+ \((\d+)% loss\)/.exec(text) ??
    /已发送 = (\d+)，已接收 = (\d+)，丢失 = \d+ \((\d+)% 丢失\)/.exec(text) ??
    /已傳送 = (\d+)，已收到 = (\d+),? ?已遺失 = \d+ \((\d+)% 遺失\)/.exec(text);
  if (windows) return { sent: Number(windows[1]), received: Number(windows[2]), loss: toNumber(windows[3]) };
  return undefined;
}

const REPLY_WITH_TIME = /bytes from .*time[=<]|^Reply from .*time[=<]|的回复: .*时间[=<]|回覆自 .*時間[=<]|^\d+ bytes from /gm;
const UNREACHABLE_REPLY = /Destination (?:host|net) unreachable|无法访问目标主机|无法访问目标网|目的地主機無法連線/gi;

/** PING_OK, PING_LOSS or PING_UNREACHABLE from the replies and the statistics; a DNS_* code when the name did not resolve. */
export function parsePing(text: string): Finding[] {
  for (const { pattern, code } of UNKNOWN_HOST) {
    const name = capture(text, pattern);
    if (!name) continue;
    const why: Partial<Record<EvidenceCode, string>> = { DNS_NXDOMAIN: ': it does not exist', DNS_NODATA: ': it has no address', DNS_TIMEOUT: ': no DNS server answered' };
    return [finding(code, `ping could not resolve the name ${name} on this computer${why[code] ?? ''}.`, { name })];
  }
  const target = capture(text, new RegExp(String.raw`(?:^PING \S+ \(|Pinging \S+ \[|Pinging |正在 Ping \S+ \[|正在 Ping |^Ping \S+ \[|^Ping )(${IP})`, 'm'));
  const stats = statistics(text);
  const replies = (text.match(REPLY_WITH_TIME) ?? []).length;
  const unreachable = (text.match(UNREACHABLE_REPLY) ?? []).length;
  const rtt =
    capture(text, /(?:rtt|round-trip) min\/avg\/max\/(?:mdev|stddev) = ([\d./]+) ms/) ??
    capture(text, /(Minimum = \d+ms, Maximum = \d+ms, Average = \d+ms)/) ??
    capture(text, /(最短 = \d+ms，最长 = \d+ms，平均 = \d+ms)/) ??
    capture(text, /(最小值 = \d+ms，最大值 = \d+ms，平均 = \d+ms)/);
  // Windows counts "Destination host unreachable" replies as received: only timed replies are answers.
  const sent = stats?.sent;
  const answered = stats ? (unreachable > 0 ? Math.min(stats.received, replies) : stats.received) : replies;
  const who = target ?? 'The host';
  const details = { target, sent, received: answered, lossPercent: stats && unreachable === 0 ? stats.loss : undefined, rtt, unreachableReplies: unreachable || undefined };
  if (stats === undefined && replies === 0 && unreachable === 0) {
    if (/^Request timed out\.|^请求超时。/m.test(text)) return [finding('PING_UNREACHABLE', `${who} did not answer ping.`, details)];
    return [];
  }
  if (answered === 0) {
    const why = unreachable > 0 ? ' (destination unreachable)' : '';
    return [finding('PING_UNREACHABLE', `${who} did not answer any ping${why}; it may also block ICMP.`, { ...details, lossPercent: 100 })];
  }
  if (sent !== undefined && answered < sent) {
    const loss = details.lossPercent ?? Math.round(((sent - answered) / sent) * 100);
    return [finding('PING_LOSS', `${who} answered ${answered} of ${sent} pings (${loss}% lost).`, { ...details, lossPercent: loss })];
  }
  return [finding('PING_OK', `${who} answered every ping${sent ? ` (${answered}/${sent})` : ''}.`, details)];
}
