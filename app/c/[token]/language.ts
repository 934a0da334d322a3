import { headers } from 'next/headers';
import { isLocale, type Locale } from '@/lib/i18n';

/** The customer page's language as proxy.ts resolved it (`?lang=`, else the link's), in a request header only it sets. */
export async function pageLanguage(): Promise<Locale> {
  const requested = (await headers()).get('x-fixpath-lang');
  return isLocale(requested) ? requested : 'zh';
}
