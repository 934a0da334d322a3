/** The security headers' policy (plain strings, safe anywhere): next.config.ts and proxy.ts share it. */
export { contentSecurityPolicy, newNonce, securityHeaderRules, usesNonce } from './security-headers';
