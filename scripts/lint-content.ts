/**
 * `npm run lint:content [content-dir] [--flows]`: checks every article and
 * prints `file:line: message` for each problem, including fixes that a
 * decision flow ends at but no article has; exits 1 when there is any.
 * A content directory given on the command line is a fixture, which the
 * real flows do not point into, unless `--flows` asks for that check too.
 */
import { findArticle, formatProblem, lintContent } from '@/lib/content/server';
import type { ContentProblem } from '@/lib/content';
// Interim, until the flows feature's door offers its own check of flow endings (see missingFlowFixes).
// eslint-disable-next-line fixpath/boundaries
import { fixReferencesForLint } from '@/lib/flows/fix-references';
import { LOCALES } from '@/lib/i18n';

const args = process.argv.slice(2);
const contentDir = args.find((arg) => !arg.startsWith('--'));
const checkFlows = !contentDir || args.includes('--flows');

/**
 * Every fix a flow points to must exist in every language. Interim: the
 * flows feature will own this check (content knows nothing of flows).
 */
function missingFlowFixes(): ContentProblem[] {
  return fixReferencesForLint().flatMap((reference) =>
    LOCALES.flatMap((lang): ContentProblem[] => {
      const file = `content/${lang}/${reference.slug}.mdx`;
      const article = findArticle(lang, reference.slug, contentDir);
      if (!article) return [{ file, line: 1, message: `missing article, needed by ${reference.from}` }];
      if (article.fixes.some((fix) => fix.id === reference.fixId)) return [];
      return [{ file: article.file, line: 1, message: `no <Fix id="${reference.fixId}">, needed by ${reference.from}` }];
    }),
  );
}

const problems = lintContent(contentDir);
// Articles load only when the content itself is sound, so flows are checked after.
if (problems.length === 0 && checkFlows) problems.push(...missingFlowFixes());
for (const problem of problems) console.error(formatProblem(problem));
if (problems.length > 0) {
  console.error(`\ncontent lint: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log('content lint: ok');
