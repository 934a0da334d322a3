import type { ComponentType } from 'react';
import type { FlowId } from '@/machines';
import type { FlowRunnerProps } from './flow-runner';
import { FiveLayerRunner } from './runners/five-layer';
import { TlsHandshakeRunner } from './runners/tls-handshake';
import { ClientConfigRunner } from './runners/client-config';
import { IncidentResponseRunner } from './runners/incident-response';
import { FiveWhysRunner } from './runners/five-whys';

/**
 * The runner of each flow. Each is a client component in its own module that imports one
 * machine, so a flow page renders its first step on the server and ships only its own flow.
 */
export const FLOW_RUNNERS: Record<FlowId, ComponentType<FlowRunnerProps>> = {
  'five-layer': FiveLayerRunner,
  'tls-handshake': TlsHandshakeRunner,
  'client-config': ClientConfigRunner,
  'incident-response': IncidentResponseRunner,
  'five-whys': FiveWhysRunner,
};
