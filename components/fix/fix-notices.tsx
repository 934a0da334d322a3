import type { IgnoredValue } from '@/lib/content';
import { format, fixMessages } from '@/lib/i18n';
import type { Locale } from '@/lib/i18n';

/** Says, as plain text, which values of a fix link were not usable, and why the fix it names is not shown (`unknown`, or for `staff`). */
export function FixNotices({ lang, ignored, fixNotice }: { lang: Locale; ignored: IgnoredValue[]; fixNotice?: 'unknown' | 'staff' }) {
  const t = fixMessages[lang];
  const notices = ignored.map((value) => format(value.field === 'host' ? t.ignoredHost : t.ignoredPort, { value: value.value }));
  if (fixNotice) notices.push(fixNotice === 'staff' ? t.staffFix : t.unknownFix);
  if (notices.length === 0) return null;
  return (
    <ul role="status" className="my-4 space-y-1 rounded border border-amber-400 bg-amber-50 p-3 text-amber-950 dark:bg-amber-950 dark:text-amber-50">
      {notices.map((notice) => <li key={notice}>{notice}</li>)}
    </ul>
  );
}
