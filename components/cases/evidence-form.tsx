'use client';

import { casePageMessages, format, type Locale } from '@/lib/i18n';
import { TextPostForm } from './text-post-form';

/** Longest paste the server's parser reads (MAX_OUTPUT_CHARS of `@/lib/evidence`). */
const MAX_CHARS = 100_000;

/** The codes the parser found, from the created `evidence` event. */
function codesOf(created: unknown): string[] {
  const findings = (created as { payload?: { parsed?: { findings?: Array<{ code?: string }> } } } | null)?.payload?.parsed?.findings ?? [];
  return findings.map((finding) => finding.code ?? '?');
}

/**
 * "Paste command output": staff paste what the customer sent (curl -v, Test-NetConnection,
 * dig…) to `POST /api/cases/:id/evidence`; the server parses it with the one parser and stores
 * it as an `evidence` event, and the form says which codes it found.
 */
export function EvidenceForm({ lang, caseId }: { lang: Locale; caseId: string }) {
  const t = casePageMessages[lang];
  return (
    <TextPostForm
      lang={lang}
      id="case-evidence"
      action={`/api/cases/${caseId}/evidence`}
      heading={t.pasteTitle}
      label={t.pasteLabel}
      hint={t.pasteHint}
      submitLabel={t.pasteSubmit}
      busyLabel={t.pasting}
      maxLength={MAX_CHARS}
      rows={5}
      code
      savedMessage={(created) => format(t.pasteSaved, { codes: codesOf(created).join(t.listSeparator) })}
    />
  );
}
