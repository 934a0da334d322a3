import 'server-only';
import type { AuthService } from '../service';

/**
 * `GET /api/me`: `{ user: { id, email, name, role } | null, via? }` for the site header. A
 * signed-out visitor gets 200 with `user: null`, not a 401, so every page view does not log
 * a failed request in the browser console.
 */
export async function handleMe(service: AuthService, request: Request): Promise<Response> {
  const identity = await service.identify(request);
  const caller = identity && 'caller' in identity ? identity.caller : null;
  return Response.json(caller ? { user: caller.user, via: caller.via } : { user: null }, { headers: { 'cache-control': 'no-store' } });
}
