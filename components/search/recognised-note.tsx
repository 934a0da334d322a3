import type { SearchMessages } from '@/lib/i18n';
import type { ErrorSignature } from '@/lib/search';

/** Says what was recognised in a pasted error: its codes, exception names and key message. */
export function RecognisedNote({ signature, messages }: { signature: ErrorSignature; messages: SearchMessages }) {
  const names = [...signature.codes, ...signature.exceptions];
  const message = signature.messages[0];
  if (names.length === 0 && !message) return null;
  return (
    <p className="border-b border-slate-200 px-4 py-2 text-sm [overflow-wrap:anywhere] text-slate-700 dark:border-slate-700 dark:text-slate-300">
      {messages.recognised}{' '}
      {names.map((name) => (
        <code key={name} className="mr-1 rounded bg-slate-100 px-1 text-slate-900 dark:bg-slate-800 dark:text-slate-100">
          {name}
        </code>
      ))}
      {message && <q>{message}</q>}
    </p>
  );
}
