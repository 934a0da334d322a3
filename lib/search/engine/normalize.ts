const NEEDS_CARE = /[\uff01-\uff5e\u3000\u0130]/;

/**
 * Folds full-width ASCII (what a Chinese input method types: `ＶＰＮ`, `５０２`,
 * `，`) to plain ASCII and lower-cases, one character for one, so a match
 * position found in the folded text is the same position in the original.
 */
export function foldText(text: string): string {
  // Only full-width forms and İ (which lower-cases to two characters) need the slow path.
  if (!NEEDS_CARE.test(text)) return text.toLowerCase();
  let folded = '';
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    let char = text[i];
    if (code >= 0xff01 && code <= 0xff5e) char = String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) char = ' ';
    const lower = char.toLowerCase();
    folded += lower.length === 1 ? lower : char;
  }
  return folded;
}

/** A Han (or kana) character: scripts written without spaces between words. */
export function isCjk(code: number): boolean {
  return (
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x3040 && code <= 0x30ff)
  );
}

/** A letter, digit or `_`: fast for ASCII, Unicode-aware otherwise (test Chinese with {@link isCjk} first). */
export function isWordChar(code: number, char: string): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95 || (code >= 65 && code <= 90);
  return /[\p{L}\p{N}]/u.test(char);
}
