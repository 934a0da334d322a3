import { FLOWS, type FlowId, type StepMeta } from '../../machines';

/** One place a flow points at an article section. */
export interface FixReference {
  flowId: FlowId;
  stateId: string;
  slug: string;
  fixId: string;
  /** `ending`: the flow ends at this fix; `reference`: a "read more" link; `suggestion`: a 5 Whys cause. */
  via: 'ending' | 'reference' | 'suggestion';
}

function referencesOf(flowId: FlowId, stateId: string, meta: StepMeta): FixReference[] {
  const refs: FixReference[] = [];
  if (meta.kind === 'fix') refs.push({ flowId, stateId, ...meta.fix, via: 'ending' });
  if (meta.ref) refs.push({ flowId, stateId, ...meta.ref, via: 'reference' });
  if (meta.kind === 'form') {
    for (const field of meta.fields) {
      for (const suggestion of field.suggestions ?? []) refs.push({ flowId, stateId, ...suggestion.fix, via: 'suggestion' });
    }
  }
  return refs;
}

/**
 * Every article section any flow points to, so the content lint can check that each
 * `slug#fixId` exists in both languages.
 */
export function listFixReferences(): FixReference[] {
  return Object.values(FLOWS).flatMap((flow) =>
    Object.entries(flow.machine.states).flatMap(([stateId, node]) => referencesOf(flow.info.id, stateId, node.meta as StepMeta)),
  );
}

/** The references in the shape `lintContent(dir, references)` takes (`from` names flow and state). */
export function fixReferencesForLint(): Array<{ from: string; slug: string; fixId: string }> {
  return listFixReferences().map((ref) => ({ from: `flow ${ref.flowId}, state ${ref.stateId} (${ref.via})`, slug: ref.slug, fixId: ref.fixId }));
}
