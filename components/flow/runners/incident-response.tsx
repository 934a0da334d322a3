'use client';

import { incidentResponseFlow } from '@/machines/flows/incident-response';
import { FlowRunner, type FlowRunnerProps } from '../flow-runner';

/** The incident-response flow's runner: its own module, so the page ships this one machine only. */
export function IncidentResponseRunner(props: FlowRunnerProps) {
  return <FlowRunner flow={incidentResponseFlow} {...props} />;
}
