'use client';

import { useEffect } from 'react';
import type { Locale } from '@/lib/i18n';
import { recordInsight } from '@/lib/insights';

/** Records that a signed-in reader viewed an article (for the insights); renders nothing. */
export function RecordArticleView({ lang, slug }: { lang: Locale; slug: string }) {
  useEffect(() => {
    recordInsight({ type: 'view', at: new Date().toISOString(), lang, slug });
  }, [lang, slug]);
  return null;
}
