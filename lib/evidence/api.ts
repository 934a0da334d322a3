import 'server-only';
import { z } from 'zod';
import type { Authorize } from '@/lib/auth';
import { errorResponse, jsonResponse, readJsonBody } from '@/lib/http/server';
import { MAX_OUTPUT_CHARS, parseCommandOutput } from './parse';

// A character may take up to 6 bytes in JSON (a \uXXXX escape): room for the longest text the schema accepts.
const MAX_BODY_BYTES = MAX_OUTPUT_CHARS * 6 + 1024;

/** The body of `POST /api/evidence/parse`: the pasted output, 1 to MAX_OUTPUT_CHARS characters. */
const parseRequestSchema = z.strictObject({
  text: z.string().min(1, 'must not be empty').max(MAX_OUTPUT_CHARS, `must be at most ${MAX_OUTPUT_CHARS} characters`),
});

/** What the handler needs: who may call (the same check as the case API). */
interface EvidenceApiDeps {
  authorize: Authorize;
}

/**
 * `POST /api/evidence/parse` `{ text }` → 200 with the parse (tool, os, findings) for a
 * signed-in agent or above; 401/403 otherwise, 400 naming `text` (or `body`) when the input is
 * wrong. Nothing is stored: a case records evidence through the case API.
 */
export function createEvidenceApi(deps: EvidenceApiDeps) {
  return {
    async parse(request: Request): Promise<Response> {
      const auth = await deps.authorize(request, 'agent');
      if (!auth.ok) return auth.response;
      const body = await readJsonBody(request, MAX_BODY_BYTES);
      if (!body.ok) return body.response;
      const parsed = parseRequestSchema.safeParse(body.value);
      if (!parsed.success) {
        const [issue] = parsed.error.issues;
        const field = issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path.length > 0 ? issue.path.join('.') : 'body';
        const message = issue.code === 'unrecognized_keys' ? 'is not a known field' : issue.code === 'invalid_type' ? 'must be a string' : issue.message;
        return errorResponse(400, 'INVALID_INPUT', `${field} ${message}`, { field });
      }
      return jsonResponse(200, parseCommandOutput(parsed.data.text));
    },
  };
}
