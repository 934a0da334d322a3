import { handleUsersRequest } from '@/lib/auth/server';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The people a case can be handed to: `{ items: [{ id, name, email, role }] }`. */
export const GET = (request: Request): Promise<Response> => handleUsersRequest(request);

/** An admin adds a person: `{ email, name?, role, password }` → 201 `{ id, email, name, role }`. */
export const POST = (request: Request): Promise<Response> => handleUsersRequest(request);
