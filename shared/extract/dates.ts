/**
 * Date expressions in a clause, resolved against the article's reference day. Everything is done
 * on calendar components (year, month, day) and on YYYY-MM-DD strings, never through
 * Date#toISOString or local midnight, so the result is the same in every time zone.
 *
 * chrono-node parses the explicit forms ("Oct. 23", "11-12 September 2022", "March 28-31",
 * "November 2017"); the relative and vague forms journalists use ("on Tuesday", "next week",
 * "within weeks", "later this month", "early December", "the first quarter of 2023") are read by the
 * rules below, because their meaning depends on the tense of the sentence (past "on Tuesday" is the
 * Tuesday before the reference day, future "on Tuesday" the one after) and because a window must
 * stay a window, never a made-up day.
 */
import * as chrono from 'chrono-node';
import { addDays, daysInMonth, toIsoDay } from '../model/dates';
import { dayDate, monthDate, windowDate, yearDate, type FuzzyDate } from '../model/fuzzy-date';
import { MONTHS as MONTH_NAMES } from '../model/visit-format';

import { WITHIN_WEEKS_DAYS } from '../seed';

/** "Within weeks": at most six weeks from the reference day, the seed's reading (one constant for both). */
export { WITHIN_WEEKS_DAYS };
/** "Within days" / "in the coming days": at most ten days. */
export const WITHIN_DAYS_DAYS = 10;

/**
 * Which occurrence of a date given without its year: the one before, after, or nearest to the
 * reference day. A weekday read 'nearest' is the coming one ("a meeting that had been set for
 * Tuesday", called off on Thursday, is next Tuesday); read 'closest' it is the nearer of the two
 * ("was due in Paris on Sunday", written on a Tuesday, is two days ago).
 */
export type Direction = 'past' | 'future' | 'nearest' | 'closest';

export interface DateMention {
  /** Offsets in the text passed to findDates (add the clause offset yourself). */
  start: number;
  end: number;
  phrase: string;
  value: FuzzyDate;
  /** The last day, for ranges given as two dates ("March 28-31"): a day date. */
  endValue: FuzzyDate | null;
  /** How much a reader can rely on it: explicit days beat vague windows. */
  strength: number;
}

const MONTHS = MONTH_NAMES.map((m) => m.toLowerCase());
const MONTH_RE =
  '(?:jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may|june?|july?|aug(?:ust|\\.)?|sep(?:tember|t\\.|\\.|t)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?)';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export function monthIndex(word: string): number {
  const w = word.toLowerCase().replace('.', '');
  return MONTHS.findIndex((m) => m.startsWith(w.slice(0, 3))) + 1;
}

function parts(day: string): [number, number, number] {
  return [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
}

/** 0 = Sunday, computed in UTC on the components. */
export function weekdayOf(day: string): number {
  const [y, m, d] = parts(day);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The weekday on or before (past) / after (future) the reference day; `strict` excludes the day itself. */
export function resolveWeekday(ref: string, weekday: number, dir: Direction, strict = false): string {
  const diff = weekday - weekdayOf(ref);
  if (dir === 'closest') {
    // The closer of the two; the day itself goes ahead.
    const ahead = (diff + 7) % 7 || (strict ? 7 : 0);
    const behind = (-diff + 7) % 7 || 7;
    return ahead <= behind ? addDays(ref, ahead) : addDays(ref, -behind);
  }
  const direction = dir === 'nearest' ? 'future' : dir;
  if (direction === 'past') {
    let back = (-diff + 7) % 7;
    if (back === 0 && strict) back = 7;
    return addDays(ref, -back);
  }
  let fwd = (diff + 7) % 7;
  if (fwd === 0 && strict) fwd = 7;
  return addDays(ref, fwd);
}

/** Monday of the ISO week holding the day. */
function mondayOf(day: string): string {
  return addDays(day, -((weekdayOf(day) + 6) % 7));
}

/** The year of a month (and day) given without one: the closest occurrence in the direction of the tense. */
export function inferYear(ref: string, month: number, day: number | null, direction: Direction): number {
  const [ry, rm, rd] = parts(ref);
  if (direction === 'nearest' || direction === 'closest') {
    const at = (y: number) => Math.abs(Date.UTC(y, month - 1, day ?? 15) - Date.UTC(ry, rm - 1, rd));
    return [ry - 1, ry, ry + 1].reduce((a, b) => (at(b) < at(a) ? b : a));
  }
  const key = month * 100 + (day ?? (direction === 'past' ? 1 : 31));
  const refKey = rm * 100 + rd;
  if (direction === 'future') return key >= refKey || (day === null && month === rm) ? ry : ry + 1;
  return key <= refKey || (day === null && month === rm) ? ry : ry - 1;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

/** "a two-day visit", "three-day", "4-day": the length of a stay in days. */
export function findDuration(text: string): number | null {
  // "a three-day visit", "for two days", "two days of talks".
  const m =
    /\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)[- ]day\b/i.exec(text) ??
    /(?<!\b(?:postponed|delayed|deferred|off|back|suspended|extended|by) )\bfor (\d{1,2}|two|three|four|five|six|seven|eight|nine|ten) days\b|\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten) days of (?:talks|meetings|visits?|engagements|consultations|events)\b/i.exec(
      text,
    );
  if (!m) return null;
  const raw = (m[1] ?? m[2]!).toLowerCase();
  const n = NUMBER_WORDS[raw] ?? Number(raw);
  return n >= 1 && n <= 60 ? n : null;
}

interface Rule {
  re: RegExp;
  strength: number;
  resolve(m: RegExpExecArray, ref: string, direction: Direction): { value: FuzzyDate; endValue?: FuzzyDate | null } | null;
}

const endOfMonth = (y: number, m: number) => toIsoDay(y, m, daysInMonth(y, m));

function partOfMonth(which: string, y: number, m: number, phrase: string): FuzzyDate {
  const w = which.toLowerCase();
  if (w.startsWith('early') || w.startsWith('beginning')) return windowDate(toIsoDay(y, m, 1), toIsoDay(y, m, 10), phrase);
  if (w.startsWith('mid') || w.startsWith('middle')) return windowDate(toIsoDay(y, m, 11), toIsoDay(y, m, 20), phrase);
  return windowDate(toIsoDay(y, m, 21), endOfMonth(y, m), phrase);
}

function relativeYear(word: string, ref: string): number {
  const ry = Number(ref.slice(0, 4));
  const w = word.toLowerCase();
  if (/^\d{4}$/.test(w)) return Number(w);
  if (w.includes('next')) return ry + 1;
  if (w.includes('last')) return ry - 1;
  return ry;
}

const YEAR_WORD = '(\\d{4}|next year|this year|last year)';

const RULES: Rule[] = [
  {
    re: /\b(?:within|in)\s+(?:the\s+)?(?:next\s+|coming\s+|a\s+few\s+|few\s+)*weeks\b/gi,
    strength: 2,
    resolve: (m, ref) => ({ value: windowDate(ref, addDays(ref, WITHIN_WEEKS_DAYS), m[0]) }),
  },
  {
    re: /\b(?:within|in)\s+(?:the\s+)?(?:next\s+|coming\s+|a\s+few\s+|few\s+)*days\b/gi,
    strength: 2,
    resolve: (m, ref) => ({ value: windowDate(ref, addDays(ref, WITHIN_DAYS_DAYS), m[0]) }),
  },
  {
    re: /\bover\s+the\s+(?:next|coming)\s+(two|2|three|3)\s+weeks\b/gi,
    strength: 2,
    resolve: (m, ref) => {
      const n = /^(two|2)$/i.test(m[1]!) ? 14 : 21;
      return { value: windowDate(ref, addDays(ref, n), m[0]) };
    },
  },
  {
    re: new RegExp(
      `\\bbetween\\s+(${MONTH_RE})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+and\\s+(?:(${MONTH_RE})\\s+)?(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?`,
      'gi',
    ),
    strength: 5,
    resolve: (m, ref, dir) => {
      const mo = monthIndex(m[1]!);
      const mo2 = m[3] ? monthIndex(m[3]) : mo;
      const d1 = Number(m[2]);
      const d2 = Number(m[4]);
      const y = m[5] ? Number(m[5]) : inferYear(ref, mo, d1, dir);
      const y2 = mo2 < mo ? y + 1 : y;
      if (d1 > daysInMonth(y, mo) || d2 > daysInMonth(y2, mo2)) return null;
      return { value: dayDate(toIsoDay(y, mo, d1)), endValue: dayDate(toIsoDay(y2, mo2, d2)) };
    },
  },
  {
    re: new RegExp(`\\b(early|mid|middle of|late|end of|beginning of)[- ](${MONTH_RE})(?:\\s+(\\d{4}))?\\b`, 'gi'),
    strength: 3,
    resolve: (m, ref, dir) => {
      const mo = monthIndex(m[2]!);
      const y = m[3] ? Number(m[3]) : inferYear(ref, mo, null, dir);
      return { value: partOfMonth(m[1]!, y, mo, m[0]) };
    },
  },
  {
    re: /\b(later|late|early|earlier|mid|the end of|end of|the beginning of)[- ](?:this|the)\s+month\b|\blater\s+in\s+the\s+month\b/gi,
    strength: 3,
    resolve: (m, ref) => {
      const [y, mo, d] = parts(ref);
      const w = (m[1] ?? 'later').toLowerCase();
      if (w === 'later') {
        const from = addDays(ref, 1);
        const last = endOfMonth(y, mo);
        return { value: windowDate(from > last ? last : from, last, m[0]) };
      }
      if (w === 'earlier') return { value: windowDate(toIsoDay(y, mo, 1), ref, m[0]) };
      const part = partOfMonth(w.replace(/^the /, '').replace('end of', 'late').replace('beginning of', 'early'), y, mo, m[0]);
      // "late this month" said on the 25th: from the reference day, not before it.
      if (part.to < ref || part.from > endOfMonth(y, mo)) return { value: part };
      return { value: part.from < ref && d > 1 ? windowDate(ref, part.to, m[0]) : part };
    },
  },
  {
    re: new RegExp(
      `\\b(?:the\\s+)?(first|second|third|fourth|last|1st|2nd|3rd|4th)\\s+quarter\\s+of\\s+(?:the\\s+year\\s+)?${YEAR_WORD}\\b|\\bQ([1-4])\\s+(\\d{4})\\b`,
      'gi',
    ),
    strength: 2,
    resolve: (m, ref) => {
      const q = m[3]
        ? Number(m[3])
        : ['first', '1st'].includes(m[1]!.toLowerCase())
          ? 1
          : ['second', '2nd'].includes(m[1]!.toLowerCase())
            ? 2
            : ['third', '3rd'].includes(m[1]!.toLowerCase())
              ? 3
              : 4;
      const y = m[4] ? Number(m[4]) : relativeYear(m[2]!, ref);
      const from = toIsoDay(y, q * 3 - 2, 1);
      return { value: windowDate(from, endOfMonth(y, q * 3), m[0]) };
    },
  },
  {
    re: new RegExp(
      `\\b(?:in\\s+)?(?:the\\s+)?(first|last|final)\\s+(?:few\\s+|two\\s+|three\\s+|couple\\s+of\\s+)?months\\s+of\\s+${YEAR_WORD}\\b|\\b(first|second)\\s+half\\s+of\\s+(?:the\\s+year\\s+)?${YEAR_WORD}\\b`,
      'gi',
    ),
    strength: 2,
    resolve: (m, ref) => {
      if (m[3]) {
        const y = relativeYear(m[4]!, ref);
        return m[3].toLowerCase() === 'first'
          ? { value: windowDate(toIsoDay(y, 1, 1), toIsoDay(y, 6, 30), m[0]) }
          : { value: windowDate(toIsoDay(y, 7, 1), toIsoDay(y, 12, 31), m[0]) };
      }
      const y = relativeYear(m[2]!, ref);
      return m[1]!.toLowerCase() === 'first'
        ? { value: windowDate(toIsoDay(y, 1, 1), toIsoDay(y, 4, 30), m[0]) }
        : { value: windowDate(toIsoDay(y, 9, 1), toIsoDay(y, 12, 31), m[0]) };
    },
  },
  {
    // "by the end of the year", "before the end of the month": any day from tomorrow to that end.
    re: /\b(by|before) the end of (?:the|this) (year|month)\b|\bthe end of the year\b/gi,
    strength: 2,
    resolve: (m, ref) => {
      const [y, mo] = parts(ref);
      const last = m[2]?.toLowerCase() === 'month' ? endOfMonth(y, mo) : toIsoDay(y, 12, 31);
      if (!m[1]) return { value: windowDate(toIsoDay(y, 9, 1), last, m[0]) };
      const from = addDays(ref, 1) > last ? ref : addDays(ref, 1);
      return { value: windowDate(from, last, m[0]) };
    },
  },
  {
    re: /\b(early|late|later|mid|end of)[- ](next|this|last)\s+year\b|\b(early|late|mid)[- ](\d{4})\b/gi,
    strength: 2,
    resolve: (m, ref) => {
      const y = m[4] ? Number(m[4]) : relativeYear(m[2]!, ref);
      const w = (m[1] ?? m[3]!).toLowerCase();
      if (w === 'early') return { value: windowDate(toIsoDay(y, 1, 1), toIsoDay(y, 4, 30), m[0]) };
      if (w === 'mid') return { value: windowDate(toIsoDay(y, 5, 1), toIsoDay(y, 8, 31), m[0]) };
      if (w === 'later' && m[2]?.toLowerCase() === 'this')
        return { value: windowDate(addDays(ref, 1) > toIsoDay(y, 12, 31) ? ref : addDays(ref, 1), toIsoDay(y, 12, 31), m[0]) };
      return { value: windowDate(toIsoDay(y, 9, 1), toIsoDay(y, 12, 31), m[0]) };
    },
  },
  {
    re: new RegExp(
      `\\b(?:in\\s+)?(${MONTH_RE})\\s+(next|last|this)\\s+year\\b|\\b(next|last|this)\\s+(${MONTH_RE})(?![\\w.]*\\s+\\d)`,
      'gi',
    ),
    strength: 3,
    resolve: (m, ref) => {
      const mo = monthIndex(m[1] ?? m[4]!);
      const rel = (m[2] ?? m[3]!).toLowerCase();
      const [ry, rm] = parts(ref);
      let y = ry;
      if (m[2]) y = relativeYear(rel + ' year', ref);
      else if (rel === 'next') y = mo > rm ? ry : ry + 1;
      else if (rel === 'last') y = mo < rm ? ry : ry - 1;
      return { value: monthDate(y, mo) };
    },
  },
  {
    re: /\b(next|this|last|coming)\s+(week|month|year)\b|\bthe\s+(?:coming|following)\s+(week|month)\b/gi,
    strength: 2,
    resolve: (m, ref) => {
      const rel = (m[1] ?? 'next').toLowerCase();
      const unit = (m[2] ?? m[3]!).toLowerCase();
      const shift = rel === 'next' || rel === 'coming' ? 1 : rel === 'last' ? -1 : 0;
      const [y, mo] = parts(ref);
      if (unit === 'week') {
        const monday = addDays(mondayOf(ref), 7 * shift);
        return { value: windowDate(monday, addDays(monday, 6), m[0]) };
      }
      if (unit === 'month') {
        const total = y * 12 + (mo - 1) + shift;
        return { value: monthDate(Math.floor(total / 12), (total % 12) + 1) };
      }
      return { value: yearDate(y + shift) };
    },
  },
  {
    re: /\b(?:(on|next|last|this|coming|early|late)\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)(?:\s+(morning|afternoon|evening|night))?\b/gi,
    strength: 4,
    resolve: (m, ref, dir) => {
      const wd = WEEKDAYS.indexOf(m[2]!.toLowerCase());
      const rel = (m[1] ?? '').toLowerCase();
      if (rel === 'next' || rel === 'coming') return { value: dayDate(resolveWeekday(ref, wd, 'future', true)) };
      if (rel === 'last') return { value: dayDate(resolveWeekday(ref, wd, 'past', true)) };
      // The article's own weekday: that day when the sentence looks ahead or speaks of now, a week
      // earlier when it reports what happened ("arrived on Friday" in Friday's paper is the week before).
      return { value: dayDate(resolveWeekday(ref, wd, dir, false)) };
    },
  },
  {
    re: /\b(today|tonight|this morning|this afternoon|this evening|yesterday|last night|tomorrow)\b/gi,
    strength: 4,
    resolve: (m, ref) => {
      const w = m[1]!.toLowerCase();
      const shift = w === 'yesterday' || w === 'last night' ? -1 : w === 'tomorrow' ? 1 : 0;
      return { value: dayDate(addDays(ref, shift)) };
    },
  },
  {
    // "in the autumn", "next summer", "the spring of 2032": the northern seasons by month, as the
    // papers of record use them (spring March-May, summer June-August, autumn September-November,
    // winter December-February).
    re: new RegExp(
      `\\b(?:(the|this|next|last|coming|early|late|(?:early|late)\\s+(?:this|next|last))\\s+)(spring|summer|autumn|fall|winter)(?:\\s+(?:of\\s+)?${YEAR_WORD})?\\b|\\b(spring|summer|autumn|winter)\\s+(?:of\\s+)?(\\d{4})\\b`,
      'gi',
    ),
    strength: 2,
    resolve: (m, ref, dir) => {
      const word = m[2] ?? m[4]!;
      // "the Spring Festival", "the fall of the regime": a name, or the other sense of the word.
      if (/^\p{Lu}/u.test(word) && !m[3] && !m[5]) return null;
      if (
        /^fall$/i.test(word) &&
        (m[1] ?? '').toLowerCase() === 'the' &&
        !/\bin\s+$/i.test(m.input.slice(Math.max(0, m.index - 4), m.index))
      )
        return null;
      if (/^\s+of\s+(?!\d{4}|next|this|last)/i.test(m.input.slice(m.index + m[0].length))) return null;
      const season = word.toLowerCase();
      const first = season === 'spring' ? 3 : season === 'summer' ? 6 : season === 'winter' ? 12 : 9;
      const rel = (m[1] ?? '').toLowerCase();
      const [ry] = parts(ref);
      const span = (y: number) => {
        const from = toIsoDay(y, first, 1);
        const toY = first === 12 ? y + 1 : y;
        const toM = first === 12 ? 2 : first + 2;
        return { from, to: endOfMonth(toY, toM) };
      };
      let y: number;
      if (m[5] || m[3]) y = m[5] ? Number(m[5]) : relativeYear(m[3]!, ref);
      else if (/next/.test(rel)) y = span(ry).from > ref ? ry : ry + 1;
      else if (/last/.test(rel)) y = span(ry).to < ref ? ry : ry - 1;
      else if (/this/.test(rel)) y = ry;
      else {
        // "the autumn": the one ahead in a sentence that looks ahead, else the one behind.
        y = ry;
        if (dir === 'past') {
          if (span(y).from > ref) y--;
        } else if (span(y).to < ref) y++;
      }
      const { from, to } = span(y);
      if (/early/.test(rel)) return { value: windowDate(from, addDays(from, 30), m[0]) };
      if (/late/.test(rel)) return { value: windowDate(addDays(to, -30), to, m[0]) };
      return { value: windowDate(from, to, m[0]) };
    },
  },
  {
    // "the second half of the year", "the first half of this year".
    re: /\b(first|second)\s+half\s+of\s+(?:the|this)\s+year\b/gi,
    strength: 2,
    resolve: (m, ref) => {
      const y = Number(ref.slice(0, 4));
      return m[1]!.toLowerCase() === 'first'
        ? { value: windowDate(toIsoDay(y, 1, 1), toIsoDay(y, 6, 30), m[0]) }
        : { value: windowDate(toIsoDay(y, 7, 1), toIsoDay(y, 12, 31), m[0]) };
    },
  },
  {
    // "this weekend", "over the weekend", "next weekend", "last weekend": Saturday and Sunday.
    re: /\b(this|next|last|coming|over\s+the|at\s+the|the)\s+weekend\b/gi,
    strength: 3,
    resolve: (m, ref, dir) => {
      const rel = m[1]!.toLowerCase();
      const ahead = resolveWeekday(ref, 6, 'future', false);
      const behind = resolveWeekday(ref, 6, 'past', true);
      const wd = weekdayOf(ref);
      // On a Sunday "this weekend" is the one under way.
      const current = wd === 0 ? addDays(ref, -1) : ahead;
      let sat: string;
      if (rel === 'next') sat = addDays(current, 7);
      else if (rel === 'last') sat = behind === current ? addDays(behind, -7) : behind;
      else if (rel === 'this' || rel === 'coming') sat = current;
      else sat = dir === 'past' ? (wd === 0 ? current : behind) : current;
      return { value: windowDate(sat, addDays(sat, 1), m[0]) };
    },
  },
  {
    // "in three days", "in two weeks", "in a fortnight": counted from the reference day.
    re: /\bin\s+(a|one|two|three|four|five|six|2|3|4|5|6)\s+(days?|weeks?)(?:'\s+time)?\b|\bin\s+a\s+fortnight\b/gi,
    strength: 3,
    resolve: (m, ref) => {
      const n = m[1]
        ? ['a', 'one'].includes(m[1].toLowerCase())
          ? 1
          : Number(m[1]) || ['', '', 'two', 'three', 'four', 'five', 'six'].indexOf(m[1].toLowerCase())
        : 2;
      const weeks = !m[2] || /^week/i.test(m[2]);
      if (!weeks) return { value: dayDate(addDays(ref, n)) };
      const monday = mondayOf(addDays(ref, 7 * n));
      return { value: windowDate(monday, addDays(monday, 6), m[0]) };
    },
  },
  {
    // "on the 20th": a day of this month, or of the next when it has passed (the last, looking back).
    re: /\bon\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|anniversary|century))/gi,
    strength: 4,
    resolve: (m, ref, dir) => {
      const d = Number(m[1]);
      let [y, mo] = parts(ref);
      const rd = parts(ref)[2];
      if (dir === 'past' ? d > rd : d < rd) {
        const total = y * 12 + (mo - 1) + (dir === 'past' ? -1 : 1);
        y = Math.floor(total / 12);
        mo = (total % 12) + 1;
      }
      if (d < 1 || d > daysInMonth(y, mo)) return null;
      return { value: dayDate(toIsoDay(y, mo, d)) };
    },
  },
  {
    // A bare year after a preposition: "in 1988", "since 2003". Month-and-year forms go to chrono.
    re: new RegExp(`\\b(?:in|since|by|during|until|of|from)\\s+(?:the\\s+year\\s+)?(1[6-9]\\d\\d|20\\d\\d)\\b(?![-/]\\d)`, 'gi'),
    strength: 1,
    resolve: (m) => ({ value: yearDate(Number(m[1])) }),
  },
];

// chrono is the slow part: run it only where a capitalised month name or a numeric date appears
// ("may" the verb and "march" the walk do not count).
const CHRONO_HINT =
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[a-zA-Z]*\.?(?![a-z])|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/;
const MONTH_ONLY_PREFIX =
  /\b(?:in|by|since|during|until|till|through|of|from|for|early|late|mid|before|after|this|next|last|each|every|to|and|or|between)\s+(?:the\s+month\s+of\s+)?$/i;

/** The reference day as a JS Date at local noon: chrono reads it in local time, so its calendar day is `ref` everywhere. */
function refInstant(ref: string): Date {
  const [y, m, d] = parts(ref);
  return new Date(y, m - 1, d, 12, 0, 0, 0);
}

function componentsToDate(
  c: chrono.ParsedComponents,
  ref: string,
  direction: Direction,
  yearHint: number | null,
): { value: FuzzyDate; precise: 'day' | 'month' | 'year' } | null {
  const certainDay = c.isCertain('day');
  const certainMonth = c.isCertain('month');
  const certainYear = c.isCertain('year');
  if (!certainDay && !certainMonth && !certainYear) return null;
  const month = c.get('month');
  const day = c.get('day');
  let year = c.get('year');
  if (!certainYear) {
    if (!certainMonth || month === null) return null;
    year = yearHint ?? inferYear(ref, month, certainDay ? day : null, direction);
  }
  if (year === null) return null;
  if (certainDay && certainMonth && month !== null && day !== null) {
    if (day > daysInMonth(year, month)) return null;
    return { value: dayDate(toIsoDay(year, month, day)), precise: 'day' };
  }
  if (certainMonth && month !== null) return { value: monthDate(year, month), precise: 'month' };
  return { value: yearDate(year), precise: 'year' };
}

/**
 * Every date expression in `text`, resolved against `ref` (YYYY-MM-DD) in the given tense direction,
 * in text order. Overlapping readings are resolved in favour of the rules above chrono.
 */
/** chrono's explicit dates in a whole text, parsed once; `within` lists those inside a span, with offsets relative to it. */
interface ChronoHit {
  index: number;
  text: string;
  start: chrono.ParsedComponents;
  end?: chrono.ParsedComponents | null | undefined;
}

/**
 * chrono over the few words around each month name or numeric date only: parsing a whole long
 * article costs far more, and only those places can hold the explicit dates left to chrono. Only
 * the certain components of its results are used (a missing year is inferred here, from the
 * tense), so the reference instant does not change what is read.
 */
function chronoNear(text: string, ref: string): ChronoHit[] {
  const hint = new RegExp(CHRONO_HINT.source, 'g');
  const windows: Array<[number, number]> = [];
  for (let m = hint.exec(text); m; m = hint.exec(text)) {
    let a = Math.max(0, m.index - 24);
    let b = Math.min(text.length, m.index + m[0].length + 24);
    while (a > 0 && /\S/.test(text[a - 1]!)) a--;
    while (b < text.length && /\S/.test(text[b]!)) b++;
    const last = windows[windows.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else windows.push([a, b]);
  }
  const out: ChronoHit[] = [];
  for (const [a, b] of windows) {
    for (const r of chrono.en.casual.parse(text.slice(a, b), { instant: refInstant(ref) })) {
      out.push({ index: r.index + a, text: r.text, start: r.start, end: r.end });
    }
  }
  return out;
}

export function findDates(text: string, ref: string, direction: Direction): DateMention[] {
  const found: DateMention[] = [];
  const taken: Array<[number, number]> = [];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const s = m.index;
      const e = s + m[0].length;
      if (!free(s, e)) continue;
      const r = rule.resolve(m, ref, direction);
      if (!r) continue;
      taken.push([s, e]);
      found.push({ start: s, end: e, phrase: m[0], value: r.value, endValue: r.endValue ?? null, strength: rule.strength });
    }
  }
  if (CHRONO_HINT.test(text)) {
    const results = chronoNear(text, ref);
    for (const r of results) {
      const s = r.index;
      const e = s + r.text.length;
      if (!free(s, e)) continue;
      const start = componentsToDate(r.start, ref, direction, null);
      if (!start) continue;
      // "Mrs May", "March" at a sentence start: a month alone needs a preposition before it.
      if (start.precise === 'month' && !r.start.isCertain('year') && !MONTH_ONLY_PREFIX.test(text.slice(Math.max(0, s - 25), s))) continue;
      let endValue: FuzzyDate | null = null;
      if (r.end) {
        const yearHint = Number(start.value.from.slice(0, 4));
        const end = componentsToDate(r.end, ref, direction, yearHint);
        if (end && end.precise === 'day' && end.value.from >= start.value.from) endValue = end.value;
      }
      taken.push([s, e]);
      const strength = start.precise === 'day' ? 5 : start.precise === 'month' ? 3 : 1;
      found.push({ start: s, end: e, phrase: r.text, value: start.value, endValue, strength });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
