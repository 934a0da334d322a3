import 'server-only';
import { z } from 'zod';
import { jsonResponse, readValidJson } from '@/lib/http/server';
import { recordAudit } from '../audit';
import { clientAddressOf } from '../client-address';
import { errorResponse } from '../errors';
import { ROLES, type Caller } from '../roles';
import type { AuthService } from '../service';
import { createUser, listActiveUsers, UserInputError } from '../users';

/** Whether the caller holds a role: the caller, or the 401/403/503 response to send. */
type RoleCheck = (request: Request, role: 'agent' | 'admin') => Promise<{ ok: true; caller: Caller } | { ok: false; response: Response }>;

/** `POST /api/users`: what an admin sends to add a person (the same checks as `user -- add`). */
const newUserSchema = z.strictObject({ email: z.string(), name: z.string().optional(), role: z.enum(ROLES), password: z.string() });

/**
 * `GET /api/users`: `{ items: [{ id, name, email, role }] }`, everyone who can sign in, by name,
 * for the assignee picker of a case (agent role or higher). `POST /api/users` (admins): adds a
 * person who signs in with email and password, hashed by better-auth; 201 with the user, 400
 * naming the field, 409 when the email is taken. `check` is runtime.ts's authorize (passed in,
 * so this module does not import the runtime that binds it).
 */
export async function handleUsers(service: AuthService, request: Request, check: RoleCheck): Promise<Response> {
  if (request.method === 'GET') {
    const auth = await check(request, 'agent');
    if (!auth.ok) return auth.response;
    return jsonResponse(200, { items: await listActiveUsers(service.db) });
  }
  if (request.method !== 'POST') return errorResponse(405, 'METHOD_NOT_ALLOWED', 'use GET or POST', { allow: 'GET, POST' });
  const auth = await check(request, 'admin');
  if (!auth.ok) return auth.response;
  const body = await readValidJson(request, newUserSchema, 4096);
  if (!body.ok) return body.response;
  try {
    const user = await createUser(service.db, body.value);
    await recordAudit(service.db, { kind: 'user-added', userId: user.id, address: clientAddressOf(request), detail: { email: user.email, role: user.role, by: auth.caller.user.id } });
    return jsonResponse(201, user);
  } catch (error) {
    if (!(error instanceof UserInputError)) throw error;
    return jsonResponse(error.conflict ? 409 : 400, { error: { code: error.conflict ? 'CONFLICT' : 'INVALID_INPUT', message: error.message, field: error.field } });
  }
}
