import { parseDocument } from 'yaml';
import { frontmatterSchema, type Frontmatter } from './schema';

/** A problem in a content file, pointing at the file and line. */
export interface ContentProblem {
  file: string;
  line: number;
  message: string;
}

/** Thrown when content cannot be loaded; the message names file, line and field. */
export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ContentError';
  }
}

/** `file:line: message`, the form editors and CI logs link to. */
export function formatProblem(problem: ContentProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}

/** The frontmatter of an MDX file, validated, plus where the body starts. */
export type FrontmatterResult =
  | { ok: true; frontmatter: Frontmatter; body: string; bodyLine: number }
  | { ok: false; problems: ContentProblem[]; body?: string; bodyLine?: number };

/** Splits off and validates the YAML frontmatter of `source` (the text of `file`). */
export function readFrontmatter(file: string, source: string): FrontmatterResult {
  const lines = source.split('\n');
  const end = lines[0]?.trim() === '---' ? lines.indexOf('---', 1) : -1;
  if (end < 0) {
    return { ok: false, problems: [{ file, line: 1, message: 'missing frontmatter: the file must start with a --- YAML block ---' }] };
  }
  const yamlText = lines.slice(1, end).join('\n');
  const body = lines.slice(end + 1).join('\n');
  const bodyLine = end + 2;
  const document = parseDocument(yamlText);
  if (document.errors.length > 0) {
    return {
      ok: false,
      body,
      bodyLine,
      problems: document.errors.map((error) => ({
        file,
        line: 1 + (error.linePos?.[0]?.line ?? 1),
        message: `frontmatter is not valid YAML: ${error.message.split('\n')[0]}`,
      })),
    };
  }
  const parsed = frontmatterSchema.safeParse(document.toJS());
  if (!parsed.success) {
    return {
      ok: false,
      body,
      bodyLine,
      problems: parsed.error.issues.map((issue) => {
        const field = issue.path.length > 0 ? issue.path.join('.') : String((issue as { keys?: string[] }).keys ?? '');
        const key = String(issue.path[0] ?? (issue as { keys?: string[] }).keys?.[0] ?? '');
        const keyLine = lines.slice(1, end).findIndex((line) => line.startsWith(`${key}:`));
        return {
          file,
          line: keyLine >= 0 ? keyLine + 2 : 1,
          message: `frontmatter field \`${field}\`: ${issue.message}`,
        };
      }),
    };
  }
  return { ok: true, frontmatter: parsed.data, body, bodyLine };
}
