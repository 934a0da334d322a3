import { conceptTokens } from './concepts';
import { foldText, isCjk, isWordChar } from './normalize';

/*
 * One tokenizer for the index and the query, in Node and in the browser. It
 * needs no dictionary: Chinese is cut into overlapping character pairs, so
 * `连不上` finds `客户端连不上服务器` and a query needs no spaces. Latin words
 * are cut back to a stem that is still a prefix of the word, because Fuse.js
 * looks each term up as a substring of the field text.
 */

/** Words that carry no meaning in a support query ("my", "the", "can't"). */
const LATIN_STOP = new Set(
  ('a an and are as at be been but by can could did do does doesn don for from had has have how i if in into is isn it its ' +
    'just me my no not of on or our see should so than that the their them then there these they this to too us was wasn we were what ' +
    'when where which while who will with won would you your didn aren couldn shouldn wouldn hasn haven ve ll re im please get got ' +
    // What a complaint says around its facts.
    'tried try trying problem problems issue issues help thanks thank anyone someone something everything know seems seem really also still any some')
    .split(' '),
);

/** Characters that only glue a Chinese sentence together; a word never spans them in a query. */
const CJK_STOP_CHARS = new Set('的了吗呢吧啊呀嘛哦哈我你您他她它们很就都也还又和与及或把被让给跟这那在'.split(''));

/** Chinese pairs that say "how do I" or "always" rather than what is wrong. */
const CJK_STOP_PAIRS = new Set(
  (
    '怎么 为什 什么 如何 怎样 请问 一下 一直 总是 这个 那个 一个 应该 可以 好像 突然 看看 还是 是不 就是 但是 然后 现在 今天 昨天 办法 么办 ' +
    // What a complaint says around its facts: "是怎么回事", "的时候", "求助", "谢谢大家", "没有问题" (as English "problem", "not").
    '问题 有问 没有 时候 回事 么回 么搞 搞得 确定 已经 觉得 感觉 知道 不知 发现 尝试 试过 求助 大家 谢谢 大佬 解决 帮忙 麻烦 不过 所以 因为 可能 这样 那样 之前 之后'
  ).split(' '),
);

const SUFFIXES = ['ing', 'ed', 'es', 's', 'ly', 'd'];

/**
 * Cuts a common English ending off a word, keeping at least four letters, so
 * the stem stays a prefix of every form: `refused`→`refus`, `spinning`→`spin`,
 * `timed`/`times`→`time`.
 */
export function stem(word: string): string {
  if (word.length < 5 || !/^[a-z]+$/.test(word) || word.endsWith('ss')) return word;
  for (const suffix of SUFFIXES) {
    if (!word.endsWith(suffix) || (suffix === 'd' && !word.endsWith('ed'))) continue;
    let base = word.slice(0, -suffix.length);
    if (base.length < 4) continue;
    if (suffix === 'ing' || suffix === 'ed') {
      const last = base[base.length - 1];
      if (last === base[base.length - 2] && !'lsz'.includes(last) && base.length > 4) base = base.slice(0, -1);
    }
    return base;
  }
  return word;
}

/** Parts of a code that say nothing by themselves (`ERR_`, `NET::`). */
const CODE_NOISE = new Set(['err', 'error', 'net', 'sec', 'e']);

function wordToken(word: string, out: string[]): void {
  if (word.length < 2 && !/\d/.test(word)) return;
  if (LATIN_STOP.has(word)) return;
  out.push(stem(word));
}

/**
 * A Latin run: a word, or a code such as `net::err_cert_date_invalid`, which
 * is kept whole (to match it exactly) and also gives its words (`cert`,
 * `date`, `invalid`), which relate it to articles that say them.
 */
function latinTokens(run: string, out: string[]): void {
  const parts = run.split(/::|_/).filter(Boolean);
  if (parts.length <= 1) return wordToken(run, out);
  out.push(run);
  for (const part of parts) if (!CODE_NOISE.has(part) && part.length >= 3 && /^[a-z]+$/.test(part)) wordToken(part, out);
}

function cjkTokens(run: string, out: string[]): void {
  let piece = '';
  const flush = () => {
    if (piece.length === 1) out.push(piece);
    for (let i = 0; i + 1 < piece.length; i += 1) {
      const pair = piece.slice(i, i + 2);
      if (!CJK_STOP_PAIRS.has(pair)) out.push(pair);
    }
    piece = '';
  };
  for (const char of run) {
    if (CJK_STOP_CHARS.has(char)) flush();
    else piece += char;
  }
  flush();
}

/**
 * The terms of a text: Latin words and codes (`err_cert_date_invalid`,
 * `0x80090331`, `econnrefused`) whole, English words stemmed, Chinese as
 * character pairs. Deterministic, so index-time and query-time terms agree.
 */
export function tokenize(text: string): string[] {
  const folded = foldText(text);
  const out: string[] = [];
  let start = -1;
  let runIsCjk = false;
  const flush = (end: number) => {
    if (start >= 0) (runIsCjk ? cjkTokens : latinTokens)(folded.slice(start, end), out);
    start = -1;
  };
  for (let i = 0; i < folded.length; i += 1) {
    const code = folded.charCodeAt(i);
    if (isCjk(code)) {
      if (start >= 0 && !runIsCjk) flush(i);
      if (start < 0) start = i;
      runIsCjk = true;
    } else if (isWordChar(code, folded[i])) {
      if (start >= 0 && runIsCjk) flush(i);
      if (start < 0) start = i;
      runIsCjk = false;
    } else if (code === 58 && start >= 0 && !runIsCjk && folded.charCodeAt(i + 1) === 58 && isWordChar(folded.charCodeAt(i + 2), folded[i + 2] ?? '')) {
      i += 1;
    } else flush(i);
  }
  flush(folded.length);
  return out;
}

/**
 * The distinct terms of a query, in the order typed. A lone Chinese
 * character (`改` in `改了hosts文件`) says little next to real words, so it
 * only counts when the query has nothing else.
 */
export function queryTerms(query: string): string[] {
  const terms = [...new Set(tokenize(query))];
  const words = terms.filter((term) => term.length > 1 || !isCjk(term.charCodeAt(0)));
  return words.length > 0 ? words : terms;
}

/** The concepts a text says (see concepts.ts), as terms that index and query share beside their words. */
export function conceptTerms(text: string): string[] {
  return conceptTokens(foldText(text));
}
