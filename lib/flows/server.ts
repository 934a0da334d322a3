/*
 * The server half of the flows feature: the registry of all five flows (pages, the flow
 * list, metadata) and what the flows need from the articles. Browser code uses
 * `@/lib/flows`, which never loads all five machines.
 */
import 'server-only';

export { getFlow, listFlows } from './registry/flows';
export { fixInfoFor } from './registry/fix-info';
export { checkFixReferences, listFixReferences } from './registry/fix-references';
export { flowMapLayout } from './registry/map-layout';
