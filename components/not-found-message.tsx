'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';
import { DEFAULT_LOCALE, isLocale, siteMessages } from '@/lib/i18n';

/** The 404 text in the language of the URL (not-found files receive no params). */
export function NotFoundMessage() {
  const params = useParams<{ lang?: string }>();
  const lang = isLocale(params.lang) ? params.lang : DEFAULT_LOCALE;
  const t = siteMessages[lang];
  return (
    <div className="py-12">
      <h1 className="text-2xl font-bold">{t.notFoundTitle}</h1>
      <p className="mt-2">{t.notFoundBody}</p>
      <p className="mt-4">
        <Link href={`/${lang}`} className="text-blue-800 underline dark:text-blue-300">
          {t.notFoundBack}
        </Link>
      </p>
    </div>
  );
}
