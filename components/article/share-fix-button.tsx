'use client';

import { useId, useState } from 'react';
import { fixLinkPath } from '@/lib/content';
import { type Locale, articleMessages } from '@/lib/i18n';
import { CopyButton } from '../copy-button';

/** Under each fix: copies the customer link to just this fix, filled in with their host and port. */
export function ShareFixButton({ lang, slug, fixId, host = '', port = '' }: { lang: Locale; slug: string; fixId: string; host?: string; port?: string }) {
  const t = articleMessages[lang];
  const id = useId();
  const [values, setValues] = useState({ host, port });
  const link = () => {
    const portNumber = Number(values.port);
    const path = fixLinkPath(lang, slug, fixId, {
      host: values.host.trim() || undefined,
      port: Number.isInteger(portNumber) && portNumber > 0 ? portNumber : undefined,
    });
    return `${window.location.origin}${path}`;
  };
  return (
    <details className="not-prose my-4 text-sm print:hidden">
      <summary className="cursor-pointer text-blue-800 dark:text-blue-300">{t.shareWithCustomer}</summary>
      <div className="mt-2 flex flex-wrap items-end gap-2 rounded border border-slate-200 p-3 dark:border-slate-700">
        <p className="w-full text-slate-600 dark:text-slate-400">{t.shareHint}</p>
        <label htmlFor={`${id}-host`} className="flex flex-col">
          {t.customerHost}
          <input id={`${id}-host`} value={values.host} onChange={(e) => setValues({ ...values, host: e.target.value })} className="rounded border border-slate-400 px-2 py-1 dark:bg-slate-900" placeholder="api.example.com" />
        </label>
        <label htmlFor={`${id}-port`} className="flex flex-col">
          {t.customerPort}
          <input id={`${id}-port`} value={values.port} inputMode="numeric" onChange={(e) => setValues({ ...values, port: e.target.value })} className="w-24 rounded border border-slate-400 px-2 py-1 dark:bg-slate-900" placeholder="443" />
        </label>
        <CopyButton text={link} label={t.copyCustomerLink} copiedLabel={t.copied} failedLabel={t.copyFailed} className="py-1" />
      </div>
    </details>
  );
}
