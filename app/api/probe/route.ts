import { handleProbeRequest } from '@/lib/access/server';

// Probes open sockets and run system tools: Node only, never the edge runtime.
export const runtime = 'nodejs';

/** Runs one probe: a thin adapter over the framework-free handler in lib/probes (Next's second argument is not passed on). */
const handle = (request: Request): Promise<Response> => handleProbeRequest(request);

export const POST = handle;
// Other methods reach the same handler, which answers 405 with `Allow: POST` (HEAD goes to GET).
// OPTIONS too, so it says `Allow: POST` rather than Next's automatic list of every export.
// Methods Next does not route (TRACE, CONNECT) get Next's own 400 before any route code runs.
export const GET = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
export const OPTIONS = handle;
