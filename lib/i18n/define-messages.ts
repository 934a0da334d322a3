import type { Locale } from './locales';

/**
 * Declares one area's UI strings in every language. The Chinese entry fixes
 * the shape, so a key missing from English is a type error, not a blank label.
 */
export function defineMessages<const T extends Record<string, string>>(messages: {
  zh: T;
  en: { [K in keyof T]: string };
}): Record<Locale, { [K in keyof T]: string }> {
  return messages;
}

/** Fills `{name}` slots in a message. */
export function format(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (slot, name: string) =>
    name in values ? String(values[name]) : slot,
  );
}
