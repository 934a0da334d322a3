/** Where case events go and the key that signs them (FIXPATH_WEBHOOK_URL, FIXPATH_WEBHOOK_SECRET). */
export interface WebhookConfig {
  url: string;
  secret: string;
}

/** Shortest secret accepted: a guessable key would let anyone forge deliveries. */
const MIN_SECRET_LENGTH = 16;

/**
 * The webhook settings from the environment: null when FIXPATH_WEBHOOK_URL is unset. Throws
 * a message naming the variable when the URL is not http(s) or the secret is missing or
 * short, so the server refuses to start rather than send unsigned or unverifiable events.
 */
export function webhookConfigFromEnv(env: Readonly<Record<string, string | undefined>>): WebhookConfig | null {
  const url = env.FIXPATH_WEBHOOK_URL?.trim();
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`FIXPATH_WEBHOOK_URL is not a URL: "${url}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`FIXPATH_WEBHOOK_URL must be an http:// or https:// URL, not "${url}"`);
  const secret = env.FIXPATH_WEBHOOK_SECRET ?? '';
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `FIXPATH_WEBHOOK_URL is set but FIXPATH_WEBHOOK_SECRET is ${secret ? `shorter than ${MIN_SECRET_LENGTH} characters` : 'not set'}; every delivery is signed with it (e.g. FIXPATH_WEBHOOK_SECRET=$(openssl rand -hex 32))`,
    );
  }
  return { url: parsed.toString(), secret };
}

/** Whether case events are queued for the webhook: only while FIXPATH_WEBHOOK_URL is set, so an unused queue never grows. */
export function webhookEnabled(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return Boolean(env.FIXPATH_WEBHOOK_URL?.trim());
}
