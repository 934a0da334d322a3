import { APPLICATION_FIXES } from './fixes-application';
import { NETWORK_FIXES } from './fixes-network';
import type { Text } from './types';

/** What a flow ending says about a fix before linking to the article section. */
export interface FixSummary {
  /** The conclusion, as a heading. */
  title: Text;
  /** One or two sentences on what to do. */
  summary: Text;
}

/** Every fix a flow can end at, by `slug#fixId`. */
export const FIX_SUMMARIES: Record<string, FixSummary> = { ...NETWORK_FIXES, ...APPLICATION_FIXES };

/** The summary of one fix; a flow that names a fix without one fails when its module loads. */
export function fixSummary(slug: string, fixId: string): FixSummary {
  const summary = FIX_SUMMARIES[`${slug}#${fixId}`];
  if (!summary) throw new Error(`No fix summary for ${slug}#${fixId}: add one to machines/fixes-*.ts.`);
  return summary;
}
