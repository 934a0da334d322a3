'use client';

import { flowMessages, format, type Locale } from '@/lib/i18n';
import { targetOf } from '@/lib/flows';
import type { CommandSpec, FlowValues } from '@/machines';
import { CopyButton, CopyIcon } from '../copy-button';

/** Commands staff read out to the customer, filled with the flow's host and port. */
export function CommandList({ commands, values, lang }: { commands: CommandSpec[]; values: FlowValues; lang: Locale }) {
  const t = flowMessages[lang];
  const target = targetOf(values);
  const slots = { host: target.host || 'server.example.com', port: target.port || '443', url: target.url || `https://${target.host || 'server.example.com'}/` };
  return (
    <div className="mt-3">
      <p className="text-sm font-medium">{t.runCommand}</p>
      <ul className="mt-1 space-y-1">
        {commands.map((command) => {
          const text = format(command.command, slots);
          return (
            <li key={command.platform + command.command} className="flex flex-wrap items-center gap-2 text-sm">
              {command.platform === 'any' ? null : <span className="w-16 text-slate-600 dark:text-slate-400">{command.platform}</span>}
              <code className="rounded bg-slate-100 px-2 py-0.5 break-all dark:bg-slate-800">{text}</code>
              <CopyButton text={text} label={command.platform === 'any' ? t.copyCommand : format(t.copyCommandFor, { platform: command.platform })} copiedLabel={t.copied} failedLabel={t.copyFailed}>
                <CopyIcon />
              </CopyButton>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
