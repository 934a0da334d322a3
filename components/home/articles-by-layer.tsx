import Link from 'next/link';
import { LAYERS, type Article } from '@/lib/content';
import type { Locale } from '@/lib/i18n';
import { layerMessages } from '@/lib/i18n';

/** The knowledge base grouped by layer, each article with its summary. */
export function ArticlesByLayer({ lang, articles }: { lang: Locale; articles: Article[] }) {
  return (
    <div className="grid gap-8 md:grid-cols-2">
      {LAYERS.map((layer) => {
        const inLayer = articles.filter((article) => article.frontmatter.layer === layer);
        if (inLayer.length === 0) return null;
        return (
          <section key={layer} aria-labelledby={`layer-${layer}`}>
            <h3 id={`layer-${layer}`} className="text-lg font-semibold">{layerMessages[lang][layer]}</h3>
            <ul className="mt-2 space-y-3">
              {inLayer.map((article) => (
                <li key={article.slug}>
                  <Link href={`/${lang}/articles/${article.slug}`} className="font-medium text-blue-800 hover:underline dark:text-blue-300">
                    {article.frontmatter.title}
                  </Link>
                  <p className="text-sm text-slate-600 dark:text-slate-400">{article.frontmatter.summary}</p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
