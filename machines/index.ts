import { clientConfigFlow } from './client-config';
import type { FlowDefinition } from './define-flow';
import { fiveLayerFlow } from './five-layer';
import { fiveWhysFlow } from './five-whys';
import { incidentResponseFlow } from './incident-response';
import { tlsHandshakeFlow } from './tls-handshake';
import { FLOW_IDS, type FlowId } from './types';

/** All five decision flows by id, in the order the list shows them. */
export const FLOWS: Record<FlowId, FlowDefinition> = {
  'five-layer': fiveLayerFlow,
  'tls-handshake': tlsHandshakeFlow,
  'client-config': clientConfigFlow,
  'incident-response': incidentResponseFlow,
  'five-whys': fiveWhysFlow,
};

/** The machine of every flow by id. */
export const FLOW_MACHINES = Object.fromEntries(FLOW_IDS.map((id) => [id, FLOWS[id].machine])) as {
  [K in FlowId]: FlowDefinition['machine'];
};

export { FLOW_IDS, isFlowId } from './types';
export type { FlowDefinition, FlowMachine } from './define-flow';
export type * from './meta';
export type * from './types';
export { isValidHost, parsePort, textOf, validateFields, type FieldError } from './fields';
export { parseServerAddress } from './server-address';
export { buildProbeRequest } from './probe-request';
export { FINAL_KINDS } from './meta';
