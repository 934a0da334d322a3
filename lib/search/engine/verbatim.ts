import { foldText } from './normalize';

/** An error message shorter than this (in letters and digits) is too generic to count as quoted. */
export const MIN_VERBATIM = 16;

/** Without its codes, a query must say at least this much to quote a message ("certificate problem" is too little). */
const MIN_QUOTED_MESSAGE = 2 * MIN_VERBATIM;

/** A text as its words (letters and digits, folded), one space apart: how a quoted error is compared. */
export function wordsOnly(text: string): string {
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The forms in which a query may quote an error message: its words, and
 * its words without the error codes it carries, since one message is
 * printed after different codes and prefixes by different tools
 * (`curl: (60) SSL certificate problem: …` and git's
 * `fatal: unable to access '…': SSL certificate problem: …`).
 */
export function quotedForms(query: string, codes: readonly string[]): string[] {
  const whole = wordsOnly(query);
  let rest = foldText(query);
  for (const code of codes) rest = rest.split(foldText(code)).join(' ');
  const message = wordsOnly(rest);
  return message !== whole && message.length >= MIN_QUOTED_MESSAGE ? [whole, message] : [whole];
}

/**
 * True when the query quotes one of `errors` (each given by {@link wordsOnly})
 * word for word, or one of its forms is part of one of them.
 */
export function quotesAnError(errors: readonly string[], forms: readonly string[]): boolean {
  const [whole] = forms;
  return errors.some((error) => whole.includes(error) || forms.some((form) => form.length >= MIN_VERBATIM && error.includes(form)));
}
