/**
 * Tokens, sentences and clauses of the normalised text. Tokens keep their offsets so that every
 * later step can point back into the text; punctuation marks are tokens of their own.
 */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** Lower case, without a possessive "'s". */
  lower: string;
  /** The token without a possessive "'s" ("Iraq's" → "Iraq"). */
  bare: string;
  cap: boolean;
  poss: boolean;
  punct: boolean;
  /** A line break lies between this token and the previous one. */
  newlineBefore: boolean;
}

export interface Sentence {
  index: number;
  /** Token range [from, to). */
  from: number;
  to: number;
  start: number;
  end: number;
  /** A line without final punctuation, such as a headline. */
  headline: boolean;
}

export interface Clause {
  sentence: number;
  from: number;
  to: number;
  /** The word that opened the clause ("but", "after", "which", ":"...), lower case, or null. */
  opener: string | null;
}

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'jr',
  'sr',
  'gen',
  'lt',
  'col',
  'sen',
  'rep',
  'gov',
  'prof',
  'no',
  'vs',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'inc',
  'ltd',
  'co',
  'corp',
  'etc',
  'approx',
]);

// A word may carry combining marks after its letters ("m" + U+0301 where no precomposed letter exists).
const TOKEN_RE = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['.-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*\.?|[^\s\p{L}\p{M}\p{N}]|\p{M}/gu;

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;
const UPPER_FIRST = /^\p{Lu}/u;
const POSSESSIVE = /\p{L}['](s)?$/iu;

// These run on every token of a text: ASCII is decided without a regular expression.
function opensWithLetterOrDigit(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_OR_DIGIT.test(s);
}

function opensUpperCase(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_FIRST.test(s);
}

/** "Iran's", "Iran'": a possessive ending on a letter. */
function isPossessive(raw: string): boolean {
  const n = raw.length;
  if (n <= 2) return false;
  const last = raw.charCodeAt(n - 1);
  return (last === 39 || ((last === 115 || last === 83) && raw.charCodeAt(n - 2) === 39)) && POSSESSIVE.test(raw);
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * The end of TOKEN_RE's match at `i`, read without the regular expression when the token is ASCII,
 * or -1 when a character at or next to it is not (the caller then runs the regular expression).
 * A match array per token was much of the tokenizer's time and garbage on long texts.
 */
function asciiTokenEnd(text: string, i: number): number {
  const n = text.length;
  const c = text.charCodeAt(i);
  if (c >= 128) return -1;
  if (!isAsciiAlnum(c)) return i + 1;
  let j = i + 1;
  for (;;) {
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d >= 128) return -1;
      if (!isAsciiAlnum(d)) break;
      j++;
    }
    if (j >= n) return j;
    const sep = text.charCodeAt(j);
    // "'", "." or "-" continues the word when a letter or digit follows ("al-Sisi", "U.S").
    if (sep !== 39 && sep !== 46 && sep !== 45) return j;
    if (j + 1 >= n) return sep === 46 ? j + 1 : j;
    const after = text.charCodeAt(j + 1);
    if (after >= 128) return -1;
    if (isAsciiAlnum(after)) {
      j += 2;
      continue;
    }
    return sep === 46 ? j + 1 : j;
  }
}

/** Tokens' strings, shared: a long text repeats a few thousand words, and each copy kept costs memory and garbage collection. */
const internMemo = new Map<string, string>();
function intern(s: string): string {
  const hit = internMemo.get(s);
  if (hit !== undefined) return hit;
  if (internMemo.size > 50000) internMemo.clear();
  internMemo.set(s, s);
  return s;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let prevEnd = 0;
  let nextBreak = text.indexOf('\n');
  const n = text.length;
  let p = 0;
  while (p < n) {
    // ASCII white space is passed here; anything else non-ASCII goes to the regular expression, which skips the rest of \s.
    const c = text.charCodeAt(p);
    if (c === 32 || (c >= 9 && c <= 13)) {
      p++;
      continue;
    }
    let start = p;
    let end = asciiTokenEnd(text, p);
    if (end < 0) {
      TOKEN_RE.lastIndex = p;
      const m = TOKEN_RE.exec(text);
      if (!m) break;
      start = m.index;
      end = start + m[0].length;
    }
    let raw = intern(text.slice(start, end));
    // The next line break at or after the previous token, searched again only once passed (linear).
    if (nextBreak !== -1 && nextBreak < prevEnd) nextBreak = text.indexOf('\n', prevEnd);
    const newlineBefore = nextBreak !== -1 && nextBreak < start;
    // A final dot belongs to the word only for abbreviations ("Mr.", "U.S.", "Jan.").
    let trailingDot = false;
    if (raw.length > 1 && raw.endsWith('.')) {
      const body = raw.slice(0, -1);
      const isAbbr = ABBREVIATIONS.has(body.toLowerCase()) || /^(?:\p{L}\.)+\p{L}$/u.test(body) || /^\p{Lu}$/u.test(body);
      if (!isAbbr) {
        raw = intern(body);
        trailingDot = true;
      }
    }
    const poss = isPossessive(raw);
    const bare = poss ? intern(raw.replace(/'s?$/i, '')) : raw;
    // Only a word opens with a letter or digit (the token pattern's first branch); the rest are single marks.
    const punct = !opensWithLetterOrDigit(raw);
    tokens.push({
      text: raw,
      start,
      end: start + raw.length,
      lower: intern(bare.toLowerCase()),
      bare,
      cap: opensUpperCase(bare),
      poss,
      punct,
      newlineBefore,
    });
    start += raw.length;
    if (trailingDot) {
      tokens.push({ text: '.', start, end: start + 1, lower: '.', bare: '.', cap: false, poss: false, punct: true, newlineBefore: false });
    }
    prevEnd = end;
    p = end;
  }
  return tokens;
}

/**
 * The longest stretch of tokens read as one sentence. Real sentences in news stay far below it (a
 * long one has 60-80 words); a text without full stops (a pasted table, a page whose punctuation was
 * lost) is cut into pieces of at most this size, at a comma, semicolon or conjunction where one lies in
 * the last quarter, so that every step after this one works on bounded pieces and time grows with
 * the length of the text, not its square.
 */
export const MAX_SENTENCE_TOKENS = 160;

function isSoftBreak(t: Token): boolean {
  return t.text === ',' || t.text === ';' || t.text === ':' || t.lower === 'and' || t.lower === 'but';
}

export function splitSentences(tokens: Token[]): Sentence[] {
  const sentences: Sentence[] = [];
  let from = 0;
  const emit = (a: number, b: number, headline: boolean) =>
    sentences.push({ index: sentences.length, from: a, to: b, start: tokens[a]!.start, end: tokens[b - 1]!.end, headline });
  const push = (to: number, headline: boolean) => {
    // Over-long runs: pieces of at most MAX_SENTENCE_TOKENS, cut after a soft break when there is one.
    while (to - from > MAX_SENTENCE_TOKENS) {
      let cut = from + MAX_SENTENCE_TOKENS;
      for (let k = cut - 1; k > from + (MAX_SENTENCE_TOKENS * 3) / 4; k--) {
        if (isSoftBreak(tokens[k]!)) {
          cut = tokens[k]!.punct ? k + 1 : k;
          break;
        }
      }
      emit(from, cut, false);
      from = cut;
    }
    if (to > from) emit(from, to, headline);
    from = to;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (i > from && t.newlineBefore) {
      const prev = tokens[i - 1]!;
      push(i, !/[.!?"]/.test(prev.text));
    }
    if (t.text === '.' || t.text === '!' || t.text === '?') {
      let end = i + 1;
      // A closing quote or bracket right after the full stop stays with the sentence.
      while (end < tokens.length && /^["')\]]$/.test(tokens[end]!.text) && tokens[end]!.start === tokens[end - 1]!.end) end++;
      const next = tokens[end];
      if (!next || next.newlineBefore || next.cap || /^["'([]$/.test(next.text) || /^\d/.test(next.text)) {
        push(end, false);
        i = end - 1;
      }
    }
  }
  push(tokens.length, tokens.length > 0 && !/[.!?"]/.test(tokens[tokens.length - 1]!.text));
  return sentences;
}

const SPLIT_WORDS = new Set(['but', 'while', 'whereas', 'since', 'after', 'following', 'because', 'although', 'though', 'before']);
const RELATIVE = new Set(['which', 'who', 'where']);

/**
 * Clauses: a sentence is cut before "but", "while", "since", "after"..., before ", which/who/where",
 * at ";" and ":" and at a dash between spaces. "after wrapping up" stays whole: a gerund after
 * "after"/"before" usually belongs to the same trip.
 */
export function splitClauses(tokens: Token[], sentence: Sentence): Clause[] {
  const clauses: Clause[] = [];
  let from = sentence.from;
  let opener: string | null = null;
  const cut = (at: number, next: string | null) => {
    if (at > from) clauses.push({ sentence: sentence.index, from, to: at, opener });
    from = at;
    opener = next;
  };
  for (let i = sentence.from + 1; i < sentence.to; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1]!;
    const next = tokens[i + 1];
    if (t.punct) {
      if (t.text === ';' || (t.text === ':' && !(/^\d/.test(prev.text) && next && /^\d/.test(next.text)))) {
        cut(i + 1, t.text);
        continue;
      }
      if (t.text === '-' && t.start > prev.end && next && next.start > t.end) {
        cut(i + 1, '-');
        continue;
      }
      continue;
    }
    if (SPLIT_WORDS.has(t.lower) && !t.cap) {
      if ((t.lower === 'after' || t.lower === 'before' || t.lower === 'following') && next && !next.cap && /ing$/.test(next.lower))
        continue;
      if (t.lower === 'following' && prev.lower !== ',' && !/^[a-z]/.test(prev.text)) continue;
      cut(i, t.lower);
      continue;
    }
    if (RELATIVE.has(t.lower) && prev.text === ',') {
      cut(i, t.lower);
    }
  }
  cut(sentence.to, null);
  return clauses;
}
