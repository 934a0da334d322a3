import { notFound } from 'next/navigation';
import { FlowList } from '@/components/flow/flow-list';
import { ArticlesByLayer } from '@/components/home/articles-by-layer';
import { SearchLauncher } from '@/components/search/search-launcher';
import { listArticles } from '@/lib/content/server';
import { isLocale, searchMessages, siteMessages } from '@/lib/i18n';

export default async function HomePage({ params }: { params: Promise<{ lang: string }> }) {
  const { lang } = await params;
  if (!isLocale(lang)) notFound();
  const t = siteMessages[lang];
  return (
    <div className="space-y-12">
      <section>
        <h1 className="text-3xl font-bold">{t.homeTitle}</h1>
        <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">{t.homeIntro}</p>
      </section>
      <section aria-labelledby="search-heading">
        <h2 id="search-heading" className="text-xl font-semibold">{t.searchTitle}</h2>
        <p className="mt-2 text-slate-700 dark:text-slate-300">{t.searchIntro}</p>
        <SearchLauncher messages={searchMessages[lang]} />
      </section>
      <section aria-labelledby="flows-heading">
        <h2 id="flows-heading" className="text-xl font-semibold">{t.flowsTitle}</h2>
        <div className="mt-3">
          <FlowList lang={lang} />
        </div>
      </section>
      <section aria-labelledby="layers-heading">
        <h2 id="layers-heading" className="mb-4 text-xl font-semibold">{t.articlesByLayer}</h2>
        <ArticlesByLayer lang={lang} articles={listArticles(lang)} />
      </section>
    </div>
  );
}
