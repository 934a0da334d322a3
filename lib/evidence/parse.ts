import type { Finding, ParsedOutput, Tool } from './types';
import { detectOs, detectTool } from './detect';
import { normalise, unrecognised } from './text';
import { parseCurl } from './tools/curl';
import { parseDig, parseNslookup } from './tools/dns';
import { parseOpenssl } from './tools/openssl';
import { parsePing } from './tools/ping';
import { parseInvokeWebRequest, parseResolveDnsName, parseTestNetConnection } from './tools/powershell';
import { parseTracepath, parseTraceroute, parseTracert } from './tools/trace';

/** Longest paste the parser reads; the rest is cut off, never an error. */
export const MAX_OUTPUT_CHARS = 100_000;

const PARSERS: Record<Exclude<Tool, 'unknown'>, (text: string) => Finding[]> = {
  curl: parseCurl,
  'test-netconnection': parseTestNetConnection,
  'resolve-dnsname': parseResolveDnsName,
  nslookup: parseNslookup,
  dig: parseDig,
  ping: parsePing,
  tracert: parseTracert,
  traceroute: parseTraceroute,
  tracepath: parseTracepath,
  'openssl-s_client': parseOpenssl,
  'invoke-webrequest': parseInvokeWebRequest,
};

/**
 * Reads pasted command output into findings with probe codes. Never throws: text it does not
 * know gives one `UNRECOGNISED` finding, and so does a known tool whose output shows no result.
 */
export function parseCommandOutput(text: string): ParsedOutput {
  try {
    const input = normalise(typeof text === 'string' ? text.slice(0, MAX_OUTPUT_CHARS) : '');
    const tool = detectTool(input);
    if (tool === 'unknown') return { tool, findings: [unrecognised()] };
    const os = detectOs(input, tool);
    const findings = PARSERS[tool](input);
    return { tool, ...(os ? { os } : {}), findings: findings.length > 0 ? findings : [unrecognised(tool)] };
  } catch {
    // A parser bug must not reach the customer page: the text is kept as evidence either way.
    return { tool: 'unknown', findings: [unrecognised()] };
  }
}
