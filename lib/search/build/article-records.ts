import { maskPlaceholders, type Article, type SectionText } from '@/lib/content';
import type { SearchRecord } from '../records';

/** Fence languages whose blocks are commands or configuration; any other block (`text`) is sample output. */
const COMMAND_LANGS = new Set(['bash', 'sh', 'shell', 'zsh', 'console', 'powershell', 'ps1', 'pwsh', 'cmd', 'bat', 'nginx', 'ini', 'yaml', 'yml', 'json', 'sql', 'apache', 'conf', 'toml', 'xml']);
/** Longest command or sample output kept, in characters. */
const MAX_BLOCK = 400;
/** Lines of a sample output kept in the searched text: the message is at the top. */
const OUTPUT_LINES = 4;

function cap(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit).replace(/\s+\S*$/, '')}…`;
}

function compact<T extends object>(record: T): T {
  for (const key of Object.keys(record) as Array<keyof T>) {
    const value = record[key];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete record[key];
  }
  return record;
}

/**
 * What search keeps of a section's text: sentences and sample output as one
 * text (output trimmed to its first lines), commands apart. Placeholders
 * such as `{{host}}` become `…`, so every command does not match "host".
 */
function searchText(section: SectionText): { text: string; commands: string[]; headings: string[] } {
  const commands: string[] = [];
  const outputs: string[] = [];
  for (const block of section.code) {
    const code = maskPlaceholders(block.code).trim();
    if (!code) continue;
    if (COMMAND_LANGS.has(block.lang.toLowerCase())) commands.push(cap(code, MAX_BLOCK));
    else outputs.push(cap(code, MAX_BLOCK).split('\n').slice(0, OUTPUT_LINES).join('\n'));
  }
  const text = [...section.sentences.map((sentence) => maskPlaceholders(sentence)), ...outputs].filter(Boolean).join('\n');
  return { text, commands, headings: section.headings };
}

/**
 * The search records of one article: the article itself (title, summary,
 * symptoms, errors, tags, headings and the text around its fixes), then one
 * record per fix. `position` is where the article record will sit in the
 * index, so its fixes can name it as their parent.
 */
export function articleRecords(article: Article, position: number): SearchRecord[] {
  const { frontmatter } = article;
  const intro = searchText(article.intro);
  const record: SearchRecord = compact({
    kind: 'article',
    lang: article.lang,
    slug: article.slug,
    title: frontmatter.title,
    summary: frontmatter.summary,
    symptoms: frontmatter.symptoms,
    errors: frontmatter.errors,
    tags: frontmatter.tags,
    headings: [...article.fixes.map((fix) => fix.title), ...intro.headings],
    text: intro.text,
    commands: intro.commands,
  });
  const fixes = article.fixes.map((fix): SearchRecord => {
    const own = searchText(fix.text);
    return compact({
      kind: 'fix',
      lang: article.lang,
      slug: article.slug,
      anchor: fix.id,
      title: fix.title,
      context: frontmatter.title,
      parent: position,
      headings: own.headings,
      text: own.text,
      commands: own.commands,
    });
  });
  return [record, ...fixes];
}
