'use client';

import { flowMessages, type Locale } from '@/lib/i18n';
import type { StoredEvidence } from '@/lib/flows';

/**
 * "checked 14:03 by Li": when the server ran a probe (in the viewer's time zone, full date and
 * time on hover) and who ran it. The time is a `<time>`, so it also reads as a machine time.
 */
export function CheckedBy({ evidence, names, lang }: { evidence: StoredEvidence; names: Record<string, string>; lang: Locale }) {
  const at = new Date(evidence.ranAt);
  const time = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  const full = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium' }).format(at);
  const [before, after] = flowMessages[lang].checkedBy.split('{time}');
  const name = names[evidence.ranBy] ?? evidence.ranBy;
  return (
    <span data-checked-by={evidence.eventId}>
      {before.replace('{name}', name)}
      <time dateTime={evidence.ranAt} title={full}>{time}</time>
      {after.replace('{name}', name)}
    </span>
  );
}
