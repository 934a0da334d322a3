import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Whether the request carries `Authorization: Bearer <token>` with the
 * configured token. Both sides are hashed first so the comparison is
 * constant-time whatever the lengths.
 */
export function hasBearerToken(request: Request, token: string): boolean {
  const header = request.headers.get('authorization') ?? '';
  const match = header.match(/^Bearer\s+(.+)$/i);
  const given = match ? match[1].trim() : '';
  return timingSafeEqual(digest(given), digest(token)) && given.length > 0;
}
