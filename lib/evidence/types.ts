/** One fact the pasted output proves, named with a probe result code (or `TLS_REVOCATION_UNAVAILABLE`, `UNRECOGNISED`). */
export interface Finding {
  code: string;
  /** One short English sentence; the UI may word it again from `code`. */
  summary: string;
  /** What proves it: addresses, port, time, the certificate's notAfter, HTTP status, loss, last hop… */
  details: Record<string, unknown>;
}

/** The tools the parser reads. */
export type Tool =
  | 'curl'
  | 'test-netconnection'
  | 'resolve-dnsname'
  | 'nslookup'
  | 'dig'
  | 'ping'
  | 'tracert'
  | 'traceroute'
  | 'tracepath'
  | 'openssl-s_client'
  | 'invoke-webrequest'
  | 'unknown';

/** What one paste says: which tool wrote it, on which OS when the text tells, and the findings. */
export interface ParsedOutput {
  tool: Tool;
  os?: 'windows' | 'macos' | 'linux';
  findings: Finding[];
}
