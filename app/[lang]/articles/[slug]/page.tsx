import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleHeader } from '@/components/article/article-header';
import { FixToc } from '@/components/article/fix-toc';
import { RelatedArticles } from '@/components/article/related-articles';
import { ShareFixButton } from '@/components/article/share-fix-button';
import { RecordArticleView } from '@/components/insights/record-article-view';
import { ArticleBody } from '@/components/mdx/article-body';
import { articleComponents } from '@/components/mdx/article-components';
import { PROSE_CLASSES } from '@/components/mdx/prose-classes';
import { findArticle, listArticles, relatedArticles } from '@/lib/content/server';
import { getFlow } from '@/lib/flows/server';
import { articleMessages, isLocale, LOCALES } from '@/lib/i18n';

export const dynamicParams = false;

type Params = Promise<{ lang: string; slug: string }>;

export function generateStaticParams() {
  return LOCALES.flatMap((lang) => listArticles(lang).map((article) => ({ lang, slug: article.slug })));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { lang, slug } = await params;
  const article = isLocale(lang) ? findArticle(lang, slug) : undefined;
  return article ? { title: article.frontmatter.title, description: article.frontmatter.summary } : {};
}

export default async function ArticlePage({ params }: { params: Params }) {
  const { lang, slug } = await params;
  const article = isLocale(lang) ? findArticle(lang, slug) : undefined;
  if (!article) notFound();
  // The first flow the article names is where a reader who is not sure yet should start.
  const flow = article.frontmatter.flows.map((id) => getFlow(id)?.info).find((info) => info !== undefined);
  const components = articleComponents({
    lang: article.lang,
    fixFooter: (fix) =>
      article.fixes.find((candidate) => candidate.id === fix.id)?.audience === 'customer' ? (
        <ShareFixButton lang={article.lang} slug={slug} fixId={fix.id} />
      ) : (
        <p className="not-prose my-4 text-sm text-slate-600 dark:text-slate-400">{articleMessages[article.lang].staffOnly}</p>
      ),
  });
  return (
    <article>
      <ArticleHeader article={article} flow={flow ? { id: flow.id, title: flow.title[article.lang] } : undefined} />
      <FixToc article={article} />
      <div className={PROSE_CLASSES}>
        <ArticleBody lang={article.lang} slug={slug} components={components} />
      </div>
      <RelatedArticles article={article} related={relatedArticles(article)} />
      <RecordArticleView lang={article.lang} slug={slug} />
    </article>
  );
}
