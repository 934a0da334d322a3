'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { casePageMessages, type Locale } from '@/lib/i18n';
import { LocalTime } from './local-time';
import { fillSlots } from './slots';

/** The customer fixes of each language, grouped by article, as the page read them from the content. */
export type CustomerFixes = Record<Locale, Array<{ slug: string; title: string; fixes: Array<{ id: string; title: string }> }>>;

/** A customer link as the case page lists it (never its token, which is not stored). */
export interface SentLink {
  id: string;
  slug: string;
  fixId: string;
  lang: Locale;
  state: 'open' | 'expired' | 'revoked';
  createdAt: string;
  firstOpenedAt: string | null;
}

const BUTTON = 'rounded border border-slate-500 px-2 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:opacity-60 dark:hover:bg-slate-800';

/** One link: which fix, in which language, its state in words, and Revoke with an inline confirmation. */
function LinkItem({ lang, caseId, link, title, now, onRevoked }: { lang: Locale; caseId: string; link: SentLink; title: string; now: number; onRevoked: (ok: boolean, message: string) => void }) {
  const t = casePageMessages[lang];
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  // Asking to confirm moves focus to the answer, so a keyboard user is where the choice is.
  useEffect(() => {
    if (confirming) yes.current?.focus();
  }, [confirming]);
  const time = (iso: string) => <LocalTime iso={iso} lang={lang} variant="short" now={now} />;
  const state = link.state === 'revoked' ? t.linkRevoked : link.state === 'expired' ? t.linkExpired : link.firstOpenedAt ? fillSlots(t.linkOpenedAt, { time: time(link.firstOpenedAt) }) : t.linkOpen;

  async function revoke() {
    setBusy(true);
    try {
      const response = await fetch(`/api/cases/${caseId}/links/${link.id}`, { method: 'DELETE' });
      onRevoked(response.ok, response.ok ? t.linkRevokedNow : t.failed.replace('{status}', String(response.status)));
    } catch {
      onRevoked(false, t.unavailable);
    }
    setBusy(false);
    setConfirming(false);
  }

  return (
    <li className="rounded border border-slate-200 p-2 dark:border-slate-700" data-link-state={link.state} data-link-id={link.id}>
      <p className="break-words">
        <span className="font-medium">{title}</span> <span className="text-sm">({link.lang === 'zh' ? t.langZh : t.langEn})</span>
      </p>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        <span data-testid="link-state">{state}</span> · {fillSlots(t.linkSentAt, { time: time(link.createdAt) })}
      </p>
      {link.state === 'open' ? (
        confirming ? (
          <div role="group" aria-label={t.revoke} className="mt-1 flex flex-wrap items-center gap-2">
            <p className="text-sm">{t.revokeConfirm}</p>
            <button type="button" disabled={busy} onClick={revoke} className={`${BUTTON} border-red-700 text-red-800 dark:text-red-300`} ref={yes}>
              {t.revokeYes}
            </button>
            <button type="button" onClick={() => setConfirming(false)} className={BUTTON}>
              {t.revokeNo}
            </button>
          </div>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} className={`${BUTTON} mt-1`} aria-label={`${t.revoke}: ${title}`}>
            {t.revoke}
          </button>
        )
      ) : null}
    </li>
  );
}

/** The case's customer links, newest first, with their state and Revoke. */
export function LinkList({ lang, caseId, links, fixes, now }: { lang: Locale; caseId: string; links: SentLink[]; fixes: CustomerFixes; now: number }) {
  const t = casePageMessages[lang];
  const router = useRouter();
  const [message, setMessage] = useState('');
  const titleOf = (link: SentLink) => {
    const group = fixes[link.lang].find((candidate) => candidate.slug === link.slug);
    const fix = group?.fixes.find((candidate) => candidate.id === link.fixId);
    return fix && group ? `${group.title}: ${fix.title}` : `${link.slug}#${link.fixId}`;
  };
  return (
    <div className="mt-4">
      <h3 className="font-semibold">{t.linksTitle}</h3>
      {links.length === 0 ? (
        <p className="mt-1 text-sm">{t.noLinks}</p>
      ) : (
        <ul className="mt-1 grid gap-2" data-testid="links">
          {links.map((link) => (
            <LinkItem
              key={link.id}
              lang={lang}
              caseId={caseId}
              link={link}
              title={titleOf(link)}
              now={now}
              onRevoked={(ok, text) => {
                setMessage(text);
                if (ok) router.refresh();
              }}
            />
          ))}
        </ul>
      )}
      <p role="status" className="mt-1 text-sm empty:hidden">
        {message}
      </p>
    </div>
  );
}
