import type { FlowDefinition } from '@/machines';
import { replayPath, startReplay, type Replay } from '../runtime/replay';
import { decodeFlowLink, type UnreadableReason } from './codec';

/** What the runner tells staff about a link that did not restore completely. */
export type LinkNotice =
  | { kind: 'unreadable'; reason: UnreadableReason }
  | { kind: 'stale'; fitted: number; total: number; versionChanged: boolean };

/** A flow restored from a link: the replayed path, and a notice when the link no longer fits. */
export interface RestoredFlow {
  replay: Replay;
  notice?: LinkNotice;
}

/**
 * Opens a flow link: decodes the path and replays it without running any probe. A link
 * that no longer fits (edited flow, tampered URL) resumes from the last step that fits.
 */
export async function restoreFlowLink(flow: FlowDefinition, query: string | URLSearchParams): Promise<RestoredFlow> {
  const decoded = await decodeFlowLink(flow.info.id, query);
  if (decoded.status === 'empty') return { replay: startReplay(flow.machine) };
  if (decoded.status === 'unreadable') return { replay: startReplay(flow.machine), notice: { kind: 'unreadable', reason: decoded.reason } };
  const replay = replayPath(flow.machine, decoded.steps);
  const total = decoded.recorded;
  if (replay.steps.length < total) {
    return {
      replay,
      notice: { kind: 'stale', fitted: replay.steps.length, total, versionChanged: decoded.flowVersion !== flow.info.version },
    };
  }
  return { replay };
}
