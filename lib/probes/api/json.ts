import 'server-only';
import { errorResponse as httpErrorResponse } from '@/lib/http/server';
import type { ProbeErrorCode } from '../contract/errors';

export { jsonResponse, readBodyCapped } from '@/lib/http/server';

/** An error response in the probe API's shape, `{ error: { code, message, field? } }`, with the contract's codes. */
export function errorResponse(status: number, code: ProbeErrorCode, message: string, field?: string, headers: Record<string, string> = {}): Response {
  return httpErrorResponse(status, code, message, field ? { field } : {}, headers);
}
