import type { FlowDefinition } from './define-flow';
import type { FlowId } from './types';

/**
 * Loads one flow on demand. The runner imports through these rather than the
 * registry, so a flow page ships its own machine and not the other four.
 */
export const FLOW_LOADERS: Record<FlowId, () => Promise<FlowDefinition>> = {
  'five-layer': () => import('./five-layer').then((module) => module.fiveLayerFlow),
  'tls-handshake': () => import('./tls-handshake').then((module) => module.tlsHandshakeFlow),
  'client-config': () => import('./client-config').then((module) => module.clientConfigFlow),
  'incident-response': () => import('./incident-response').then((module) => module.incidentResponseFlow),
  'five-whys': () => import('./five-whys').then((module) => module.fiveWhysFlow),
};
