'use client';

/** Opens the browser's print dialog; the print stylesheet keeps only the content. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100 dark:hover:bg-slate-800">
      {label}
    </button>
  );
}
