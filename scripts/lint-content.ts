/**
 * `npm run lint:content [content-dir]`: checks every article and prints
 * `file:line: message` for each problem, including fixes that a decision
 * flow ends at but no article has; exits 1 when there is any.
 */
import { formatProblem } from '../lib/content/frontmatter';
import { lintContent } from '../lib/content/lint';
import { scanContent } from '../lib/content/load';
import { checkFixReferences } from '../lib/flows/server';

// A content directory given on the command line is a fixture: the real flows do not point into it.
const contentDir = process.argv[2];
const problems = [...lintContent(contentDir), ...(contentDir ? [] : checkFixReferences(scanContent().articles))];
for (const problem of problems) console.error(formatProblem(problem));
if (problems.length > 0) {
  console.error(`\ncontent lint: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log('content lint: ok');
