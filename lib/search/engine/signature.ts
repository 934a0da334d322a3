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
  /** Lines without an error that say where it happens: the device or OS, the network, a VPN or proxy, time idle, a recent change. */
  context: string[];
  /** Codes, exceptions (and their words), messages and context joined: the text that is searched. */
  query: string;
}

const MAX_MESSAGES = 3;
const MAX_CONTEXT = 3;
const MAX_MESSAGE_LENGTH = 160;

/** A pasted error rather than typed words: several lines, very long, or a stack frame. */
export function looksPasted(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.includes('\n') || (trimmed.length > 160 && !isProse(trimmed)) || STACK_FRAME.test(trimmed);
}

/** Timestamps and log levels: a line written by a program. */
const LOG_MARK = /\b\d{4}[-/.]\d{2}[-/.]\d{2}\b|\b\d{1,2}:\d{2}:\d{2}\b|\[(?:error|warn(?:ing)?|info|debug|crit|fatal)\]|^\s*(?:ERROR|WARN|INFO|DEBUG|FATAL)\b/i;

/**
 * A long line someone typed: many words, and nothing a program writes (an
 * error code, an exception, a timestamp). It is searched whole, since its
 * circumstances matter as much as its error words.
 */
function isProse(line: string): boolean {
  return line.split(/\s+/).length >= 12 && findErrorCodes(line).length === 0 && !new RegExp(EXCEPTION.source).test(line) && !LOG_MARK.test(line);
}

const STACK_FRAME = /(?:^|\s)at [\w$.<>/]+(?:\.[\w$<>]+)+ ?\(|^\s*File ".*", line \d+/m;

const CODE_PATTERNS: RegExp[] = [
  /\bNET::ERR_[A-Z0-9_]+/g,
  /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g,
  /\bE[A-Z]{4,}\b/g,
  // An HRESULT or NTSTATUS failure has its severity bit set (0x8…, 0xC…); other 8-digit hex numbers are addresses.
  /\b0x[89ACac][0-9A-Fa-f]{7}\b/g,
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

/** A (qualified) exception class: `SSLException`, `IOException`, `javax.net.ssl.SSLHandshakeException`, `ConnectionRefusedError`. */
const EXCEPTION = /\b(?:[A-Za-z_$][\w$]*\.)*([A-Z][\w$]*(?:Exception|Error))\b/g;

/** Words that make a line the message rather than context; the second list counts half. */
const STRONG_WORDS =
  /\b(?:error|fail(?:ed|ure|s)?|refused|timed? ?out|timeout|unreachable|denied|invalid|expired?|reset|cannot|can't|could ?n[o']t|unable|exception|unknown|reject(?:ed)?|abort(?:ed)?|mismatch|untrusted|self[- ]signed|too many|unavailable|bad gateway|hang ?up|blocked|forbidden)\b|拒绝|超时|失败|错误|无法|不可达|过期|不受信任/gi;
/**
 * Words that make a line context worth keeping although it names no error:
 * the device or OS and its version, the network in use, a VPN or proxy, time
 * idle, a recent change, who is affected, the program that was run
 * (`pip install`, `git clone`). These are what tell causes apart.
 */
const CONTEXT_WORDS =
  /\b(?:android|ios|iphone|ipad|windows(?: \d+)?|win(?:7|8|10|11)|mac ?os|os x|ubuntu|debian|centos|linux|version|wi-?fi|wlan|wireless|mobile data|cellular|[345]g|lte|hotspot|ethernet|network|hotel|airport|office|company|corporate|home|vpn|proxy|pac|idle|inactiv\w*|minutes?|hours?|overnight|since|after (?:the )?(?:update|upgrade|updating|upgrading|install\w*|reboot\w*|restart\w*|changing|moving)|updated|upgraded|changed|recently|yesterday|only (?:me|some|one)|some (?:users|customers|clients)|other (?:users|people)|(?:pip3?|npm|yarn|pnpm|git|mvn|gradle|java|python3?|node|docker|composer|gem|cargo|nuget|go) (?:install|clone|pull|push|get|fetch|build|run|update|add|-jar))\b|安卓|苹果|手机|电脑|系统|版本|无线|流量|移动数据|热点|宽带|网络|公司|办公|酒店|家里|代理|闲置|空闲|分钟|小时|升级|更新|之后|以后|最近|昨天|自从|换了|改了|部分用户|别人|其他人/i;

const WEAK_WORDS = /\b(?:not|no|loss|lost|closed|verify|certificate|handshake|private|slow|drops?|dropped|disconnect(?:ed|s)?)\b|不是|没有|不行|丢包|掉线|断开|卡顿|延迟|很慢/gi;

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
  // A host name ends at its top-level domain; `javax.net.ssl` or `java.io.File` go on, so they are package names and stay.
  [/\b(?:[a-z0-9-]+\.)+(?:com|net|org|io|cn|local|internal|example|dev|corp|lan|intra|cloud)\b(?!\.\w)(?::\d+)?/gi, ' '],
  [/(?:[A-Za-z]:)?(?:[\\/][\w.-]+){2,}[\\/]?/g, ' '],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, ' '],
  [/\b0x[0-9a-f]{9,}\b/gi, ' '],
  [/\b0x(?![89ac])[0-9a-f]{8}\b/gi, ' '],
  [/\b(?:client|server|request|upstream|host|referrer|hostname|port|url):\s*("[^"]*"|'[^']*'|\S+)/gi, ' '],
  [/\b[\w.]+=(?:'[^']*'|"[^"]*"|[^\s,):]+)/g, ' '],
  [/\b(?:port|after) \d+(?: ?ms)?\b/gi, ' '],
  [/\b\d{5,}\b/g, ' '],
  // Counts and durations written with thousands separators (`3,990,735 milliseconds`) are no code either.
  [/\b\d{1,3}(?:,\d{3})+\b/g, ' '],
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

function splitLines(text: string, codes: string[]): string[] {
  return text
    .split(/\r?\n|(?<=\S)\s(?=at [\w$.]+\()|\s---> |\bCaused by:\s*|\(Caused by /)
    .filter((line) => line.trim() && !NOISE_LINE.some((pattern) => pattern.test(line)))
    .map(scrub)
    .filter((line) => line.length > 2 && !codes.includes(line));
}

/** Lines that name no error (a "not" or "没有" is no error) but say where it happens (see CONTEXT_WORDS), in order, not repeating a message. */
function contextLines(lines: readonly string[], messages: readonly string[]): string[] {
  return lines
    .filter((line) => !new RegExp(STRONG_WORDS.source, 'i').test(line) && CONTEXT_WORDS.test(line) && !messages.includes(line))
    .filter((line, index, all) => all.indexOf(line) === index)
    .slice(0, MAX_CONTEXT)
    .map(shorten);
}

function keyMessages(lines: readonly string[]): string[] {
  const scored = lines.map((line, order) => ({ line, order, score: errorishness(line) }));
  const best = Math.max(0, ...scored.map((entry) => entry.score));
  // Nothing reads as the error (a complaint in several lines): every line may be the one that matters.
  if (best === 0) return lines.slice(0, MAX_MESSAGES).map(shorten);
  const kept = scored
    .filter((entry) => entry.score * 2 >= best)
    .filter((entry, _, all) => !all.some((other) => other !== entry && other.line.length >= entry.line.length && repeats(entry.line, other.line) && (other.line !== entry.line || other.order < entry.order)))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, MAX_MESSAGES)
    .sort((a, b) => a.order - b.order);
  return kept.map((entry) => shorten(entry.line));
}

/** Where the error words of a line are (start offsets). */
function errorWordOffsets(line: string): number[] {
  return [...line.matchAll(STRONG_WORDS), ...line.matchAll(WEAK_WORDS)].map((match) => match.index ?? 0).sort((a, b) => a - b);
}

/**
 * Cuts a long line to MAX_MESSAGE_LENGTH at word boundaries, keeping the
 * window that holds the most error words: the key message of a long log
 * line is often past its start, after a prefix of names and ids.
 */
export function shorten(line: string): string {
  if (line.length <= MAX_MESSAGE_LENGTH) return line;
  const offsets = errorWordOffsets(line);
  let start = 0;
  let most = -1;
  for (const offset of [0, ...offsets]) {
    const from = Math.max(0, offset - 20);
    const count = offsets.filter((at) => at >= from && at < from + MAX_MESSAGE_LENGTH - 10).length;
    if (count > most) {
      most = count;
      start = from;
    }
  }
  // Start and end on a word boundary.
  if (start > 0) start = line.indexOf(' ', start) + 1 || start;
  const cut = line.slice(start, start + MAX_MESSAGE_LENGTH);
  const end = start + MAX_MESSAGE_LENGTH >= line.length ? cut.length : Math.max(cut.lastIndexOf(' '), MAX_MESSAGE_LENGTH / 2);
  return cut.slice(0, end).trim();
}

/** The words of an exception name, e.g. `SSLHandshakeException` → `SSL Handshake`: articles say "handshake", not the class. */
function exceptionWords(name: string): string {
  return name
    .replace(/(?:Exception|Error)$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
}

/**
 * Reduces a pasted error to its signature, or returns null when the text is
 * typed words rather than a paste (see {@link looksPasted}).
 */
export function readErrorSignature(text: string): ErrorSignature | null {
  if (!looksPasted(text)) return null;
  const codes = findErrorCodes(text);
  const exceptions = findExceptions(text);
  const lines = splitLines(text, codes);
  const messages = keyMessages(lines);
  const context = contextLines(lines, messages);
  const query = [...codes, ...exceptions.map((name) => `${name} ${exceptionWords(name)}`), ...messages, ...context].join('\n');
  return { codes, exceptions, messages, context, query };
}
