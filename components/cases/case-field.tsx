import type { InputHTMLAttributes } from 'react';

const INPUT = 'mt-1 block w-full rounded border border-slate-500 px-2 py-1.5 dark:bg-slate-900 aria-[invalid=true]:border-red-700';

/** A labelled input of the case forms, with an optional hint tied to it. */
export function CaseField({ id, label, hint, className, ...input }: { id: string; label: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
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

/** What to tell the person after a failed call of the case API: the field and what is wrong with it, or the status. */
export async function apiProblem(response: Response, t: { invalidField: string; failed: string; unavailable: string }, labels: Record<string, string>): Promise<{ text: string; field?: string }> {
  const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string; field?: string } };
  if (response.status === 503) return { text: t.unavailable };
  const field = body.error?.field;
  if (response.status === 400 && field) {
    // The API's message starts with the field's name; say the label instead.
    const message = (body.error?.message ?? '').replace(new RegExp(`^${field.replace('.', '\\.')}\\s*`), '');
    return { text: t.invalidField.replace('{field}', labels[field] ?? field).replace('{message}', message), field };
  }
  return { text: t.failed.replace('{status}', String(response.status)) };
}
