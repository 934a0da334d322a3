import type { Article } from '@/lib/content';
import { articleMessages } from '@/lib/i18n';

/** The article's fixes, each a link to its permanent anchor. */
export function FixToc({ article }: { article: Article }) {
  const t = articleMessages[article.lang];
  return (
    <nav id="fixes" aria-labelledby="toc-heading" className="mb-8 scroll-mt-4 rounded-lg border border-slate-200 p-4 print:hidden dark:border-slate-700">
      <h2 id="toc-heading" className="font-semibold">{t.contents}</h2>
      <ol className="mt-2 list-decimal space-y-1 pl-5">
        {article.fixes.map((fix) => (
          <li key={fix.id}>
            <a href={`#${fix.id}`} className="text-blue-800 underline-offset-2 hover:underline dark:text-blue-300">
              {fix.title}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
