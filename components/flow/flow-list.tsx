import Link from 'next/link';
import { listFlows } from '@/lib/flows/server';
import type { Locale } from '@/lib/i18n';

/** Every decision flow with its one-line description; used on the home page and the flow list. */
export function FlowList({ lang, headingLevel = 3 }: { lang: Locale; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="grid gap-4 md:grid-cols-2">
      {listFlows().map((flow) => (
        <li key={flow.id} className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
          <Heading className="font-semibold">
            <Link href={`/${lang}/flows/${flow.id}`} className="text-blue-800 hover:underline dark:text-blue-300">
              {flow.title[lang]}
            </Link>
          </Heading>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{flow.description[lang]}</p>
        </li>
      ))}
    </ul>
  );
}
