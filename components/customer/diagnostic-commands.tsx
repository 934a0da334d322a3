import { CodeBlock } from '@/components/mdx/code-block';
import { PlatformTabs } from '@/components/mdx/platform-tabs';
import type { CustomerView } from '@/lib/cases/server';
import type { CustomerMessages } from '@/lib/i18n';
import { EvidenceForm } from './evidence-form';

const OPEN_TERMINAL = { Windows: 'openTerminalWindows', macOS: 'openTerminalMac', Linux: 'openTerminalLinux' } as const;
/** The shell each platform's commands are written for, for highlighting. */
const SHELL = { Windows: 'powershell', macOS: 'bash', Linux: 'bash' } as const;
const PURPOSE = { curl: 'curlWhat', tcp: 'tcpWhat', dns: 'dnsWhat', trace: 'traceWhat' } as const;

/** The diagnostic commands for the customer's operating system (tabs), filled with the case's values, and the box for their output. */
export function DiagnosticCommands({ token, view, t }: { token: string; view: CustomerView; t: CustomerMessages }) {
  const labels = { copy: t.copy, copied: t.copied, failed: t.copyFailed };
  return (
    <section aria-labelledby="commands-heading" className="mt-10 rounded-lg border border-slate-300 p-4 dark:border-slate-700">
      <h2 id="commands-heading" className="text-xl font-semibold">
        {t.commandsHeading}
      </h2>
      <p className="mt-2">{t.commandsIntro}</p>
      <PlatformTabs
        ariaLabel={t.platform}
        labels={view.commands.map((os) => os.platform)}
        panels={view.commands.map((os) => (
          <div key={os.platform} className="py-2">
            <p>{t[OPEN_TERMINAL[os.platform as keyof typeof OPEN_TERMINAL]]}</p>
            {os.commands.map((command) => (
              <div key={command.code} className="mt-3">
                <p className="text-sm text-slate-700 dark:text-slate-300">{t[PURPOSE[command.purpose]]}</p>
                <CodeBlock values={view.values} labels={labels} markExamples>
                  <code className={`language-${SHELL[os.platform as keyof typeof SHELL]}`}>{command.code}</code>
                </CodeBlock>
              </div>
            ))}
          </div>
        ))}
      />
      <EvidenceForm token={token} lang={view.lang} t={t} />
    </section>
  );
}
