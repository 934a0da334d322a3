import type { FlowId } from '@/machines';
import { findArticle } from '@/lib/content/server';
import type { Locale } from '@/lib/i18n';
import type { FixInfoMap } from '../reports/fixes';
import { listFixReferences } from './fix-references';
import { getFlow } from './flows';

/**
 * Title and summary of every fix one flow points to (its endings, "read more" links and
 * suggestions), read from the articles in one language: the flow page hands these to the
 * runner, so endings show what the article says and nothing is copied into the machines.
 */
export function fixInfoFor(flowId: FlowId, lang: Locale): FixInfoMap {
  const fixes: FixInfoMap = {};
  const flow = getFlow(flowId);
  for (const ref of flow ? listFixReferences([flow]) : []) {
    const article = findArticle(lang, ref.slug);
    const fix = article?.fixes.find((candidate) => candidate.id === ref.fixId);
    if (article && fix) fixes[`${ref.slug}#${ref.fixId}`] = { articleTitle: article.frontmatter.title, fixTitle: fix.title, summary: fix.summary ?? '', forCustomers: fix.audience === 'customer' };
  }
  return fixes;
}
