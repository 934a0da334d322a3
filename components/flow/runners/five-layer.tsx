'use client';

import { fiveLayerFlow } from '@/machines/flows/five-layer';
import { FlowRunner, type FlowRunnerProps } from '../flow-runner';

/** The five-layer flow's runner: its own module, so the page ships this one machine only. */
export function FiveLayerRunner(props: FlowRunnerProps) {
  return <FlowRunner flow={fiveLayerFlow} {...props} />;
}
