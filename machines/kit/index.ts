/*
 * The kit flows are built with: step builders on one shared XState setup, the probe code
 * groups flows branch on, and the types of their meta, context and events.
 */
export { defineFlow, fixKey, stateTargets, type FlowDefinition, type FlowMachine } from './define-flow';
export { question, form, handoffEnd, reportEnd, plainEnd } from './steps';
export { probe } from './probe-step';
export type { Goto, StepBuilder } from './step-types';
export { DNS_FAILURE_CODES, DNS_SERVER_FAILURE_CODES, LOWER_LAYER_CODES, TCP_CODES, TLS_PROBLEM_CODES } from './probe-codes';
export { MANUAL_COMMANDS } from './commands';
export { VALUE_TESTS } from './conditions';
export { initialContext } from './setup';
export { FINAL_KINDS } from './meta';
export type * from './meta';
export type * from './types';
export { FLOW_IDS, isFlowId } from './types';
