import { handleSetupRequest } from '@/lib/auth/server';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** First run: creates the first admin with the setup code from the server log. */
const handle = (request: Request): Promise<Response> => handleSetupRequest(request);

export const POST = handle;
export const GET = handle;
