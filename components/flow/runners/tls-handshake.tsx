'use client';

import { tlsHandshakeFlow } from '@/machines/flows/tls-handshake';
import { FlowRunner, type FlowRunnerProps } from '../flow-runner';

/** The tls-handshake flow's runner: its own module, so the page ships this one machine only. */
export function TlsHandshakeRunner(props: FlowRunnerProps) {
  return <FlowRunner flow={tlsHandshakeFlow} {...props} />;
}
