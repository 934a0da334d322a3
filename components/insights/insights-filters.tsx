import type { ReactNode } from 'react';
import { insightsMessages, type Locale } from '@/lib/i18n';

// max-w-full: a long flow title as an option must not widen a phone's page.
const FIELD = 'mt-1 block max-w-full rounded border border-slate-500 px-2 py-1.5 dark:bg-slate-900';

/** What the filter form offers and has chosen. */
export interface FilterChoices {
  values: { from: string; to: string; lang?: string; flow?: string; agent?: string };
  flows: Array<{ id: string; title: string }>;
  agents: Array<{ id: string; name: string; email: string }>;
}

/** The filters as a plain GET form: they live in the URL, so a filtered page can be bookmarked and shared, and it works without JavaScript. */
export function InsightsFilters({ lang, choices }: { lang: Locale; choices: FilterChoices }) {
  const t = insightsMessages[lang];
  const { values, flows, agents } = choices;
  const select = (id: string, name: keyof FilterChoices['values'], label: string, all: string, options: Array<[string, string]>) => (
    <Field id={id} label={label}>
      <select id={id} name={name} defaultValue={values[name] ?? ''} className={FIELD}>
        <option value="">{all}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <form method="get" className="mt-6 flex flex-wrap items-end gap-4" aria-label={t.filters}>
      <Field id="insights-from" label={t.from}>
        <input id="insights-from" type="date" name="from" defaultValue={values.from} className={FIELD} />
      </Field>
      <Field id="insights-to" label={t.to}>
        <input id="insights-to" type="date" name="to" defaultValue={values.to} className={FIELD} />
      </Field>
      {select('insights-lang', 'lang', t.lang, t.allLangs, [['zh', t.langZh], ['en', t.langEn]])}
      {select('insights-flow', 'flow', t.flow, t.allFlows, flows.map((flow) => [flow.id, flow.title]))}
      {select('insights-agent', 'agent', t.agent, t.allAgents, agents.map((agent) => [agent.id, `${agent.name} (${agent.email})`]))}
      <button type="submit" className="rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600">
        {t.apply}
      </button>
    </form>
  );
}

/** A labelled control of the filter form. */
function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="max-w-full">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}
