/**
 * `npm run lint:content [content-dir]`: checks every article and prints
 * `file:line: message` for each problem; exits 1 when there is any.
 */
import { formatProblem } from '../lib/content/frontmatter';
import { lintContent } from '../lib/content/lint';

const problems = lintContent(process.argv[2]);
for (const problem of problems) console.error(formatProblem(problem));
if (problems.length > 0) {
  console.error(`\ncontent lint: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log('content lint: ok');
