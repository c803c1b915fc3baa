/**
 * The article's reference day (what "on Tuesday" and "next week" are counted from) and its
 * dateline place. Sources, most trusted first: a leading " date YYYY-MM-DD" line; a dateline with
 * a date ("SEOUL, June 9 (Yonhap) --", "Jan. 26(ANI):"); a "Published/posted on" line or a line
 * holding only a date; the caller's publication day. When the text gives a day without a year,
 * the caller's date decides the year, then any dated line of the page.
 */
import { daysBetween, isValidDay, toIsoDay } from '../model/dates';
import { findCities, findCountry } from '../places';
import { monthIndex } from './dates';
import type { ExtractionResult } from './types';

export interface ReferenceInfo {
  date: string | null;
  source: ExtractionResult['referenceSource'];
  dateline: { country: string; city: string | null; start: number; end: number } | null;
}

const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})\\s+${MONTH},?\\s+(\\d{4})\\b`, 'i');
const MONTH_DAY = new RegExp(`\\b${MONTH}\\s*(\\d{1,2})\\b(?!\\s*,?\\s*\\d{4})`, 'i');

function dayFrom(text: string): string | null {
  let m = MONTH_DAY_YEAR.exec(text);
  if (m) {
    const d = toIsoDay(Number(m[3]), monthIndex(m[1]!), Number(m[2]));
    if (isValidDay(d)) return d;
  }
  m = DAY_MONTH_YEAR.exec(text);
  if (m) {
    const d = toIsoDay(Number(m[3]), monthIndex(m[2]!), Number(m[1]));
    if (isValidDay(d)) return d;
  }
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso && isValidDay(iso[0])) return iso[0];
  return null;
}

/** The year that puts month/day closest to an anchor day. */
function closestYear(month: number, day: number, anchor: string): string | null {
  const y = Number(anchor.slice(0, 4));
  let best: string | null = null;
  for (const cand of [y - 1, y, y + 1]) {
    const d = toIsoDay(cand, month, day);
    if (!isValidDay(d)) continue;
    if (best === null || Math.abs(daysBetween(anchor, d)) < Math.abs(daysBetween(anchor, best))) best = d;
  }
  return best;
}

function placeOf(name: string): { country: string; city: string | null } | null {
  const clean = name
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean === '' || clean.length > 40) return null;
  const city = findCities(clean)[0];
  if (city) return { country: city.country, city: city.name };
  const country = findCountry(clean);
  return country ? { country: country.code, city: null } : null;
}

type MonthDay = { month: number; day: number; year: number | null };

const DATELINE =
  /^[ \t]*([A-Z][\p{L}.' ]{1,40}?(?:\s*\([^)\n]{1,12}\))?(?:\s*\[[^\]\n]{1,12}\])?)((?:\s*,\s*[^,:\n]{1,30}?){0,2})\s*(?:\(([A-Za-z .]{2,20})\))?\s*(?::|--|-(?=\s))\s*/u;

/**
 * A page saved whole may begin with its own date stamp, "date 2020-07-22", on its own line or before
 * the dateline: not article text. Its length with the blanks after it (to skip or hide it) and its
 * day. The one reading of that stamp: the extractor's reference day, its quotes, the source reader.
 */
export function leadingDateStamp(text: string): { length: number; day: string } | null {
  const m = /^\s*date\s+(\d{4}-\d{2}-\d{2})(?:\s+|$)/.exec(text);
  return m ? { length: m[0].length, day: m[1]! } : null;
}

export function findReference(text: string, caller: string | undefined): ReferenceInfo {
  const callerDay = caller && isValidDay(caller) ? caller : null;
  const lead = leadingDateStamp(text);
  const leadDay = lead && isValidDay(lead.day) ? lead.day : null;

  // Lines of the page head (and foot, where "Published On:" often sits).
  const lines: Array<{ text: string; start: number }> = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    lines.push({ text: line, start: offset });
    offset += line.length + 1;
  }
  const head = lines.slice(0, 15);
  const foot = lines.slice(Math.max(15, lines.length - 6));

  let dateline: ReferenceInfo['dateline'] = null;
  let datelineDay: MonthDay | null = null as MonthDay | null;
  for (const line of head) {
    let body = line.text;
    let shift = 0;
    if (lead && line.start === 0) {
      shift = Math.min(lead.length, line.text.length);
      body = body.slice(shift);
    }
    const m = DATELINE.exec(body);
    if (!m) continue;
    const place = placeOf(m[1]!);
    if (!place) continue;
    // The parts after commas: a country ("MANILA, Philippines") or a date ("SEOUL, June 9").
    let country = place.country;
    let found: MonthDay | null = null;
    for (const part of (m[2] ?? '').split(',').map((p) => p.trim())) {
      if (part === '') continue;
      const md = new RegExp(`^${MONTH}\\s*(\\d{1,2})(?:,?\\s+(\\d{4}))?`, 'i').exec(part);
      if (md) {
        found = { month: monthIndex(md[1]!), day: Number(md[2]), year: md[3] ? Number(md[3]) : null };
        continue;
      }
      const c = findCountry(part.replace(/\([^)]*\)/g, '').trim());
      if (c) country = c.code;
      else if (!/^\d/.test(part)) {
        found = null;
        break;
      }
    }
    // "Washington(D.C.) [U.S.], Jan. 26(ANI):" - the date may also follow without a comma.
    if (!found) {
      const tail = body.slice(0, m[0].length);
      const md = MONTH_DAY.exec(tail);
      if (md && md.index > m[1]!.length - 1) found = { month: monthIndex(md[1]!), day: Number(md[2]), year: null };
    }
    dateline = { country, city: place.city, start: line.start + shift, end: line.start + shift + m[0].length };
    datelineDay = found;
    break;
  }

  // "Published On: 23 Apr 2024", "posted on: Aug 28, 2015", a line with only a date, "| Updated: ...".
  let published: string | null = null;
  let bareLine: string | null = null;
  let updated: string | null = null;
  for (const line of [...head, ...foot]) {
    const t = line.text.trim();
    if (t === '' || t.length > 80) continue;
    const day = dayFrom(t);
    if (!day) continue;
    if (/\b(published|posted|date[ds]?|first published)\b/i.test(t)) published ??= day;
    else if (/\bupdated\b/i.test(t)) updated ??= day;
    else if (
      t
        .replace(new RegExp(MONTH_DAY_YEAR.source + '|' + DAY_MONTH_YEAR.source, 'ig'), '')
        .replace(/[\s,|:]|\bat\b|\d{1,2}[:.]\d{2}\s*(am|pm)?|\b(am|pm|gmt|ist|utc)\b/gi, '').length < 25
    )
      bareLine ??= day;
  }

  const anchor = callerDay ?? published ?? bareLine ?? updated;
  if (leadDay) return { date: leadDay, source: 'date-line', dateline };
  if (datelineDay) {
    const full =
      datelineDay.year !== null
        ? toIsoDay(datelineDay.year, datelineDay.month, datelineDay.day)
        : anchor
          ? closestYear(datelineDay.month, datelineDay.day, anchor)
          : null;
    if (full && isValidDay(full)) return { date: full, source: 'dateline', dateline };
  }
  const textDay = published ?? bareLine;
  if (textDay) return { date: textDay, source: 'published', dateline };
  if (callerDay) return { date: callerDay, source: 'caller', dateline };
  if (updated) return { date: updated, source: 'published', dateline };
  return { date: null, source: 'none', dateline };
}
