/** The languages Fixpath is written in; the first is the default. */
export const LOCALES = ['zh', 'en'] as const;

/** A supported language code, also the first URL segment. */
export type Locale = (typeof LOCALES)[number];

/** The language `/` redirects to. */
export const DEFAULT_LOCALE: Locale = 'zh';

/** True when `value` is a supported language code. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** A piece of text in every language. */
export type Localized<T = string> = Record<Locale, T>;

/** The other language, for the language switch. */
export function otherLocale(locale: Locale): Locale {
  return locale === 'zh' ? 'en' : 'zh';
}

/** Replaces the language segment of a pathname, keeping the rest of the page. */
export function switchLocalePath(pathname: string, to: Locale): string {
  const [, first, ...rest] = pathname.split('/');
  if (!isLocale(first)) return `/${to}`;
  return ['', to, ...rest].join('/');
}
