import { handleAuthRequest } from '@/lib/auth/server';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** better-auth's endpoints (sign-in, sign-out, session): a thin adapter over lib/auth. */
const handle = (request: Request): Promise<Response> => handleAuthRequest(request);

export const GET = handle;
export const POST = handle;
