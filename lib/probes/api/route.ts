import 'server-only';
import { createProbeHandler, type ProbeHandler } from './handler';
import { errorResponse } from './json';

let defaultHandler: ProbeHandler | undefined;

/**
 * `POST /api/probe` as configured by the environment, for the route file to
 * bind to every method. Built on first use, so a build never reads probe settings.
 */
export async function handleProbeRequest(request: Request): Promise<Response> {
  try {
    defaultHandler ??= createProbeHandler();
  } catch (error) {
    // The setting's name and value go to the server log, not to the caller.
    console.error(`probe API misconfigured: ${(error as Error).message}`);
    return errorResponse(500, 'PROBE_MISCONFIGURED', 'the probe service is misconfigured; see the server log');
  }
  return defaultHandler(request);
}
