import type { CaseStatus } from '@/lib/cases';
import { caseMessages, type Locale } from '@/lib/i18n';

const STATUS_KEY = { open: 'statusOpen', waiting: 'statusWaiting', resolved: 'statusResolved', closed: 'statusClosed' } as const;

const STATUS_CLASSES: Record<CaseStatus, string> = {
  open: 'bg-blue-100 text-blue-900 dark:bg-blue-950 dark:text-blue-100',
  waiting: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100',
  resolved: 'bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-100',
  closed: 'bg-slate-200 text-slate-900 dark:bg-slate-800 dark:text-slate-100',
};

/** A status in words ("waiting for the customer"), the same words the export uses. */
export function statusLabel(status: CaseStatus, lang: Locale): string {
  return caseMessages[lang][STATUS_KEY[status]];
}

/** A case's status as a small coloured badge, in words. */
export function StatusBadge({ status, lang }: { status: CaseStatus; lang: Locale }) {
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${STATUS_CLASSES[status]}`}>{statusLabel(status, lang)}</span>;
}
