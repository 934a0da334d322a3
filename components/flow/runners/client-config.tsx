'use client';

import { clientConfigFlow } from '@/machines/flows/client-config';
import { FlowRunner, type FlowRunnerProps } from '../flow-runner';

/** The client-config flow's runner: its own module, so the page ships this one machine only. */
export function ClientConfigRunner(props: FlowRunnerProps) {
  return <FlowRunner flow={clientConfigFlow} {...props} />;
}
