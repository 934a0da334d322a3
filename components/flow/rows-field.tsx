'use client';

import { format, flowMessages, type Locale } from '@/lib/i18n';
import type { FieldSpec } from '@/machines';

type Row = Record<string, string>;

/** A table of rows (countermeasures: action, owner, due date) with add and remove buttons. */
export function RowsField({ field, id, value, error, lang, onChange }: {
  field: FieldSpec;
  id: string;
  value: Row[];
  error?: string;
  lang: Locale;
  onChange: (rows: Row[]) => void;
}) {
  const t = flowMessages[lang];
  const columns = field.columns ?? [];
  const rows = value.length > 0 ? value : [Object.fromEntries(columns.map((column) => [column.name, '']))];
  const set = (index: number, name: string, text: string) => onChange(rows.map((row, i) => (i === index ? { ...row, [name]: text } : row)));
  return (
    <fieldset className="mt-3" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="font-medium">{field.label[lang]}</legend>
      <ol className="mt-1 space-y-3">
        {rows.map((row, index) => (
          <li key={index} className="rounded border border-slate-200 p-2 dark:border-slate-700">
            <p className="text-sm text-slate-600 dark:text-slate-400">{format(t.row, { n: index + 1 })}</p>
            <div className="grid gap-2 md:grid-cols-[2fr_1fr_1fr_auto] md:items-end">
              {columns.map((column) => (
                <label key={column.name} className="flex flex-col text-sm">
                  {column.label[lang]}
                  <input
                    type={column.kind === 'date' ? 'date' : 'text'}
                    name={`${field.name}.${index}.${column.name}`}
                    value={row[column.name] ?? ''}
                    aria-required={column.required || undefined}
                    onChange={(e) => set(index, column.name, e.target.value)}
                    className="rounded border border-slate-500 px-2 py-1 dark:bg-slate-900"
                  />
                </label>
              ))}
              <button
                type="button"
                disabled={rows.length === 1}
                onClick={() => onChange(rows.filter((_, i) => i !== index))}
                className="rounded border border-slate-500 px-2 py-1 text-sm disabled:opacity-50"
              >
                {format(t.removeRow, { n: index + 1 })}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() => onChange([...rows, Object.fromEntries(columns.map((column) => [column.name, '']))])}
        className="mt-2 rounded border border-blue-700 px-3 py-1 text-sm text-blue-900 dark:border-blue-400 dark:text-blue-100"
      >
        {t.addRow}
      </button>
      {error ? <p id={`${id}-error`} className="mt-1 text-sm text-red-800 dark:text-red-300">{error}</p> : null}
    </fieldset>
  );
}
