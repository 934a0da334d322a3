'use client';

import type { LinkNotice } from '@/lib/flows';
import { format, flowMessages, type Locale } from '@/lib/i18n';

/** Says that a link could not be read, or no longer fits the flow and where it resumed. */
export function LinkNoticeView({ notice, lang }: { notice: LinkNotice; lang: Locale }) {
  const t = flowMessages[lang];
  const text =
    notice.kind === 'unreadable'
      ? format(t.linkUnreadable, { reason: { version: t.reasonVersion, payload: t.reasonPayload, format: t.reasonFormat, 'other-flow': t.reasonOtherFlow }[notice.reason] })
      : `${format(t.linkStale, { fitted: notice.fitted, total: notice.total })}${notice.versionChanged ? ` ${t.linkVersion}` : ''}`;
  return (
    <p role="status" data-link-notice={notice.kind} className="mt-4 rounded border border-amber-600 bg-amber-50 p-3 text-amber-950 dark:bg-amber-950 dark:text-amber-50">
      {text}
    </p>
  );
}
