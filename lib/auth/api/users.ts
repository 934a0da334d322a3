import 'server-only';
import { jsonResponse } from '@/lib/http/server';
import { errorResponse } from '../errors';
import type { AuthService } from '../service';
import { listActiveUsers } from '../users';

/** Whether the caller holds the agent role: nothing to do, or the 401/403/503 response to send. */
type AgentCheck = (request: Request) => Promise<{ ok: true } | { ok: false; response: Response }>;

/**
 * `GET /api/users`: `{ items: [{ id, name, email, role }] }`, everyone who can sign in, by name,
 * for the assignee picker of a case. `asAgent` is runtime.ts's authorize for the agent role
 * (passed in, so this module does not import the runtime that binds it).
 */
export async function handleUsers(service: AuthService, request: Request, asAgent: AgentCheck): Promise<Response> {
  if (request.method !== 'GET') return errorResponse(405, 'METHOD_NOT_ALLOWED', 'use GET', { allow: 'GET' });
  const auth = await asAgent(request);
  if (!auth.ok) return auth.response;
  return jsonResponse(200, { items: await listActiveUsers(service.db) });
}
