import type { Article } from '../content/load';
import { sectionText } from './mdx-text';
import type { SearchRecord } from './schema';

/** Body text outside the `<Fix>` blocks: the introduction and sections such as "Why this happens". */
function bodyOutsideFixes(body: string): string {
  return body.replace(/^<Fix\s[^>]*>\s*$[\s\S]*?^<\/Fix>\s*$/gm, '');
}

function compact<T extends object>(record: T): T {
  for (const key of Object.keys(record) as Array<keyof T>) {
    const value = record[key];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete record[key];
  }
  return record;
}

/** Paragraphs and sample output as one text; output keeps only its first lines, where the message is. */
function joinText(prose: string, outputs: string[]): string {
  const samples = outputs.map((output) => output.split('\n').slice(0, 4).join('\n'));
  return [prose, ...samples].filter(Boolean).join('\n');
}

/**
 * The search records of one article: the article itself (title, summary,
 * symptoms, errors, tags, headings and the text around its fixes), then one
 * record per fix. `position` is where the article record will sit in the
 * index, so its fixes can name it as their parent.
 */
export function articleRecords(article: Article, position: number): SearchRecord[] {
  const { frontmatter } = article;
  const outside = sectionText(bodyOutsideFixes(article.body));
  const record: SearchRecord = compact({
    kind: 'article',
    lang: article.lang,
    slug: article.slug,
    title: frontmatter.title,
    summary: frontmatter.summary,
    symptoms: frontmatter.symptoms,
    errors: frontmatter.errors,
    tags: frontmatter.tags,
    headings: [...article.fixes.map((fix) => fix.title), ...outside.headings],
    text: joinText(outside.prose, outside.outputs),
    commands: outside.commands,
  });
  const fixes = article.fixes.map((fix): SearchRecord => {
    const section = sectionText(fix.source);
    return compact({
      kind: 'fix',
      lang: article.lang,
      slug: article.slug,
      anchor: fix.id,
      title: fix.title,
      context: frontmatter.title,
      parent: position,
      headings: section.headings,
      text: joinText(section.prose, section.outputs),
      commands: section.commands,
    });
  });
  return [record, ...fixes];
}
