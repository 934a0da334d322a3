import type { CommandSpec } from './meta';
import type { ProbeType } from './types';

/**
 * What staff ask the customer to run when a probe cannot: the same check, by hand,
 * from the customer's machine. Read-only commands only.
 */
export const MANUAL_COMMANDS: Partial<Record<ProbeType, CommandSpec[]>> = {
  dns: [
    { platform: 'Windows', command: 'Resolve-DnsName {host}' },
    { platform: 'macOS', command: 'dscacheutil -q host -a name {host}' },
    { platform: 'Linux', command: 'getent ahosts {host}' },
  ],
  tcp: [
    { platform: 'Windows', command: 'Test-NetConnection {host} -Port {port}' },
    { platform: 'macOS', command: 'nc -vz -w 5 {host} {port}' },
    { platform: 'Linux', command: 'nc -vz -w 5 {host} {port}' },
  ],
  tls: [
    { platform: 'Windows', command: 'curl.exe -vI https://{host}:{port}/' },
    { platform: 'macOS', command: 'openssl s_client -connect {host}:{port} -servername {host} </dev/null' },
    { platform: 'Linux', command: 'openssl s_client -connect {host}:{port} -servername {host} </dev/null' },
  ],
  http: [
    { platform: 'Windows', command: 'curl.exe -v {url}' },
    { platform: 'macOS', command: 'curl -v {url}' },
    { platform: 'Linux', command: 'curl -v {url}' },
  ],
};
