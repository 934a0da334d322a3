import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { forbidden, notFound, redirect } from 'next/navigation';
import { AuditTable } from '@/components/admin/audit-table';
import { requireRole } from '@/lib/auth';
import { auditLog, AUDIT_KINDS, pageCaller } from '@/lib/auth/server';
import { adminMessages, isLocale } from '@/lib/i18n';

// Who is asking and what the log holds are questions for the database at request time.
export const dynamic = 'force-dynamic';

/** Rows per page. */
const PAGE_SIZE = 50;

export async function generateMetadata({ params }: { params: Promise<{ lang: string }> }): Promise<Metadata> {
  const { lang } = await params;
  return isLocale(lang) ? { title: adminMessages[lang].auditTitle, robots: { index: false } } : {};
}

type Search = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (typeof value === 'string' && value ? value : undefined);

/** The audit log for admins: newest first, by kind and by user, keyset pages of PAGE_SIZE. */
export default async function AuditPage({ params, searchParams }: { params: Promise<{ lang: string }>; searchParams: Promise<Search> }) {
  const { lang } = await params;
  if (!isLocale(lang)) notFound();
  const search = await searchParams;
  const kind = one(search.kind);
  const userId = one(search.user);
  const beforeText = one(search.before);
  const before = beforeText && /^\d{1,15}$/.test(beforeText) ? Number(beforeText) : undefined;
  const t = adminMessages[lang];

  const caller = await pageCaller(await headers());
  if (caller === null) {
    const here = `/${lang}/admin/audit${beforeText || kind || userId ? `?${new URLSearchParams(Object.entries({ kind, user: userId, before: beforeText }).filter((entry): entry is [string, string] => entry[1] !== undefined))}` : ''}`;
    redirect(`/${lang}/sign-in?next=${encodeURIComponent(here)}`);
  }
  if (caller !== 'unavailable' && !requireRole(caller, 'admin').ok) forbidden();
  const page = caller === 'unavailable' ? 'unavailable' : await auditLog({ kind, userId, before, limit: PAGE_SIZE });

  const query = (extra: Record<string, string | undefined>) => {
    const entries = Object.entries({ kind, user: userId, ...extra }).filter((entry): entry is [string, string] => entry[1] !== undefined);
    return entries.length > 0 ? `?${new URLSearchParams(entries)}` : '';
  };
  const select = 'mt-1 block rounded border border-slate-500 px-2 py-1.5 dark:bg-slate-900';
  const button = 'rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600';
  const link = 'text-blue-800 underline hover:no-underline dark:text-blue-300';
  return (
    <div>
      <h1 className="text-2xl font-bold">{t.auditTitle}</h1>
      <p className="mt-2 max-w-prose text-slate-700 dark:text-slate-300">{t.auditIntro}</p>
      {page === 'unavailable' ? (
        <p role="alert" className="mt-4 text-red-800 dark:text-red-300">
          {t.unavailable}
        </p>
      ) : (
        <>
          <form method="get" className="mt-6 flex flex-wrap items-end gap-4" aria-label={t.filters}>
            <div>
              <label htmlFor="audit-kind" className="font-medium">
                {t.kind}
              </label>
              <select id="audit-kind" name="kind" defaultValue={kind ?? ''} className={select}>
                <option value="">{t.allKinds}</option>
                {[...new Set([...AUDIT_KINDS, ...(kind ? [kind] : [])])].map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="audit-user" className="font-medium">
                {t.user}
              </label>
              <select id="audit-user" name="user" defaultValue={userId ?? ''} className={select}>
                <option value="">{t.allUsers}</option>
                {page.users.map((user) => (
                  <option key={user.id} value={user.id}>
                    {user.name} ({user.email})
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className={button}>
              {t.apply}
            </button>
          </form>
          {page.rows.length > 0 ? <AuditTable rows={page.rows} lang={lang} /> : <p className="mt-6">{t.noRows}</p>}
          <nav aria-label={t.pages} className="mt-4 flex gap-6">
            {before !== undefined ? (
              <Link href={`/${lang}/admin/audit${query({})}`} className={link}>
                {t.newest}
              </Link>
            ) : null}
            {page.next !== null ? (
              <Link href={`/${lang}/admin/audit${query({ before: String(page.next) })}`} className={link} rel="next">
                {t.older}
              </Link>
            ) : null}
          </nav>
        </>
      )}
    </div>
  );
}
