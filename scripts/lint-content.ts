/**
 * `npm run lint:content [content-dir] [--flows]`: checks every article and
 * prints `file:line: message` for each problem, including fixes that a
 * decision flow ends at but no article has; exits 1 when there is any.
 * A content directory given on the command line is a fixture, which the
 * real flows do not point into, unless `--flows` asks for that check too.
 */
import { formatProblem, lintContent, scanContent } from '@/lib/content/server';
import { checkFixReferences } from '@/lib/flows/server';

const args = process.argv.slice(2);
const contentDir = args.find((arg) => !arg.startsWith('--'));
const checkFlows = !contentDir || args.includes('--flows');

const problems = lintContent(contentDir);
// Articles load only when the content itself is sound, so flow endings are checked after.
if (problems.length === 0 && checkFlows) problems.push(...checkFixReferences(scanContent(contentDir).articles));
for (const problem of problems) console.error(formatProblem(problem));
if (problems.length > 0) {
  console.error(`\ncontent lint: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log('content lint: ok');
