import 'server-only';
import { genericOAuth } from 'better-auth/plugins/generic-oauth';

/** The single sign-on provider's id in better-auth's routes: `/api/auth/callback/oidc`. */
export const OIDC_PROVIDER_ID = 'oidc';

/** An OpenID Connect provider to sign in with, from OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET. */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

const VARIABLES = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;

/** The provider the environment names, null when none of the three is set; throws naming what is missing or wrong. */
export function oidcConfigFromEnv(env: Record<string, string | undefined>): OidcConfig | null {
  const [issuer, clientId, clientSecret] = VARIABLES.map((name) => env[name]?.trim() ?? '');
  if (!issuer && !clientId && !clientSecret) return null;
  const missing = VARIABLES.filter((_, index) => ![issuer, clientId, clientSecret][index]);
  if (missing.length > 0) throw new Error(`single sign-on needs ${missing.join(' and ')} as well (or unset all of ${VARIABLES.join(', ')})`);
  if (!/^https?:\/\//.test(issuer)) throw new Error(`OIDC_ISSUER must be an http(s) URL, not "${issuer}"`);
  return { issuer: issuer.replace(/\/+$/, ''), clientId, clientSecret };
}

/**
 * better-auth's generic OAuth plugin for the provider: discovery from the issuer, the
 * authorization code flow with PKCE, `openid email profile`. A first sign-in creates an
 * `agent`; an existing user with the same email is linked.
 */
export function oidcPlugin(config: OidcConfig) {
  return genericOAuth({
    config: [
      {
        providerId: OIDC_PROVIDER_ID,
        discoveryUrl: `${config.issuer}/.well-known/openid-configuration`,
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        scopes: ['openid', 'email', 'profile'],
        pkce: true,
      },
    ],
  });
}
