'use client';

import { casePageMessages, type Locale } from '@/lib/i18n';
import { TextPostForm } from './text-post-form';

/** An internal note, posted to `POST /api/cases/:id/notes`; the timeline then shows it. */
export function NoteForm({ lang, caseId }: { lang: Locale; caseId: string }) {
  const t = casePageMessages[lang];
  return <TextPostForm lang={lang} id="case-note" action={`/api/cases/${caseId}/notes`} heading={t.notesTitle} label={t.noteLabel} submitLabel={t.addNote} busyLabel={t.adding} maxLength={10_000} rows={3} savedMessage={() => t.noteAdded} />;
}
