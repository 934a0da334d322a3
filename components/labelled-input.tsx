import type { InputHTMLAttributes } from 'react';

const INPUT = 'mt-1 block w-full rounded border border-slate-500 px-2 py-1.5 dark:bg-slate-900 aria-[invalid=true]:border-red-700';

/** A labelled text input with an optional hint tied to it (`aria-describedby`): the fields of the sign-in, setup and case forms. */
export function LabelledInput({ id, label, hint, className, ...input }: { id: string; label: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <input id={id} aria-describedby={hint ? `${id}-hint` : undefined} className={INPUT} {...input} />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
