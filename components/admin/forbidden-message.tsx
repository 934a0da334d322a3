'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { adminMessages, DEFAULT_LOCALE, isLocale } from '@/lib/i18n';

/**
 * What a signed-in person below admin sees on an admin page (with a 403 status), in the page's
 * language: Next renders forbidden.tsx without params, so the language comes from the URL.
 */
export function ForbiddenMessage() {
  const { lang } = useParams<{ lang: string }>();
  const locale = isLocale(lang) ? lang : DEFAULT_LOCALE;
  const t = adminMessages[locale];
  return (
    <div>
      <h1 className="text-2xl font-bold">{t.forbiddenTitle}</h1>
      <p className="mt-2 max-w-prose text-slate-700 dark:text-slate-300">{t.forbiddenText}</p>
      <p className="mt-4">
        <Link href={`/${locale}`} className="text-blue-800 underline hover:no-underline dark:text-blue-300">
          {t.backHome}
        </Link>
      </p>
    </div>
  );
}
