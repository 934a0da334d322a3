import 'server-only';
import { z } from 'zod';
import { MAX_OUTPUT_CHARS, parseCommandOutput } from '@/lib/evidence';
import { jsonResponse } from '@/lib/http/server';
import type { CasesApiDeps } from './api';
import { bodyOf, guardedWith, notFound } from './guard';
import { appendEvent } from './store';

/** `POST /api/cases/:id/evidence`: command output staff paste from the ticket (curl -v, Test-NetConnection, dig…). */
const evidenceSchema = z.strictObject({
  text: z.string().refine((value) => value.trim() !== '', 'must not be empty').refine((value) => value.length <= MAX_OUTPUT_CHARS, `must be at most ${MAX_OUTPUT_CHARS} characters`),
});

/** The body cap: the longest paste the parser reads, as UTF-8 (up to 4 bytes a character) inside JSON. */
const MAX_EVIDENCE_BYTES = MAX_OUTPUT_CHARS * 4 + 1024;

/**
 * Staff evidence (docs/cases.md#evidence), agent role and up: `add` parses pasted output with
 * the one parser (`parseCommandOutput`) and stores it as an `evidence` event
 * `{source: 'staff', text, parsed}` by the caller; 201 with the event. The text is stored as
 * text: pages render it as a text node, never as HTML.
 */
export function createEvidenceApi(deps: Pick<CasesApiDeps, 'db' | 'authorize'>) {
  const guarded = guardedWith(deps);
  return {
    add: guarded<[string]>(async (request, caller, db, id) => {
      const body = await bodyOf(request, evidenceSchema, MAX_EVIDENCE_BYTES);
      if (!body.ok) return body.response;
      const { text } = body.value;
      const event = await appendEvent(db, id, 'evidence', { source: 'staff', text, parsed: parseCommandOutput(text) }, caller.user.id);
      return event ? jsonResponse(201, event) : notFound();
    }),
  };
}
