import type { ValueCondition } from './conditions';
import type { FixRef, FlowId, ProbeType, ResultMatch, Text } from './types';

/** A button staff can press; `id` becomes the event `answer.<id>` or `submit.<id>`. */
export interface OptionSpec {
  id: string;
  label: Text;
}

/** A command staff can read out to the customer, e.g. when a probe could not run. */
export interface CommandSpec {
  platform: 'Windows' | 'macOS' | 'Linux' | 'any';
  /** May hold `{host}`, `{port}`, `{url}`. */
  command: string;
}

/** A knowledge-base cause offered as a suggestion in a "why" step. */
export interface CauseSuggestion {
  text: Text;
  fix: FixRef;
}

/** One input of a form step; `name` is the key in the flow's values. */
export interface FieldSpec {
  name: string;
  /**
   * `host`: a server as staff paste it (name, IP, `host:port` or a URL, which also fills the
   * form's port and URL fields); `address`: a client's server setting, kept verbatim and read
   * but never refused (a malformed one is what the flow diagnoses).
   */
  kind: 'host' | 'address' | 'port' | 'url' | 'text' | 'textarea' | 'date' | 'choice' | 'rows';
  label: Text;
  help?: Text;
  required?: boolean;
  /** Shown as an example inside an empty field; not a value. */
  placeholder?: string;
  /** Filled in when the field is empty and nothing was typed before. */
  initial?: string;
  /** `choice`: the allowed values. */
  choices?: OptionSpec[];
  /** `rows`: the columns of each row (text, date). */
  columns?: FieldSpec[];
  /** `textarea`: knowledge-base causes to offer. */
  suggestions?: CauseSuggestion[];
}

/** What every state shows. */
interface BaseMeta {
  title: Text;
  body?: Text;
  /** An article section to read alongside this step. */
  ref?: FixRef;
}

/**
 * An answer a question need not ask for: when the flow's values pass `when`, the runtime picks
 * `option` by itself and shows it as implied ("implied by https:// in the URL"), and staff can
 * change it. `source` names the field in words.
 */
export interface ImpliedAnswer {
  option: string;
  when: ValueCondition;
  source: Text;
}

/** A question answered by pressing one option. */
export interface QuestionMeta extends BaseMeta {
  kind: 'question';
  options: OptionSpec[];
  /** Answers the values already give, tried in order. */
  implied?: ImpliedAnswer[];
  commands?: CommandSpec[];
  /** Text the UI generates from the answers (the customer status update). */
  template?: 'incident-status';
  /** Set on the question asked when the named probe state could not decide. */
  fallbackFor?: string;
}

/** A form: fields plus the buttons that submit it. */
export interface FormMeta extends BaseMeta {
  kind: 'form';
  fields: FieldSpec[];
  actions: OptionSpec[];
  /** Buttons that submit the form and attach a probe as evidence (`submit.attach-<type>`). */
  attach?: ProbeType[];
}

/** Which flow values feed a probe request; the runtime builds the request from them. */
export interface ProbeRequestSpec {
  /** A fixed probe kind, or the one staff chose to attach. */
  type: ProbeType | 'attached';
  /** Field holding the host, or `address` below for a verbatim client setting. */
  host?: string;
  port?: string;
  url?: string;
  /** Field holding a server address as a client has it (`https://host:port`); its port wins over `port`. */
  address?: string;
}

/** One outcome a probe state branches on. */
export interface BranchMeta {
  id: string;
  match: ResultMatch;
  /** A further condition on the flow's values (e.g. only when a URL was given). */
  when?: ValueCondition;
  target: string;
  /** How staff answer the same thing by hand when the probe cannot run. */
  manual?: Text;
}

/** A state that runs a probe by itself and branches on the result code. */
export interface ProbeMeta extends BaseMeta {
  kind: 'probe';
  request: ProbeRequestSpec;
  branches: BranchMeta[];
  /** Where a result no branch matches goes (usually the manual fallback). */
  otherwise: string;
  /** The question asked when the probe fails, times out or is cancelled. */
  fallback: string;
}

/**
 * The flow ends at one fix. Its title and summary are the article's (the page reads them
 * from the content), so the machine names only the fix.
 */
export interface FixMeta {
  kind: 'fix';
  fix: FixRef;
}

/** The flow ends by handing over to another flow. */
export interface HandoffMeta extends BaseMeta {
  kind: 'handoff';
  flow: FlowId;
  /**
   * Values the next flow's fields start from, by the next flow's field name: text in each
   * language with `{name}` slots filled from this flow's values (e.g. the incident's service,
   * start and symptom as the 5 Whys problem). The target (host, port, URL) is always carried.
   */
  carry?: Record<string, Text>;
}

/** The flow ends with a generated report (five-whys): the template and what it needs to read the values. */
export interface ReportMeta extends BaseMeta {
  kind: 'report';
  template: 'five-whys';
  /** How many "why" steps the flow has (`why1` … `whyN`). */
  whys: number;
  /** The certainty choices of each cause, for their labels. */
  certainty: OptionSpec[];
}

/** The flow ends without a fix (the problem went away). */
export interface EndMeta extends BaseMeta {
  kind: 'end';
}

/** The `meta` every state carries; the UI renders a flow from these alone. */
export type StepMeta = QuestionMeta | FormMeta | ProbeMeta | FixMeta | HandoffMeta | ReportMeta | EndMeta;

/** Meta kinds that end a flow. */
export const FINAL_KINDS = ['fix', 'handoff', 'report', 'end'] as const;

/** What the list of flows shows about one flow. */
export interface FlowInfo {
  id: FlowId;
  /** Bump when states or events change meaning; old links are then replayed with care. */
  version: number;
  title: Text;
  description: Text;
}
