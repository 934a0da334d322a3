'use client';

import { format, type SearchMessages } from '@/lib/i18n';
import { bestSnippet, type ResultGroup, type SearchHit, type SearchRecord } from '@/lib/search';
import { HighlightedText } from './highlighted-text';

/** One choosable row of the palette: a result, or a recent search to run again. */
export type PaletteOption = { type: 'hit'; hit: SearchHit } | { type: 'recent'; query: string };

/** A labelled block of options: a result group, or the recent searches. */
export interface OptionGroup {
  id: ResultGroup | 'recent';
  label: string;
  options: PaletteOption[];
}

/** The id of option `index` of the listbox `listId`, for `aria-activedescendant`. */
export function optionId(listId: string, index: number): string {
  return `${listId}-option-${index}`;
}

const KIND_LABEL = { fix: 'kindFix', article: 'kindArticle', flow: 'kindFlow', step: 'kindStep' } as const;

function HitOption({ hit, terms, records, messages }: { hit: SearchHit; terms: readonly string[]; records: readonly SearchRecord[]; messages: SearchMessages }) {
  const { record } = hit;
  const parent = record.parent === undefined ? undefined : records[record.parent];
  const snippet = bestSnippet(record, terms, parent);
  const language = record.lang === 'zh' ? messages.langZh : messages.langEn;
  return (
    // Exception names and stack frames are long unbroken words: let them wrap anywhere rather
    // than push the palette wider than a phone.
    <span lang={hit.otherLanguage ? record.lang : undefined} className="block min-w-0 [overflow-wrap:anywhere]">
      <span className="flex flex-wrap items-baseline gap-x-2">
        <span className="min-w-0 font-medium">
          <HighlightedText text={record.title} terms={terms} />
        </span>
        {(record.kind === 'flow' || record.kind === 'step') && <span className="text-xs text-slate-600 dark:text-slate-300">{messages[KIND_LABEL[record.kind]]}</span>}
        {hit.otherLanguage && (
          <span className="rounded border border-slate-400 px-1 text-xs text-slate-700 dark:border-slate-500 dark:text-slate-200">
            {language}
            <span className="sr-only">{format(messages.inLanguage, { language })}</span>
          </span>
        )}
      </span>
      {record.context && <span className="block text-xs text-slate-600 dark:text-slate-300">{format(messages.within, { title: record.context })}</span>}
      {snippet && (
        <span className="mt-0.5 block text-sm text-slate-700 dark:text-slate-300">
          <HighlightedText text={snippet} terms={terms} />
        </span>
      )}
    </span>
  );
}

/** The listbox of the palette: options in labelled groups, the active one marked. */
export function SearchResults(props: {
  id: string;
  groups: OptionGroup[];
  active: number;
  terms: readonly string[];
  records: readonly SearchRecord[];
  messages: SearchMessages;
  onActivate: (index: number) => void;
  onChoose: (option: PaletteOption) => void;
}) {
  const { id, groups, active, terms, records, messages, onActivate, onChoose } = props;
  // Options are numbered across groups: the listbox is one list for the combobox.
  const starts = groups.reduce<number[]>((list, _, at) => [...list, at === 0 ? 0 : list[at - 1] + groups[at - 1].options.length], []);
  return (
    <div id={id} role="listbox" aria-label={messages.listLabel} className="max-h-[55vh] overflow-y-auto px-2 pb-2">
      {groups.map((group, groupIndex) => (
        <div key={group.id} role="group" aria-labelledby={`${id}-${group.id}`} className="pt-2">
          <div id={`${id}-${group.id}`} role="presentation" className="px-2 pb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
            {group.label}
          </div>
          {group.options.map((option, optionIndex) => {
            const position = starts[groupIndex] + optionIndex;
            const selected = position === active;
            return (
              // Keys are the combobox input's (aria-activedescendant points here), so the option itself is only clicked.
              // eslint-disable-next-line jsx-a11y/click-events-have-key-events
              <div
                key={option.type === 'hit' ? option.hit.url + option.hit.record.lang : `recent-${option.query}`}
                id={optionId(id, position)}
                role="option"
                aria-selected={selected}
                tabIndex={-1}
                onMouseMove={() => !selected && onActivate(position)}
                onClick={() => onChoose(option)}
                className={`cursor-pointer rounded-md px-2 py-1.5 ${selected ? 'bg-blue-100 dark:bg-blue-900/60' : ''}`}
              >
                {option.type === 'hit' ? (
                  <HitOption hit={option.hit} terms={terms} records={records} messages={messages} />
                ) : (
                  <span className="block truncate text-sm">{option.query}</span>
                )}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
