import { startReplay, stateIdOf, stateMetaOf, type CaseSummary, type SaveStatus, type StoredEvidence } from '@/lib/flows';
import type { FlowDefinition, FlowValues } from '@/machines';

/** What the runner shows of the case a run is recorded on. */
export interface CaseView {
  caseId: string;
  runId: string | null;
  status: SaveStatus;
  /** User id to name, for "checked 14:03 by Li". */
  names: Record<string, string>;
  /** The stored evidence of each step of the path, by index. */
  evidence: Array<StoredEvidence | undefined>;
  /** The case, once read. */
  summary?: CaseSummary;
  /** Why the case or its run could not be read. */
  problem?: string;
}

/** The case as the runner needs it, or why it could not be read. */
export async function readCase(caseId: string): Promise<{ ok: true; case: CaseSummary } | { ok: false; problem: string }> {
  try {
    const response = await fetch(`/api/cases/${encodeURIComponent(caseId)}`);
    const body = (await response.json().catch(() => null)) as (CaseSummary & { error?: { message?: string } }) | null;
    if (!response.ok || !body) return { ok: false, problem: body?.error?.message ?? `HTTP ${response.status}` };
    return { ok: true, case: { id: body.id, title: body.title, ticketRef: body.ticketRef, target: body.target } };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

/** Who is signed in, or null. */
export async function readMe(): Promise<{ id: string; name: string } | null> {
  try {
    const response = await fetch('/api/me');
    const body = (await response.json()) as { user: { id: string; name: string } | null };
    return body.user;
  } catch {
    return null;
  }
}

/** The first form's values from the case's target (host, port, URL fields), or null when it has none. */
export function caseDraft(flow: FlowDefinition, record: CaseSummary): { stateId: string; values: FlowValues } | null {
  const stateId = stateIdOf(startReplay(flow.machine).snapshot);
  const meta = stateMetaOf(flow.machine, stateId);
  const target = record.target;
  if (meta?.kind !== 'form' || !target) return null;
  const byKind: Partial<Record<string, string>> = { host: target.host || undefined, port: target.port ? String(target.port) : undefined, url: target.url ?? undefined };
  const values = Object.fromEntries(meta.fields.flatMap((field) => (byKind[field.kind] ? [[field.name, byKind[field.kind] as string]] : [])));
  return Object.keys(values).length > 0 ? { stateId, values } : null;
}
