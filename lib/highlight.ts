import type { Root } from 'hast';
import { createHighlighter, type Highlighter } from 'shiki';

const LANGUAGES = ['bash', 'powershell', 'bat', 'ini', 'yaml', 'json', 'nginx', 'sql', 'http', 'text'] as const;
const ALIASES: Record<string, (typeof LANGUAGES)[number]> = { sh: 'bash', shell: 'bash', cmd: 'bat', ps: 'powershell', ps1: 'powershell', console: 'bash' };

let highlighter: Promise<Highlighter> | undefined;

/** A stretch of the code to wrap in `<mark>`, e.g. an example value the reader must replace. */
export interface CodeMark {
  start: number;
  end: number;
  /** Becomes `data-placeholder`, so the page can explain the mark. */
  name: string;
}

/**
 * Highlights code into a hast tree with light and dark colours as CSS
 * variables, wrapping each mark in `<mark>`. Runs on the server; no
 * highlighter reaches the browser.
 */
export async function highlightToHast(code: string, lang: string, marks: readonly CodeMark[] = []): Promise<Root> {
  highlighter ??= createHighlighter({ themes: ['github-light', 'github-dark-default'], langs: LANGUAGES.filter((l) => l !== 'text') });
  const loaded = await highlighter;
  const name = ALIASES[lang] ?? lang;
  const known = (LANGUAGES as readonly string[]).includes(name) ? name : 'text';
  return loaded.codeToHast(code, {
    lang: known,
    themes: { light: 'github-light', dark: 'github-dark-default' },
    defaultColor: false,
    decorations: marks.map((mark) => ({ start: mark.start, end: mark.end, tagName: 'mark', alwaysWrap: true, properties: { 'data-placeholder': mark.name, className: ['placeholder-mark'] } })),
  }) as Root;
}
