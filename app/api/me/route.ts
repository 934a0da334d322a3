import { handleMeRequest } from '@/lib/auth/server';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Who is signed in, for the site header. */
export const GET = (request: Request): Promise<Response> => handleMeRequest(request);
