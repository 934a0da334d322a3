import type { Metadata } from 'next';
import Link from 'next/link';
import { siteMessages } from '@/lib/i18n';
import './globals.css';

export const metadata: Metadata = { title: '404 · Fixpath' };

/** Unmatched URLs outside a language (e.g. `/fr/…`): the language cannot be told, so both are shown. */
export default function GlobalNotFound() {
  return (
    <html lang="zh-CN">
      <body className="bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">
        <main className="mx-auto max-w-xl px-4 py-16">
          <h1 className="text-2xl font-bold">{siteMessages.zh.notFoundTitle}</h1>
          <p className="mt-2">{siteMessages.zh.notFoundBody}</p>
          <p className="mt-2">
            <Link className="text-blue-800 underline dark:text-blue-300" href="/zh">{siteMessages.zh.notFoundBack}</Link>
          </p>
          <div lang="en" className="mt-10">
            <h2 className="text-xl font-bold">{siteMessages.en.notFoundTitle}</h2>
            <p className="mt-2">{siteMessages.en.notFoundBody}</p>
            <p className="mt-2">
              <Link className="text-blue-800 underline dark:text-blue-300" href="/en">{siteMessages.en.notFoundBack}</Link>
            </p>
          </div>
        </main>
      </body>
    </html>
  );
}
