'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { CopyButton, CopyIcon } from '@/components/copy-button';
import { casePageMessages, LOCALES, type Locale } from '@/lib/i18n';
import { apiProblem } from './api-problem';
import { LinkList, type CustomerFixes, type SentLink } from './link-list';

const SELECT = 'mt-1 block w-full rounded border border-slate-500 px-2 py-1.5 dark:bg-slate-900';
const PRIMARY = 'rounded bg-blue-700 px-3 py-1.5 font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60';

/**
 * "Send to customer": the agent picks a customer fix (grouped by article, in the customer's
 * language), the customer's language (the case's by default) and whether the customer's
 * "fixed" resolves the case; `POST /api/cases/:id/links` makes the link, whose URL is shown
 * once with a copy button (the token is not stored, so it cannot be shown again). Below, the
 * case's links with their state, each open one revocable.
 */
export function SendToCustomer({ lang, caseId, caseLang, fixes, links, now }: { lang: Locale; caseId: string; caseLang: Locale; fixes: CustomerFixes; links: SentLink[]; now: number }) {
  const t = casePageMessages[lang];
  const router = useRouter();
  const [customerLang, setCustomerLang] = useState<Locale>(caseLang);
  const [fix, setFix] = useState('');
  const [resolveOnFixed, setResolveOnFixed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');
  const [url, setUrl] = useState<string | null>(null);
  const shown = useRef<HTMLInputElement>(null);
  // The URL is the one thing to act on once made: focus it, selected for copying.
  useEffect(() => {
    if (!url) return;
    shown.current?.focus();
    shown.current?.select();
  }, [url]);
  const groups = fixes[customerLang];
  // A fix has the same id in both languages, so the choice survives a change of language.
  const chosen = groups.some((group) => group.fixes.some((candidate) => `${group.slug}#${candidate.id}` === fix)) ? fix : '';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const [slug, fixId] = chosen.split('#');
    setBusy(true);
    setProblem('');
    setUrl(null);
    try {
      const response = await fetch(`/api/cases/${caseId}/links`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ slug, fixId, lang: customerLang, resolveOnFixed }) });
      if (response.ok) {
        const created = (await response.json()) as { url: string };
        setUrl(new URL(created.url, window.location.origin).toString());
        router.refresh();
      } else if (response.status === 422) {
        setProblem(t.fixNotForCustomers);
      } else {
        setProblem((await apiProblem(response, t, { slug: t.sendFix, fixId: t.sendFix, lang: t.sendLang })).text);
      }
    } catch {
      setProblem(t.unavailable);
    }
    setBusy(false);
  }

  return (
    <section aria-labelledby="send-heading" className="mb-8">
      <h2 id="send-heading" className="text-lg font-semibold">
        {t.sendTitle}
      </h2>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{t.sendIntro}</p>
      <form onSubmit={submit} aria-label={t.sendTitle} className="mt-2 grid gap-3 sm:grid-cols-[12rem_minmax(0,1fr)]">
        <div>
          <label htmlFor="send-lang" className="block font-medium">
            {t.sendLang}
          </label>
          <select id="send-lang" value={customerLang} onChange={(event) => setCustomerLang(event.target.value as Locale)} className={SELECT}>
            {LOCALES.map((locale) => (
              <option key={locale} value={locale}>
                {locale === 'zh' ? t.langZh : t.langEn}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-0">
          <label htmlFor="send-fix" className="block font-medium">
            {t.sendFix}
          </label>
          <select id="send-fix" required value={chosen} onChange={(event) => setFix(event.target.value)} className={SELECT} aria-describedby={groups.length === 0 ? 'send-no-fixes' : undefined}>
            <option value="" disabled>
              {'—'}
            </option>
            {groups.map((group) => (
              <optgroup key={group.slug} label={group.title}>
                {group.fixes.map((candidate) => (
                  <option key={candidate.id} value={`${group.slug}#${candidate.id}`}>
                    {candidate.title}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          {groups.length === 0 ? (
            <p id="send-no-fixes" className="mt-1 text-sm">
              {t.sendNoFixes}
            </p>
          ) : null}
        </div>
        <label className="flex items-start gap-2 sm:col-span-2">
          <input type="checkbox" checked={resolveOnFixed} onChange={(event) => setResolveOnFixed(event.target.checked)} className="mt-1 size-4" />
          <span>{t.resolveOnFixed}</span>
        </label>
        <div className="sm:col-span-2">
          <button type="submit" disabled={busy || chosen === ''} className={PRIMARY}>
            {busy ? t.creatingLink : t.createLink}
          </button>
        </div>
      </form>
      <p role="alert" className="mt-2 text-sm text-red-800 empty:hidden dark:text-red-300">
        {problem}
      </p>
      {url ? (
        <div className="mt-3 rounded border border-green-700 p-3" data-testid="new-link">
          <label htmlFor="new-link-url" className="block font-medium">
            {t.linkReady}
          </label>
          <div className="mt-1 flex flex-wrap items-center gap-2">
            <input ref={shown} id="new-link-url" readOnly value={url} aria-describedby="new-link-once" className="min-w-0 flex-1 rounded border border-slate-500 px-2 py-1.5 font-mono text-sm dark:bg-slate-900" />
            <CopyButton text={url} label={t.copyLink} copiedLabel={t.copied} failedLabel={t.copyFailed} className="px-3 py-1.5 text-sm">
              <CopyIcon /> {t.copyLink}
            </CopyButton>
          </div>
          <p id="new-link-once" className="mt-1 text-sm font-medium">
            {t.shownOnce}
          </p>
        </div>
      ) : null}
      <LinkList lang={lang} caseId={caseId} links={links} fixes={fixes} now={now} />
    </section>
  );
}
