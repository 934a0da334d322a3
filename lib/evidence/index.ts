/**
 * Pasted command output (curl -v, Test-NetConnection, nslookup, dig, ping, traceroute,
 * openssl s_client, …) read into findings with the probe result codes. Browser-safe.
 */
export { MAX_OUTPUT_CHARS, parseCommandOutput } from './parse';
export type { Finding, ParsedOutput } from './types';
