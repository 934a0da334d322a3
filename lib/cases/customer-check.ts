import 'server-only';
import { formatHostPort, isIpLiteral } from '@/lib/address';
import { checkAddress, type policyFromEnv } from '@/lib/probes/server';
import type { CaseRecord } from './contract';
import type { CheckPlan, SkipReason } from './customer-contract';

/** PROBE_ALLOW and PROBE_DENY as the probes read them. */
type TargetPolicy = ReturnType<typeof policyFromEnv>;

/** A name that always means this very computer, whatever DNS says (RFC 6761). */
const LOOPBACK_NAME = /(^|\.)localhost\.?$/i;

/**
 * Whether the target is an address the customer's browser must not be sent to: a private,
 * loopback or link-local literal (or `localhost`). From the customer's computer such an
 * address is their own network, not the path to the server, and Chrome's Private Network
 * Access refuses it from a public page anyway. PROBE_ALLOW opens it, as it does for the
 * server's probes, so an on-premises install (and the tests) can check a private server.
 */
function isPrivateTarget(host: string, policy: TargetPolicy): boolean {
  if (LOOPBACK_NAME.test(host)) return !checkAddress('127.0.0.1', policy).allowed;
  const bare = host.replace(/^\[|\]$/g, '');
  return isIpLiteral(bare) && !checkAddress(bare, policy).allowed;
}

/** Where the case's target is, read from its URL first, else its host and port. */
function endpointOf(target: CaseRecord['target']): { secure: boolean; host: string; port: number | null; url: string | null } | null {
  if (target?.url) {
    try {
      const url = new URL(target.url);
      const secure = url.protocol === 'https:';
      return { secure, host: url.hostname, port: url.port ? Number(url.port) : null, url: url.href };
    } catch {
      // A stored URL is always valid (the API checks it); fall through to the host.
    }
  }
  return target?.host ? { secure: true, host: target.host, port: target.port, url: null } : null;
}

/**
 * What "Check from my computer" may try for a case: an HTTPS and a WSS connection to the
 * target, each with its URL, or the reason it is skipped before anything connects (no target,
 * a plain-HTTP target the page may not reach (mixed content), a private address).
 */
export function planBrowserChecks(target: CaseRecord['target'], policy: TargetPolicy): CheckPlan {
  const endpoint = endpointOf(target);
  if (!endpoint) return [{ kind: 'https', url: '', run: false, reason: 'no-target' }, { kind: 'wss', url: '', run: false, reason: 'no-target' }];
  const hostPort = formatHostPort(endpoint.host.replace(/^\[|\]$/g, ''), endpoint.port ?? undefined);
  const web = endpoint.url ?? `https://${hostPort}/`;
  const socket = `${endpoint.secure ? 'wss' : 'ws'}://${hostPort}/`;
  let reason: SkipReason | null = null;
  if (!endpoint.secure) reason = 'mixed-content';
  else if (isPrivateTarget(endpoint.host, policy)) reason = 'private-address';
  return reason
    ? [{ kind: 'https', url: web, run: false, reason }, { kind: 'wss', url: socket, run: false, reason }]
    : [{ kind: 'https', url: web, run: true }, { kind: 'wss', url: socket, run: true }];
}
