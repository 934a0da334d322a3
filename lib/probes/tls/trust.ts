import 'server-only';
import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import tls from 'node:tls';

let fromEnv: string[] | undefined;

function certificatesFromEnv(): string[] {
  if (fromEnv) return fromEnv;
  const file = process.env.NODE_EXTRA_CA_CERTS;
  fromEnv = [];
  if (file) {
    try {
      fromEnv = readFileSync(file, 'utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
    } catch {
      // Node already warned at start-up that it could not read the file.
    }
  }
  return fromEnv;
}

const contexts = new WeakMap<readonly string[], tls.SecureContext>();

/**
 * Options for a verifying handshake. Without extra certificates nothing is
 * set, so Node uses its own store, which already includes
 * NODE_EXTRA_CA_CERTS. With them, a secure context holding Node's bundled
 * roots, the env file and the extras (a `ca` option replaces the default
 * store) is built once per list and reused: building it costs tens of ms.
 */
export function trustOptions(extraCa: readonly string[] | undefined): { secureContext?: tls.SecureContext } {
  if (!extraCa?.length) return {};
  let secureContext = contexts.get(extraCa);
  if (!secureContext) {
    secureContext = tls.createSecureContext({ ca: [...tls.rootCertificates, ...certificatesFromEnv(), ...extraCa] });
    contexts.set(extraCa, secureContext);
  }
  return { secureContext };
}

let bundled: Set<string> | undefined;
const fingerprintSets = new WeakMap<readonly string[], Set<string>>();

const fingerprintsOf = (pems: readonly string[]) => pems.map((pem) => new X509Certificate(pem).fingerprint256);

/**
 * The SHA-256 fingerprints of every certificate a verifying handshake trusts
 * (Node's bundled roots, NODE_EXTRA_CA_CERTS, the extras), to tell whether a
 * chain ends in the store when OpenSSL reported only a date. Parsed once.
 */
export function trustedFingerprints(extraCa: readonly string[] | undefined): Set<string> {
  bundled ??= new Set(fingerprintsOf([...tls.rootCertificates, ...certificatesFromEnv()]));
  if (!extraCa?.length) return bundled;
  let set = fingerprintSets.get(extraCa);
  if (!set) {
    set = new Set([...bundled, ...fingerprintsOf(extraCa)]);
    fingerprintSets.set(extraCa, set);
  }
  return set;
}
