/** The operating systems the customer page has commands for, as its tabs name them. */
type Platform = 'Windows' | 'macOS' | 'Linux';

/** What a diagnostic command shows, as the page's strings name it. */
type CommandPurpose = 'curl' | 'tcp' | 'dns' | 'trace';

/** One command to run, with `{{host}}` and `{{port}}` placeholders, and what it shows. */
export interface DiagnosticCommand {
  purpose: CommandPurpose;
  code: string;
}

/**
 * The commands a customer runs to show what their computer sees, per operating system: only
 * tools the output parser reads, each of which only reads (nothing changes a setting). `url`
 * is the case's own URL when it has one; otherwise curl is pointed at `https://host:port/`.
 */
export function diagnosticCommands(url: string | null): Array<{ platform: Platform; commands: DiagnosticCommand[] }> {
  const web = url ?? 'https://{{host}}:{{port:443}}/';
  return [
    {
      platform: 'Windows',
      commands: [
        { purpose: 'curl', code: `curl.exe -v ${web}` },
        { purpose: 'tcp', code: 'Test-NetConnection {{host}} -Port {{port:443}}' },
        { purpose: 'dns', code: 'nslookup {{host}}' },
        { purpose: 'trace', code: 'tracert {{host}}' },
      ],
    },
    {
      platform: 'macOS',
      commands: [
        { purpose: 'curl', code: `curl -v ${web}` },
        { purpose: 'dns', code: 'nslookup {{host}}' },
        { purpose: 'trace', code: 'traceroute {{host}}' },
      ],
    },
    {
      platform: 'Linux',
      commands: [
        { purpose: 'curl', code: `curl -v ${web}` },
        { purpose: 'dns', code: 'nslookup {{host}}' },
        { purpose: 'trace', code: 'tracepath {{host}}' },
      ],
    },
  ];
}
