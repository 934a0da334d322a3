'use client';

import { fiveWhysFlow } from '@/machines/flows/five-whys';
import { FlowRunner, type FlowRunnerProps } from '../flow-runner';

/** The five-whys flow's runner: its own module, so the page ships this one machine only. */
export function FiveWhysRunner(props: FlowRunnerProps) {
  return <FlowRunner flow={fiveWhysFlow} {...props} />;
}
