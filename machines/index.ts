/*
 * Pure XState definitions of the five decision flows. A machine only describes steps and
 * branches; the runtime (`@/lib/flows`) checks forms, runs probes and sends their results
 * as events. Importing this module loads all five flows: a page that runs one flow
 * imports that flow's own module (`@/machines/flows/<id>`) instead, so it ships one.
 */
import { clientConfigFlow } from './flows/client-config';
import { fiveLayerFlow } from './flows/five-layer';
import { fiveWhysFlow } from './flows/five-whys';
import { incidentResponseFlow } from './flows/incident-response';
import { tlsHandshakeFlow } from './flows/tls-handshake';
import type { FlowDefinition, FlowId } from './kit';

/** All five decision flows by id, in the order the list shows them. */
export const FLOWS: Record<FlowId, FlowDefinition> = {
  'five-layer': fiveLayerFlow,
  'tls-handshake': tlsHandshakeFlow,
  'client-config': clientConfigFlow,
  'incident-response': incidentResponseFlow,
  'five-whys': fiveWhysFlow,
};

export { FINAL_KINDS, FLOW_IDS, initialContext, isFlowId, stateTargets, VALUE_TESTS } from './kit';
export type * from './kit';
