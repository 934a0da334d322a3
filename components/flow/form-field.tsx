'use client';

import { flowMessages, type Locale } from '@/lib/i18n';
import type { FieldSpec, FieldValue } from '@/machines';
import { RowsField } from './rows-field';

const INPUT = 'w-full rounded border border-slate-500 px-2 py-1 dark:bg-slate-900 aria-[invalid=true]:border-red-700';

/** One input of a form step, labelled, with its help and error text tied to it. */
export function FormField({ field, id, value, error, lang, onChange, onBlur }: {
  field: FieldSpec;
  id: string;
  value: FieldValue | undefined;
  error?: string;
  lang: Locale;
  onChange: (value: FieldValue) => void;
  onBlur?: () => void;
}) {
  const t = flowMessages[lang];
  const describedBy = [field.help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const text = typeof value === 'string' ? value : '';
  const label = (
    <>
      {field.label[lang]} <span className="text-sm font-normal text-slate-600 dark:text-slate-400">({field.required ? t.required : t.optional})</span>
    </>
  );
  const common = { id, name: field.name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, 'aria-required': field.required || undefined };
  let control;
  if (field.kind === 'choice') {
    return (
      <fieldset className="mt-3" aria-describedby={describedBy}>
        <legend className="font-medium">{label}</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {(field.choices ?? []).map((choice) => (
            <label key={choice.id} className="flex items-center gap-1">
              <input type="radio" name={`${id}-${field.name}`} value={choice.id} checked={text === choice.id} onChange={() => onChange(choice.id)} />
              {choice.label[lang]}
            </label>
          ))}
        </div>
        {error ? <p id={`${id}-error`} className="mt-1 text-sm text-red-800 dark:text-red-300">{error}</p> : null}
      </fieldset>
    );
  }
  if (field.kind === 'rows') {
    return <RowsField field={field} id={id} value={Array.isArray(value) ? value : []} error={error} lang={lang} onChange={onChange} />;
  }
  if (field.kind === 'textarea') {
    control = <textarea {...common} rows={3} value={text} onChange={(e) => onChange(e.target.value)} className={INPUT} />;
  } else {
    control = (
      <input
        {...common}
        type={field.kind === 'date' ? 'date' : 'text'}
        inputMode={field.kind === 'port' ? 'numeric' : field.kind === 'url' || field.kind === 'host' ? 'url' : undefined}
        autoComplete="off"
        spellCheck={field.kind === 'text' ? undefined : false}
        placeholder={field.placeholder}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        className={`${INPUT} ${field.kind === 'port' ? 'max-w-32' : ''}`}
      />
    );
  }
  return (
    <div className="mt-3">
      <label htmlFor={id} className="block font-medium">{label}</label>
      {field.help ? <p id={`${id}-help`} className="text-sm text-slate-600 dark:text-slate-400">{field.help[lang]}</p> : null}
      <div className="mt-1">{control}</div>
      {error ? <p id={`${id}-error`} className="mt-1 text-sm text-red-800 dark:text-red-300">{error}</p> : null}
    </div>
  );
}
