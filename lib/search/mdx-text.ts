/** Searchable text pulled out of an MDX section. */
export interface SectionText {
  /** The prose, markup removed, one sentence a line. */
  prose: string;
  /** Commands and configuration snippets, one block each. */
  commands: string[];
  /** Sample output (```text blocks): they hold the messages people paste. */
  outputs: string[];
  /** `###` headings inside the section. */
  headings: string[];
}

const COMMAND_LANGS = new Set(['bash', 'sh', 'shell', 'zsh', 'console', 'powershell', 'ps1', 'pwsh', 'cmd', 'bat', 'nginx', 'ini', 'yaml', 'yml', 'json', 'sql', 'apache', 'conf', 'toml', 'xml']);
const MAX_BLOCK = 400;
const FENCE = /^\s*(`{3,}|~{3,})\s*([\w+-]*)/;
const PLACEHOLDER = /\{\{\s*(\w+)(?::[^}]*)?\s*\}\}/g;
const JSX_LINE = /^\s*<\/?[A-Z][\w.]*(?:\s[^>]*)?\/?>\s*$/;

/** Markdown inline markup to plain words; placeholders such as `{{host}}` become `…`, so every command does not match "host". */
export function plainInline(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*|__(?=\S)|(?<=\S)__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])/g, '')
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(PLACEHOLDER, '…')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>|])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A paragraph cut into sentences, so search can keep just the sentences that match. */
function sentences(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?;])\s+(?=[A-Z0-9"“(])|(?<=[。！？；])/).map((part) => part.trim()).filter(Boolean);
}

function cap(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit).replace(/\s+\S*$/, '')}…`;
}

/** Splits MDX (an article body or one fix) into prose, commands, sample output and headings. */
export function sectionText(source: string): SectionText {
  const result: SectionText = { prose: '', commands: [], outputs: [], headings: [] };
  const prose: string[] = [];
  let fence: { marker: string; lang: string; lines: string[] } | null = null;
  for (const line of source.split('\n')) {
    if (fence) {
      if (line.trim().startsWith(fence.marker) && line.trim().replace(/[`~]/g, '') === '') {
        const code = fence.lines.join('\n').replace(PLACEHOLDER, '…').trim();
        if (code) (COMMAND_LANGS.has(fence.lang) ? result.commands : result.outputs).push(cap(code, MAX_BLOCK));
        fence = null;
      } else fence.lines.push(line);
      continue;
    }
    const open = FENCE.exec(line);
    if (open) {
      fence = { marker: open[1], lang: open[2].toLowerCase() || 'text', lines: [] };
      continue;
    }
    if (JSX_LINE.test(line) || /^\s*(?:import|export)\s/.test(line)) continue;
    const heading = /^(#{2,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      result.headings.push(plainInline(heading[2]));
      continue;
    }
    const text = plainInline(line.replace(/^\s*(?:[-*+]|\d+\.)\s+/, '').replace(/^\s*>\s?/, '').replace(/\|/g, ' '));
    if (text && !/^[-:\s]+$/.test(text)) prose.push(...sentences(text));
  }
  result.prose = prose.join('\n');
  return result;
}
