import 'server-only';
import { readFile, stat } from 'node:fs/promises';

/** The hosts file the system resolver reads before DNS. */
const SYSTEM_HOSTS_FILE = '/etc/hosts';

/** Names to their addresses, in file order, as one hosts file lists them. */
type HostsTable = ReadonlyMap<string, readonly string[]>;

/** Parses hosts-file text: `address name [aliases…]` per line, `#` starts a comment; names compare lowercased. */
export function parseHostsFile(text: string): HostsTable {
  const table = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const [address, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (!address || names.length === 0) continue;
    for (const name of names) {
      const key = name.toLowerCase().replace(/\.$/, '');
      const addresses = table.get(key) ?? [];
      if (!addresses.includes(address)) addresses.push(address);
      table.set(key, addresses);
    }
  }
  return table;
}

/**
 * Looks names up in a hosts file the way getaddrinfo does first, re-reading the file only when
 * it changed. A missing or unreadable file is an empty table, as it is to the system resolver.
 */
export function hostsFileReader(path: string = SYSTEM_HOSTS_FILE): (name: string) => Promise<readonly string[] | undefined> {
  let cached: { mtimeMs: number; table: HostsTable } | undefined;
  return async (name) => {
    try {
      const { mtimeMs } = await stat(path);
      if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, table: parseHostsFile(await readFile(path, 'utf8')) };
    } catch {
      cached = { mtimeMs: -1, table: new Map() };
    }
    return cached.table.get(name.toLowerCase());
  };
}
