import Link from 'next/link';
import type { Article } from '@/lib/content';
import { articleMessages } from '@/lib/i18n';

/** Links to the articles this one names as related. */
export function RelatedArticles({ article, related }: { article: Article; related: Article[] }) {
  if (related.length === 0) return null;
  const t = articleMessages[article.lang];
  return (
    <aside aria-labelledby="related-heading" className="mt-12 border-t border-slate-200 pt-6 print:hidden dark:border-slate-700">
      <h2 id="related-heading" className="text-lg font-semibold">{t.related}</h2>
      <ul className="mt-3 grid gap-3 sm:grid-cols-2">
        {related.map((other) => (
          <li key={other.slug}>
            <Link href={`/${other.lang}/articles/${other.slug}`} className="font-medium text-blue-800 hover:underline dark:text-blue-300">
              {other.frontmatter.title}
            </Link>
            <p className="text-sm text-slate-600 dark:text-slate-400">{other.frontmatter.summary}</p>
          </li>
        ))}
      </ul>
    </aside>
  );
}
