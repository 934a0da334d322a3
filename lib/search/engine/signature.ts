/*
 * A pasted log, stack trace or browser error page is mostly noise for search:
 * stack frames, timestamps, host names, addresses, ports. What identifies the
 * problem is its signature: error codes, exception names and the key message.
 */

/** What was recognised in a pasted error; `query` is what gets searched. */
export interface ErrorSignature {
  /** Error codes as written, e.g. `NET::ERR_CERT_DATE_INVALID`, `ECONNREFUSED`, `0x80090331`, `curl: (28)`, `502 Bad Gateway`. */
  codes: string[];
  /** Exception class names without their package, e.g. `SSLHandshakeException`. */
  exceptions: string[];
  /** The key message lines, cleaned of hosts, addresses and numbers. */
  messages: string[];
  /** Codes, exceptions and messages joined: the text that is searched. */
  query: string;
}

const MAX_MESSAGES = 3;
const MAX_MESSAGE_LENGTH = 160;

/** A pasted error rather than typed words: several lines, very long, or a stack frame. */
export function looksPasted(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.includes('\n') || trimmed.length > 160 || STACK_FRAME.test(trimmed);
}

const STACK_FRAME = /(?:^|\s)at [\w$.<>/]+(?:\.[\w$<>]+)+ ?\(|^\s*File ".*", line \d+/m;

const CODE_PATTERNS: RegExp[] = [
  /\bNET::ERR_[A-Z0-9_]+/g,
  /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g,
  /\bE[A-Z]{4,}\b/g,
  /\b0x[0-9A-Fa-f]{8}\b/g,
  /\bcurl: \(\d+\)/g,
  /\bORA-\d{5}\b/g,
  /\b[45]\d\d (?:Bad Gateway|Service Unavailable|Gateway Time-?out|Too Many Requests|Forbidden|Internal Server Error|Request Timeout|Bad Request|Unauthorized)\b/gi,
];

/** Capitalised words that match the errno pattern but are just words. */
const NOT_CODES = new Set(['ERROR', 'ERRORS', 'EXCEPTION', 'EXPIRED', 'ENABLED', 'EMPTY', 'EVENT', 'EXAMPLE', 'EXTERNAL', 'ESTABLISHED', 'ENTRY']);

/** Operating-system error numbers people paste, by the name articles use. */
const ERRNO_NAMES: Record<string, string> = {
  'Errno 111': 'ECONNREFUSED',
  'Errno 110': 'ETIMEDOUT',
  'Errno 113': 'EHOSTUNREACH',
  'Errno 104': 'ECONNRESET',
  'Errno -2': 'ENOTFOUND',
  'Errno -3': 'EAI_AGAIN',
  'WinError 10061': 'WSAECONNREFUSED',
  'WinError 10060': 'WSAETIMEDOUT',
  'WinError 10054': 'WSAECONNRESET',
};

const EXCEPTION = /\b(?:[A-Za-z_$][\w$]*\.)*([A-Z][\w$]*[a-z0-9](?:Exception|Error))\b/g;

/** Words that make a line the message rather than context; the second list counts half. */
const STRONG_WORDS =
  /\b(?:error|fail(?:ed|ure|s)?|refused|timed? ?out|timeout|unreachable|denied|invalid|expired?|reset|cannot|can't|could ?n[o']t|unable|exception|unknown|reject(?:ed)?|abort(?:ed)?|mismatch|untrusted|self[- ]signed|too many|unavailable|bad gateway|hang ?up|blocked|forbidden)\b|拒绝|超时|失败|错误|无法|不可达|过期|不受信任/gi;
const WEAK_WORDS = /\b(?:not|no|loss|lost|closed|verify|certificate|handshake|private)\b|不是|没有/gi;

/** Lines that describe where an error happened, not what it is. */
const NOISE_LINE = [
  /^\s*at\s/,
  /^\s*File ".*", line \d+/,
  /^\s*\.\.\. ?\d+ more/,
  /^\s*[\^~]+\s*$/,
  /^\s*Traceback \(most recent call last\)/,
  /^\s*node:internal\//,
  /triggerUncaughtException/,
  /^\s*[{}]\s*$/,
  /^\s*(?:errno|syscall|hostname|address|port|code):\s/,
  /^-{3,}$/,
];

const SCRUB: Array<[RegExp, string]> = [
  [/<[^<>]*\bobject at 0x[0-9a-f]+>/gi, ''],
  [/^Exception in thread "[^"]*"\s*/, ''],
  [/\b\d{4}[-/.]\d{2}[-/.]\d{2}[ T]?(?:\d{2}:\d{2}:\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g, ' '],
  [/\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b/g, ' '],
  [/\[(?:error|warn(?:ing)?|info|debug|crit(?:ical)?|fatal|notice|alert|emerg)\]/gi, ' '],
  [/^\s*(?:ERROR|WARN(?:ING)?|INFO|DEBUG|FATAL|SEVERE)\b:?/g, ' '],
  [/\b\d+#\d+:\s*(?:\*\d+)?/g, ' '],
  [/\b[a-z][\w+.-]*:\/\/\S+/gi, ' '],
  [/\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b/g, ' '],
  [/\[?(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{1,4}\]?(?::\d+)?/gi, ' '],
  [/\b(?:[a-z0-9-]+\.)+(?:com|net|org|io|cn|local|internal|example|dev|corp|lan|intra|cloud)\b(?::\d+)?/gi, ' '],
  [/(?:[A-Za-z]:)?(?:[\\/][\w.-]+){2,}[\\/]?/g, ' '],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, ' '],
  [/\b0x[0-9a-f]{9,}\b/gi, ' '],
  [/\b(?:client|server|request|upstream|host|referrer|hostname|port|url):\s*("[^"]*"|'[^']*'|\S+)/gi, ' '],
  [/\b[\w.]+=(?:'[^']*'|"[^"]*"|[^\s,):]+)/g, ' '],
  [/\b(?:port|after) \d+(?: ?ms)?\b/gi, ' '],
  [/\b\d{5,}\b/g, ' '],
  [/[()[\]{}"`<>]+|(?<![A-Za-z])'|'(?![A-Za-z])/g, ' '],
  [/\s+/g, ' '],
];

function scrub(line: string): string {
  let text = line.replace(EXCEPTION, '$1');
  for (const [pattern, replacement] of SCRUB) text = text.replace(pattern, replacement);
  return text.replace(/^[\s:,;*>-]+|[\s:,;(]+$/g, '').trim();
}

/** Error codes written in a text, e.g. `NET::ERR_CERT_DATE_INVALID`, `ECONNREFUSED`, `0x80090331`, `curl: (6)`, `502 Bad Gateway`. */
export function findErrorCodes(text: string): string[] {
  const codes: string[] = [];
  const add = (code: string) => {
    if (!codes.some((known) => known.toUpperCase().includes(code.toUpperCase()))) codes.push(code);
  };
  for (const pattern of CODE_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      if (!NOT_CODES.has(match[0])) add(match[0]);
    }
  }
  for (const [written, name] of Object.entries(ERRNO_NAMES)) {
    if (new RegExp(`\\b${written.replace(' ', '\\s*')}\\b`).test(text)) add(name);
  }
  return codes;
}

function findExceptions(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(EXCEPTION)) if (!names.includes(match[1])) names.push(match[1]);
  return names.slice(0, 4);
}

function errorishness(line: string): number {
  return 2 * (line.match(STRONG_WORDS) ?? []).length + (line.match(WEAK_WORDS) ?? []).length;
}

function words(line: string): Set<string> {
  return new Set(line.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []);
}

/** True when every word of `line` is also in `other`: the shorter line adds nothing. */
function repeats(line: string, other: string): boolean {
  const own = words(line);
  const theirs = words(other);
  return [...own].every((word) => theirs.has(word));
}

function keyMessages(text: string, codes: string[]): string[] {
  const lines = text
    .split(/\r?\n|(?<=\S)\s(?=at [\w$.]+\()|\s---> |\bCaused by:\s*|\(Caused by /)
    .filter((line) => line.trim() && !NOISE_LINE.some((pattern) => pattern.test(line)))
    .map(scrub)
    .filter((line) => line.length > 2 && !codes.includes(line));
  const scored = lines.map((line, order) => ({ line, order, score: errorishness(line) }));
  const best = Math.max(0, ...scored.map((entry) => entry.score));
  if (best === 0) return lines.slice(0, 1).map(shorten);
  const kept = scored
    .filter((entry) => entry.score * 2 >= best)
    .filter((entry, _, all) => !all.some((other) => other !== entry && other.line.length >= entry.line.length && repeats(entry.line, other.line) && (other.line !== entry.line || other.order < entry.order)))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, MAX_MESSAGES)
    .sort((a, b) => a.order - b.order);
  return kept.map((entry) => shorten(entry.line));
}

/** Cuts a message at a word boundary so the note stays readable. */
function shorten(line: string): string {
  if (line.length <= MAX_MESSAGE_LENGTH) return line;
  const cut = line.slice(0, MAX_MESSAGE_LENGTH);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_MESSAGE_LENGTH / 2)).trim();
}

/**
 * Reduces a pasted error to its signature, or returns null when the text is
 * typed words rather than a paste (see {@link looksPasted}).
 */
export function readErrorSignature(text: string): ErrorSignature | null {
  if (!looksPasted(text)) return null;
  const codes = findErrorCodes(text);
  const exceptions = findExceptions(text);
  const messages = keyMessages(text, codes);
  const query = [...codes, ...exceptions, ...messages].join('\n');
  return { codes, exceptions, messages, query };
}
