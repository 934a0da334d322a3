import type { ParsedOutput, Tool } from './types';
import { looksLikeCurl } from './tools/curl';
import { looksLikeDig, looksLikeNslookup } from './tools/dns';
import { looksLikeOpenssl } from './tools/openssl';
import { looksLikePing } from './tools/ping';
import { looksLikeInvokeWebRequest, looksLikeResolveDnsName, looksLikeTestNetConnection } from './tools/powershell';
import { looksLikeTracepath, looksLikeTraceroute, looksLikeTracert } from './tools/trace';

// Most distinctive first: PowerShell cmdlets name themselves, curl and openssl have fixed markers,
// while ping's wording also appears inside traces and Test-NetConnection.
const DETECTORS: [Exclude<Tool, 'unknown'>, (text: string) => boolean][] = [
  ['test-netconnection', looksLikeTestNetConnection],
  ['resolve-dnsname', looksLikeResolveDnsName],
  ['invoke-webrequest', looksLikeInvokeWebRequest],
  ['curl', looksLikeCurl],
  ['openssl-s_client', looksLikeOpenssl],
  ['dig', looksLikeDig],
  ['tracert', looksLikeTracert],
  ['traceroute', looksLikeTraceroute],
  ['tracepath', looksLikeTracepath],
  ['nslookup', looksLikeNslookup],
  ['ping', looksLikePing],
];

/** Which tool wrote the text, or `unknown`. */
export function detectTool(text: string): Tool {
  return DETECTORS.find(([, looksLike]) => looksLike(text))?.[0] ?? 'unknown';
}

const WINDOWS_ONLY: Tool[] = ['test-netconnection', 'resolve-dnsname', 'invoke-webrequest', 'tracert'];

/** The OS the text shows it ran on, when it shows it; undefined otherwise. */
export function detectOs(text: string, tool: Tool): ParsedOutput['os'] {
  if (WINDOWS_ONLY.includes(tool)) return 'windows';
  if (/^PS [A-Z]:\\|^[A-Z]:\\.*>|schannel|Pinging \S+ .*with \d+ bytes|正在 Ping|Ping \S+ .*\(使用 \d+ 位元組|Ping 统计信息|Ping 統計資料|^Server:  \S+\r?$|^服务器:  |^Non-authoritative answer:\n(?:Name|名称):    /m.test(text)) return 'windows';
  if (/apple-darwin|SecureTransport|LibreSSL|round-trip min\/avg\/max\/stddev|\d+ hops max, 52 byte packets|ping: cannot resolve/.test(text)) return 'macos';
  if (/pc-linux-gnu|-Debian|-Ubuntu|\.el\d|\d+\(\d+\) bytes of data|rtt min\/avg\/max\/mdev|\d+ hops max, 60 byte packets|^[ \t]+Resume: pmtu|CApath: \/etc\/ssl\/certs|^Address:\t\S+#\d+$/m.test(text)) return 'linux';
  if (tool === 'tracepath') return 'linux';
  return undefined;
}
