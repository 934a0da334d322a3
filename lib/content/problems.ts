/** A problem in a content file, pointing at the file and line. */
export interface ContentProblem {
  /** Path relative to the working directory, as editors and CI logs link it. */
  file: string;
  /** 1-based line in the file. */
  line: number;
  message: string;
}

/** `file:line: message`, the form editors and CI logs link to. */
export function formatProblem(problem: ContentProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}

/** Thrown when content cannot be loaded; the message names file, line and field. */
export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ContentError';
  }
}
