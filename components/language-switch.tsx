'use client';

import { usePathname } from 'next/navigation';
import type { MouseEvent } from 'react';
import { switchLocalePath, type Locale } from '@/lib/i18n';

/** Links to the same page in the other language, keeping query and anchor. */
export function LanguageSwitch({ to, label, ariaLabel }: { to: Locale; label: string; ariaLabel: string }) {
  const pathname = usePathname();
  const href = switchLocalePath(pathname, to);
  function keepPlace(event: MouseEvent<HTMLAnchorElement>) {
    event.currentTarget.href = `${href}${window.location.search}${window.location.hash}`;
  }
  return (
    <a href={href} hrefLang={to} lang={to} aria-label={ariaLabel} onClick={keepPlace} className="rounded px-2 py-1 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-slate-800">
      {label}
    </a>
  );
}
