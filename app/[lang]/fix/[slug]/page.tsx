import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleBody } from '@/components/mdx/article-body';
import { articleComponents } from '@/components/mdx/article-components';
import { PROSE_CLASSES } from '@/components/mdx/prose-classes';
import { FilledValues } from '@/components/fix/filled-values';
import { FixNotices } from '@/components/fix/fix-notices';
import { PrintButton } from '@/components/print-button';
import { parseFixLink } from '@/lib/content';
import { findArticle, listArticles } from '@/lib/content/server';
import { formatHostPort } from '@/lib/address';
import { articleMessages, fixMessages, format, isLocale, LOCALES } from '@/lib/i18n';

export const dynamicParams = false;

type Props = { params: Promise<{ lang: string; slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export function generateStaticParams() {
  return LOCALES.flatMap((lang) => listArticles(lang).map((article) => ({ lang, slug: article.slug })));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lang, slug } = await params;
  const article = isLocale(lang) ? findArticle(lang, slug) : undefined;
  return article ? { title: article.frontmatter.title, robots: { index: false } } : {};
}

/** The customer's view of one fix: just that section, commands filled with their host and port. */
export default async function FixPage({ params, searchParams }: Props) {
  const { lang, slug } = await params;
  const article = isLocale(lang) ? findArticle(lang, slug) : undefined;
  if (!article) notFound();
  const request = parseFixLink(await searchParams);
  const named = article.fixes.find((candidate) => candidate.id === request.fixId);
  // Only fixes written for customers are shown here; a link to a staff fix shows those instead.
  const fix = named?.audience === 'customer' ? named : undefined;
  const shown = fix ? [fix] : article.fixes.filter((candidate) => candidate.audience === 'customer');
  const t = fixMessages[article.lang];
  const { host, port } = request.values;
  const target = host ? formatHostPort(host, port) : undefined;
  const components = articleComponents({ lang: article.lang, values: request.values, onlyFixes: shown.map((candidate) => candidate.id), markExamples: true });
  const codes = shown.flatMap((candidate) => candidate.text.code.map((block) => block.code));
  return (
    <article>
      <header className="mb-6">
        <p className="text-sm text-slate-600 dark:text-slate-400">{t.heading}</p>
        <h1 className="mt-1 text-3xl font-bold">{article.frontmatter.title}</h1>
        {target ? <p className="mt-2 font-medium">{format(t.forTarget, { target })}</p> : null}
        <p className="mt-3 text-slate-700 dark:text-slate-300">{t.intro}</p>
      </header>
      <FixNotices lang={article.lang} ignored={request.ignored} fixNotice={named && !fix ? 'staff' : request.fixId && !named ? 'unknown' : undefined} />
      <FilledValues lang={article.lang} codes={codes} values={request.values} />
      <div className={`customer-view ${PROSE_CLASSES}`}>
        <ArticleBody lang={article.lang} slug={slug} components={components} />
      </div>
      <footer className="mt-10 flex gap-4 print:hidden">
        <PrintButton label={t.print} />
        <Link href={`/${article.lang}/articles/${slug}${fix ? `#${fix.id}` : ''}`} className="text-blue-800 underline dark:text-blue-300">
          {articleMessages[article.lang].readFullArticle}
        </Link>
      </footer>
    </article>
  );
}
