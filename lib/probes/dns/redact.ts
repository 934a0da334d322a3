import 'server-only';
import { checkAddress, type TargetPolicy } from '../policy/ranges';

/** One address record as the DNS probe reports it; `hidden` says why the address itself is not shown. */
export interface AddressRecord {
  address: string;
  ttl: number;
  hidden?: string;
}

/** What PROBE_DNS_ANSWERS may say: hide answers in ranges probes may not reach (default), or show them. */
export type DnsAnswerMode = 'redact' | 'show';

/** Reads PROBE_DNS_ANSWERS; anything but `show` keeps the default. */
export function dnsAnswerModeFromEnv(value: string | undefined): DnsAnswerMode {
  return value === 'show' ? 'show' : 'redact';
}

/**
 * Replaces each answer the target policy would refuse (private, loopback, metadata, PROBE_DENY…)
 * with the kind of range it is in (red-team L1: the probe must not map an internal network for
 * whoever can call it). The kind stays, because "this name resolves to a private address" is
 * itself the finding a desk needs for split-horizon DNS; the address does not.
 */
export function redactRecords(records: readonly AddressRecord[], policy: TargetPolicy, mode: DnsAnswerMode): AddressRecord[] {
  if (mode === 'show') return [...records];
  return records.map((record) => {
    const decision = checkAddress(record.address, policy);
    return decision.allowed ? record : { address: `hidden (${decision.reason})`, ttl: record.ttl, hidden: decision.reason };
  });
}
