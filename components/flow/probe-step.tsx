'use client';

import { useEffect, useState } from 'react';
import { format, flowMessages, type Locale } from '@/lib/i18n';
import { formatHostPort } from '@/lib/address';
import type { SessionState } from '@/lib/flows';

/**
 * A running probe: what it tests, the elapsed time, and a cancel button. A probe a link or the
 * browser history left waiting (nothing running) runs only when staff press "Run the check".
 */
export function ProbeStep({ running, lang, onCancel, onStart }: { running: SessionState['running']; lang: Locale; onCancel: () => void; onStart: () => void }) {
  const t = flowMessages[lang];
  if (!running) {
    return (
      <div className="mt-3">
        <p>{t.probeHeld}</p>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t.probeFrom}</p>
        <button type="button" onClick={onStart} className="mt-3 rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600">
          {t.runCheck}
        </button>
      </div>
    );
  }
  return <RunningProbe running={running} lang={lang} onCancel={onCancel} />;
}

function RunningProbe({ running, lang, onCancel }: { running: NonNullable<SessionState['running']>; lang: Locale; onCancel: () => void }) {
  const t = flowMessages[lang];
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 100);
    return () => window.clearInterval(timer);
  }, []);
  const { request, busy } = running;
  const seconds = Math.max(0, (now - running.startedAt) / 1000).toFixed(1);
  return (
    <div className="mt-3" aria-busy="true">
      <p className="flex items-center gap-2">
        <span aria-hidden="true" className="inline-block h-3 w-3 animate-pulse rounded-full bg-blue-600" />
        <span>{t.probing}</span>
        <code className="rounded bg-slate-100 px-1.5 text-sm dark:bg-slate-800">
          {request.type.toUpperCase()} {'url' in request ? request.url : formatHostPort(request.host, 'port' in request ? request.port : undefined)}
        </code>
      </p>
      <p className="mt-1 text-sm text-slate-700 tabular-nums dark:text-slate-300" data-elapsed>
        {format(t.elapsed, { seconds })}
      </p>
      {/* The status is said once per try; the countdown beside it is for the eyes only, or it would be read out every second. */}
      <p className="mt-1 text-sm text-amber-800 tabular-nums dark:text-amber-200" data-busy>
        <span role="status">{busy ? format(t.probeBusy, { attempt: busy.attempt, attempts: busy.attempts }) : null}</span>
        {busy ? <span aria-hidden="true"> {format(t.probeBusyIn, { seconds: Math.max(0, Math.ceil((busy.retryAt - now) / 1000)) })}</span> : null}
      </p>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t.probeFrom}</p>
      <button type="button" onClick={onCancel} className="mt-3 rounded border border-slate-500 px-3 py-1 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-slate-800">
        {t.cancelProbe}
      </button>
    </div>
  );
}
