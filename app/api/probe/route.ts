import { handleProbeRequest } from '@/lib/probes/handler';

// Probes open sockets and run system tools: Node only, never the edge runtime.
export const runtime = 'nodejs';

/** Runs one probe: a thin adapter over the framework-free handler in lib/probes. */
export async function POST(request: Request): Promise<Response> {
  return handleProbeRequest(request);
}

/** Other methods get the handler's 405 with `Allow: POST`. */
export async function GET(request: Request): Promise<Response> {
  return handleProbeRequest(request);
}

/** See GET. */
export async function PUT(request: Request): Promise<Response> {
  return handleProbeRequest(request);
}

/** See GET. */
export async function PATCH(request: Request): Promise<Response> {
  return handleProbeRequest(request);
}

/** See GET. */
export async function DELETE(request: Request): Promise<Response> {
  return handleProbeRequest(request);
}
