import 'server-only';
import { z } from 'zod';
import type { Authorize } from '@/lib/auth';
import { jsonResponse, readValidJson } from '@/lib/http/server';
import { MAX_OUTPUT_CHARS, parseCommandOutput } from './parse';

// A character may take up to 6 bytes in JSON (a \uXXXX escape): room for the longest text the schema accepts.
const MAX_BODY_BYTES = MAX_OUTPUT_CHARS * 6 + 1024;

/** The body of `POST /api/evidence/parse`: the pasted output, 1 to MAX_OUTPUT_CHARS characters. */
const parseRequestSchema = z.strictObject({
  text: z.string({ error: 'must be a string' }).min(1, 'must not be empty').max(MAX_OUTPUT_CHARS, `must be at most ${MAX_OUTPUT_CHARS} characters`),
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
      const body = await readValidJson(request, parseRequestSchema, MAX_BODY_BYTES);
      if (!body.ok) return body.response;
      return jsonResponse(200, parseCommandOutput(body.value.text));
    },
  };
}
