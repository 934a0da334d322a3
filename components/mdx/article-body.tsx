import type { MDXComponents } from 'mdx/types';
import type { ComponentType } from 'react';
import type { Locale } from '@/lib/i18n';

type MdxModule = { default: ComponentType<{ components?: MDXComponents }> };

/** The compiled MDX body of one article, rendered with the given components. */
export async function ArticleBody({ lang, slug, components }: { lang: Locale; slug: string; components: MDXComponents }) {
  // The template literal lets the bundler compile every content file at build time.
  const { default: Body } = (await import(`../../content/${lang}/${slug}.mdx`)) as MdxModule;
  return <Body components={components} />;
}
