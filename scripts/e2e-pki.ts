/**
 * Writes the end-to-end tests' private PKI to the folder given as the only
 * argument, before the web server starts: the server trusts its root through
 * NODE_EXTRA_CA_CERTS (read at start-up), so the "expired certificate" target
 * of tests/fixtures/flows/loopback-servers.ts is expired and nothing else.
 * Without that trust the TLS probe rightly reports an untrusted root first.
 */
import { cpSync } from 'node:fs';
import { generateTestPki } from '../tests/fixtures/probes/certs';

const target = process.argv[2];
if (!target) throw new Error('usage: tsx scripts/e2e-pki.ts <folder>');
const pki = generateTestPki();
cpSync(pki.dir, target, { recursive: true });
pki.cleanup();
