import type { Root } from 'hast';
import { createHighlighter, type Highlighter } from 'shiki';

const LANGUAGES = ['bash', 'powershell', 'bat', 'ini', 'yaml', 'json', 'nginx', 'sql', 'http', 'text'] as const;
const ALIASES: Record<string, (typeof LANGUAGES)[number]> = { sh: 'bash', shell: 'bash', cmd: 'bat', ps: 'powershell', ps1: 'powershell', console: 'bash' };

let highlighter: Promise<Highlighter> | undefined;

/**
 * Highlights code into a hast tree with light and dark colours as CSS
 * variables. Runs on the server at build time; no highlighter reaches the browser.
 */
export async function highlightToHast(code: string, lang: string): Promise<Root> {
  highlighter ??= createHighlighter({ themes: ['github-light', 'github-dark-default'], langs: LANGUAGES.filter((l) => l !== 'text') });
  const loaded = await highlighter;
  const name = ALIASES[lang] ?? lang;
  const known = (LANGUAGES as readonly string[]).includes(name) ? name : 'text';
  return loaded.codeToHast(code, {
    lang: known,
    themes: { light: 'github-light', dark: 'github-dark-default' },
    defaultColor: false,
  }) as Root;
}
