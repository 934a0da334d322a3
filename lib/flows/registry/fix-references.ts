import { FLOWS, type FlowDefinition, type FlowId, type StepMeta } from '@/machines';
import { LOCALES } from '@/lib/i18n';

/** One place a flow points at an article section. */
interface FixReference {
  flowId: FlowId;
  stateId: string;
  slug: string;
  fixId: string;
  /** `ending`: the flow ends at this fix; `reference`: a "read more" link; `suggestion`: a 5 Whys cause. */
  via: 'ending' | 'reference' | 'suggestion';
}

function referencesOf(flowId: FlowId, stateId: string, meta: StepMeta): FixReference[] {
  if (meta.kind === 'fix') return [{ flowId, stateId, ...meta.fix, via: 'ending' }];
  const refs: FixReference[] = meta.ref ? [{ flowId, stateId, ...meta.ref, via: 'reference' }] : [];
  if (meta.kind === 'form') {
    for (const field of meta.fields) {
      for (const suggestion of field.suggestions ?? []) refs.push({ flowId, stateId, ...suggestion.fix, via: 'suggestion' });
    }
  }
  return refs;
}

/** Every article section the given flows (by default all five) point to. */
export function listFixReferences(flows: readonly FlowDefinition[] = Object.values(FLOWS)): FixReference[] {
  return flows.flatMap((flow) =>
    Object.entries(flow.machine.states).flatMap(([stateId, node]) => referencesOf(flow.info.id, stateId, node.meta as StepMeta)),
  );
}

/** What the check needs of an article: where it is and the ids of its fixes. */
interface ArticleFixes {
  lang: string;
  slug: string;
  /** Path of the file, for the message. */
  file: string;
  fixes: ReadonlyArray<{ id: string }>;
}

/** A fix a flow points to that the content lacks, as the content lint reports it. */
interface FixReferenceProblem {
  file: string;
  line: number;
  message: string;
}

/**
 * Checks that every `slug#fixId` the flows point to (endings, "read more" links, 5 Whys
 * suggestions) exists in every language. The content lint runs it over the articles it
 * loaded, so an edited article cannot silently break a flow.
 */
export function checkFixReferences(articles: readonly ArticleFixes[], references: readonly FixReference[] = listFixReferences()): FixReferenceProblem[] {
  const index = new Map(articles.map((article) => [`${article.lang}/${article.slug}`, article]));
  const problems: FixReferenceProblem[] = [];
  for (const ref of references) {
    const from = `flow ${ref.flowId}, state ${ref.stateId} (${ref.via})`;
    for (const lang of LOCALES) {
      const article = index.get(`${lang}/${ref.slug}`);
      if (!article) problems.push({ file: `content/${lang}/${ref.slug}.mdx`, line: 1, message: `missing article, needed by ${from}` });
      else if (!article.fixes.some((fix) => fix.id === ref.fixId)) {
        problems.push({ file: article.file, line: 1, message: `no <Fix id="${ref.fixId}">, needed by ${from}` });
      }
    }
  }
  return problems;
}
