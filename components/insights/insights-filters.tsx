import { insightsMessages, type Locale } from '@/lib/i18n';

const FIELD = 'mt-1 block rounded border border-slate-500 px-2 py-1.5 dark:bg-slate-900';

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
  return (
    <form method="get" className="mt-6 flex flex-wrap items-end gap-4" aria-label={t.filters}>
      <div>
        <label htmlFor="insights-from" className="font-medium">
          {t.from}
        </label>
        <input id="insights-from" type="date" name="from" defaultValue={values.from} className={FIELD} />
      </div>
      <div>
        <label htmlFor="insights-to" className="font-medium">
          {t.to}
        </label>
        <input id="insights-to" type="date" name="to" defaultValue={values.to} className={FIELD} />
      </div>
      <div>
        <label htmlFor="insights-lang" className="font-medium">
          {t.lang}
        </label>
        <select id="insights-lang" name="lang" defaultValue={values.lang ?? ''} className={FIELD}>
          <option value="">{t.allLangs}</option>
          <option value="zh">{t.langZh}</option>
          <option value="en">{t.langEn}</option>
        </select>
      </div>
      <div>
        <label htmlFor="insights-flow" className="font-medium">
          {t.flow}
        </label>
        <select id="insights-flow" name="flow" defaultValue={values.flow ?? ''} className={FIELD}>
          <option value="">{t.allFlows}</option>
          {flows.map((flow) => (
            <option key={flow.id} value={flow.id}>
              {flow.title}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="insights-agent" className="font-medium">
          {t.agent}
        </label>
        <select id="insights-agent" name="agent" defaultValue={values.agent ?? ''} className={FIELD}>
          <option value="">{t.allAgents}</option>
          {agents.map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name} ({agent.email})
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600">
        {t.apply}
      </button>
    </form>
  );
}
