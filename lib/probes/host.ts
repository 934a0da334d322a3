// Transitional: lib/content/fix-link.ts still reads hosts through this path,
// in its old shape. It should use `parseHost` from `@/lib/address`; then
// delete this file. Probes themselves read every address through @/lib/address.
import { parseHost as readHost } from '@/lib/address';

/** A host read by `@/lib/address`, in the shape fix-link.ts expects. */
export function parseHost(raw: string): { kind: 'name'; name: string } | { kind: 'ip'; ip: string } | { problem: string } {
  const read = readHost(raw);
  if (!read.ok) return { problem: read.message };
  const { host, kind } = read.address;
  return kind === 'name' ? { kind, name: host } : { kind: 'ip', ip: host };
}
