import type { MDXComponents } from 'mdx/types';
import Link from 'next/link';
import type { ComponentProps, ReactNode } from 'react';
import { fillPlaceholders, type PlaceholderValues } from '@/lib/content';
import { type Locale, articleMessages, format } from '@/lib/i18n';
import { CodeBlock } from './code-block';
import { ScrollTable } from './scroll-table';
import { FixSection, type FixProps } from './fix-section';
import { SectionHeading } from './section-heading';
import { Tab, Tabs } from './tabs';

/** How an article body is rendered: the reader's language and, for a fix link, the customer's values. */
export interface ArticleRenderOptions {
  lang: Locale;
  values?: PlaceholderValues;
  /** Renders extra controls under each fix, e.g. "share with customer". */
  fixFooter?: (fix: FixProps) => ReactNode;
  /** Customer view: render only these fixes; prose outside fixes is hidden by `.customer-view`. */
  onlyFixes?: readonly string[];
  /** Customer view: mark the example values in commands that the reader must replace. */
  markExamples?: boolean;
}

/** The MDX components of an article page, bound to the reader's language. */
export function articleComponents({ lang, values = {}, fixFooter, onlyFixes, markExamples = false }: ArticleRenderOptions): MDXComponents {
  const t = articleMessages[lang];
  const headingLabels = (title: ReactNode) => ({
    copyLink: typeof title === 'string' ? format(t.copyLinkTo, { title }) : t.copyLink,
    copied: t.copied,
    failed: t.copyFailed,
  });
  return {
    h2: ({ id, children }) => <SectionHeading level={2} id={id} labels={headingLabels(children)}>{children}</SectionHeading>,
    h3: ({ id, children }) => <SectionHeading level={3} id={id} labels={headingLabels(children)}>{children}</SectionHeading>,
    // Block code never reaches this (the `pre` override reads it directly), so this is inline code.
    code: ({ children }) => <code>{typeof children === 'string' ? fillPlaceholders(children, values) : children}</code>,
    pre: ({ children }) => <CodeBlock values={values} markExamples={markExamples} labels={{ copy: t.copyCode, copied: t.copied, failed: t.copyFailed }}>{children}</CodeBlock>,
    // Named by its columns: an article often has several tables, and each region needs its own name.
    table: (props: ComponentProps<'table'>) => <ScrollTable {...props} label={(columns) => format(t.table, { columns: columns.join(t.listSeparator) })} />,
    a: ({ href = '', ...props }: ComponentProps<'a'>) => localLink(href, lang, props),
    Fix: (props: FixProps) =>
      onlyFixes && !onlyFixes.includes(props.id) ? null : <FixSection {...props} labels={headingLabels(props.title)} footer={fixFooter?.(props)} />,
    Tabs: ({ children }: { children?: ReactNode }) => <Tabs ariaLabel={t.platform}>{children}</Tabs>,
    Tab,
  };
}

/** Internal links are written without a language; the reader's language is added here. */
function localLink(href: string, lang: Locale, { children, ...props }: ComponentProps<'a'>) {
  if (href.startsWith('/')) return <Link href={`/${lang}${href}`} {...props}>{children}</Link>;
  if (href.startsWith('#')) return <a href={href} {...props}>{children}</a>;
  return <a href={href} rel="noreferrer" {...props}>{children}</a>;
}
