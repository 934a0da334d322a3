'use client';

import { useId, useRef, useState, type FormEvent } from 'react';
import { format, flowMessages, type Locale } from '@/lib/i18n';
import { fillFromHost, flowText, type FieldError, type SubmitOutcome } from '@/lib/flows';
import type { FieldValue, FlowContext, FlowValues, FormMeta } from '@/machines';
import { CauseSuggestions } from './cause-suggestions';
import { FormField } from './form-field';

function initialValues(meta: FormMeta, context: FlowContext, draft: FlowValues | undefined): FlowValues {
  return Object.fromEntries(meta.fields.map((field) => [field.name, draft?.[field.name] ?? context.values[field.name] ?? field.initial ?? (field.kind === 'rows' ? [] : '')]));
}

function errorFor(errors: FieldError[], name: string, lang: Locale): string | undefined {
  const own = errors.filter((error) => error.field === name || error.field.startsWith(`${name}.`));
  return own.length > 0 ? own.map((error) => error.message[lang]).join(' ') : undefined;
}

/** A form step: its fields, error messages naming what is wrong, and one submit button per action. */
export function FormStep({ meta, context, draft, lang, canAttach, onSubmit, carried }: {
  meta: FormMeta;
  /** Fields a hand-off filled, and the note that says so. */
  carried?: { fields: string[]; note: string };
  context: FlowContext;
  draft?: FlowValues;
  lang: Locale;
  canAttach: boolean;
  /** Hands the values to the runtime, which checks them; errors come back to show here. */
  onSubmit: (action: string, values: FlowValues) => SubmitOutcome;
}) {
  const t = flowMessages[lang];
  const id = useId();
  const [values, setValues] = useState<FlowValues>(() => initialValues(meta, context, draft));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const summary = useRef<HTMLDivElement>(null);
  const set = (name: string, value: FieldValue) => setValues((current) => ({ ...current, [name]: value }));

  function onFormSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const outcome = onSubmit(submitter?.value ?? meta.actions[0].id, values);
    if (outcome.ok) {
      setValues(outcome.values);
      setErrors([]);
      return;
    }
    setErrors(outcome.errors);
    if (outcome.errors.length > 0) requestAnimationFrame(() => summary.current?.focus());
  }

  const previous = Object.entries(context.values)
    .filter(([name]) => name === 'problem' || name.endsWith('.cause'))
    .map(([, value]) => (typeof value === 'string' ? value : ''))
    .join(' ');
  return (
    <form onSubmit={onFormSubmit} noValidate className="mt-2">
      {errors.length > 0 ? (
        <div ref={summary} tabIndex={-1} role="alert" data-form-errors className="rounded border border-red-700 p-3 text-red-900 dark:border-red-400 dark:text-red-200">
          <p className="font-semibold">{t.fixErrors}</p>
          <ul className="list-disc pl-5">
            {errors.map((error) => <li key={error.field}>{error.message[lang]}</li>)}
          </ul>
        </div>
      ) : null}
      {meta.fields.map((field) => (
        <div key={field.name}>
          <FormField
            field={field}
            id={`${id}-${field.name}`}
            value={values[field.name]}
            error={errorFor(errors, field.name, lang)}
            lang={lang}
            onChange={(value) => set(field.name, value)}
            // A pasted URL or host:port is split into its fields as soon as staff leave the field.
            onBlur={field.kind === 'host' ? () => setValues((current) => fillFromHost(meta.fields, current, field.name)) : undefined}
          />
          {carried?.fields.includes(field.name) ? <p data-carried={field.name} className="mt-1 text-sm text-slate-600 dark:text-slate-400">{carried.note}</p> : null}
          {field.suggestions ? <CauseSuggestions suggestions={field.suggestions} context={`${previous} ${values[field.name] ?? ''}`} lang={lang} onUse={(text) => set(field.name, text)} /> : null}
        </div>
      ))}
      <div className="mt-5 flex flex-wrap gap-2">
        {meta.actions.map((action, index) => (
          <button
            key={action.id}
            type="submit"
            value={action.id}
            className={
              index === 0
                ? 'rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600'
                : 'rounded border border-blue-700 px-4 py-2 text-blue-900 hover:bg-blue-50 dark:border-blue-400 dark:text-blue-100 dark:hover:bg-blue-950'
            }
          >
            {flowText(action.label, lang, context.values)}
          </button>
        ))}
      </div>
      {meta.attach ? (
        <div className="mt-4 flex flex-wrap items-center gap-2 text-sm">
          {meta.attach.map((type) => (
            <button key={type} type="submit" value={`attach-${type}`} disabled={!canAttach} aria-describedby={canAttach ? undefined : `${id}-attach-hint`} className="rounded border border-slate-500 px-2 py-1 hover:bg-slate-100 disabled:opacity-60 dark:hover:bg-slate-800">
              {format(t.attachProbe, { type: type.toUpperCase() })}
            </button>
          ))}
          {canAttach ? null : <p id={`${id}-attach-hint`} className="w-full text-slate-600 dark:text-slate-400">{t.attachNeedsHost}</p>}
        </div>
      ) : null}
    </form>
  );
}
