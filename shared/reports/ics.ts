import { STATUS_LABELS, addDays } from '../model';
import type { ReportModel, ReportVisit } from './model';
import type { VisitStatus } from '../model';

/**
 * The report as iCalendar (RFC 5545): one all-day VEVENT per visit that has a start date.
 *
 * - A visit that starts on a known day: DTSTART;VALUE=DATE is that day and DTEND;VALUE=DATE the day
 *   after its last day (exclusive, as the RFC says).
 * - A visit known only by a window, a month or a year ("within weeks", "in September") is ONE
 *   all-day entry on the first day its dates allow, titled with the window ("… — 22 July 2020 –
 *   2 September 2020 (within weeks)"). A block over the whole window reads, in every calendar, as a
 *   six-week trip and fills each of those days; an entry on the first day, named with its window,
 *   is seen when the window opens and says what is (not) known. The precision is kept in
 *   X-LEGATION-PRECISION, and the description says how to read the day.
 * - STATUS: TENTATIVE for planned and postponed, CONFIRMED for underway and completed, CANCELLED.
 * - UID is `<visit id>@legation`: the same visit is the same event in every export, so a calendar
 *   that imports a newer file updates the event instead of adding a copy.
 * - SEQUENCE (the revision clients compare) is derived from the visit alone, and never decreases as
 *   the visit changes: (status changes) + (whole seconds from createdAt to updatedAt). Every status
 *   change adds one, so a change always bumps it even within the same second; every later edit moves
 *   updatedAt forward and so bumps it too (edits of dates must, per RFC 5545 §3.8.7.4). Capped at
 *   2^31 − 1 (68 years of seconds). DTSTAMP and LAST-MODIFIED are updatedAt, so unchanged visits
 *   give byte-identical events.
 * - Visits without a start date cannot be placed on a calendar: they are skipped and listed in
 *   X-LEGATION-UNDATED properties of the calendar (the command line also says so on stderr).
 * - Lines end with CRLF and are folded at 75 octets without splitting a UTF-8 character.
 */

const ICS_STATUS: Record<VisitStatus, 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED'> = {
  planned: 'TENTATIVE',
  postponed: 'TENTATIVE',
  underway: 'CONFIRMED',
  completed: 'CONFIRMED',
  cancelled: 'CANCELLED',
};

/** TEXT value escaping: backslash, semicolon, comma and newlines. */
export function escapeIcsText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** UTF-8 length of one code point. */
function utf8Length(cp: number): number {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** Folds one content line at 75 octets (continuations start with a space, which counts). */
export function foldLine(line: string): string {
  // Most lines are short ASCII: no work.
  if (line.length <= 75 && /^[\x20-\x7e]*$/.test(line)) return line;
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  let limit = 75;
  for (const ch of line) {
    const n = utf8Length(ch.codePointAt(0) ?? 0);
    if (bytes + n > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
      limit = 74; // the leading space of a continuation line takes one octet
    }
    current += ch;
    bytes += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function icsDate(day: string): string {
  return day.replace(/-/g, '');
}

function icsTimestamp(iso: string): string {
  // 2020-07-22T12:00:00.000Z → 20200722T120000Z
  return `${iso.slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** The SEQUENCE rule above. */
export function icsSequence(v: Pick<ReportVisit, 'statusHistory' | 'createdAt' | 'updatedAt'>): number {
  const seconds = Math.max(0, Math.floor((Date.parse(v.updatedAt) - Date.parse(v.createdAt)) / 1000));
  return Math.min(2 ** 31 - 1, v.statusHistory.length - 1 + (Number.isFinite(seconds) ? seconds : 0));
}

/** Visits an iCalendar export leaves out (no start date). */
export function icsSkipped(model: ReportModel): ReportVisit[] {
  return model.visits.filter((v) => !v.start);
}

/** Dated only by a window, a month or a year: one entry on its first day (see above). */
function isWindow(v: ReportVisit): boolean {
  return v.start !== null && v.start.precision !== 'day';
}

function description(v: ReportVisit, model: ReportModel): string {
  const foot = new Map(model.footnotes.map((f) => [f.n, f.label]));
  const lines = [`${v.title}`, `Dates: ${v.dates}`];
  if (isWindow(v)) lines.push('No day is known: this entry is on the first day the dates allow.');
  lines.push(`Status: ${STATUS_LABELS[v.status]}`);
  if (v.kind !== 'unknown') lines.push(`Kind: ${v.kindLabel}`);
  if (v.purpose) lines.push(`Purpose: ${v.purpose}`);
  if (v.hosts.length) lines.push(`Hosts: ${v.hosts.join(', ')}`);
  lines.push('Status history:');
  for (const c of v.statusHistory) {
    lines.push(`- ${c.onLabel}: ${STATUS_LABELS[c.status]}${c.reason ? ` — ${c.reason}` : ''}${c.footnote ? ` [${c.footnote}]` : ''}`);
  }
  const cited = [...new Set([...v.sources, ...v.statusHistory.flatMap((c) => (c.footnote ? [c.footnote] : []))])].sort((a, b) => a - b);
  if (cited.length) {
    lines.push('Sources:');
    for (const n of cited) lines.push(`[${n}] ${foot.get(n) ?? ''}`);
  }
  return lines.join('\n');
}

export function renderIcs(model: ReportModel): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Legation//Legation report//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeIcsText(model.title)}`,
  ];
  for (const v of icsSkipped(model)) lines.push(`X-LEGATION-UNDATED:${escapeIcsText(`${v.title} (${v.id})`)}`);
  for (const v of model.visits) {
    if (!v.start) continue;
    const lastDay = isWindow(v) ? v.start.from : v.end ? (v.end.to > v.start.to ? v.end.to : v.start.to) : v.start.to;
    const summary = isWindow(v) ? `${v.title} — ${v.dates}` : v.title;
    const categories = [...(v.kind === 'unknown' ? [] : [v.kindLabel]), ...v.tags];
    lines.push(
      'BEGIN:VEVENT',
      `UID:${v.id}@legation`,
      `DTSTAMP:${icsTimestamp(v.updatedAt)}`,
      `CREATED:${icsTimestamp(v.createdAt)}`,
      `LAST-MODIFIED:${icsTimestamp(v.updatedAt)}`,
      `SEQUENCE:${icsSequence(v)}`,
      `DTSTART;VALUE=DATE:${icsDate(v.start.from)}`,
      `DTEND;VALUE=DATE:${icsDate(addDays(lastDay, 1))}`,
      `SUMMARY:${escapeIcsText(v.status === 'postponed' ? `${summary} (postponed)` : summary)}`,
      `LOCATION:${escapeIcsText(v.destination)}`,
      `DESCRIPTION:${escapeIcsText(description(v, model))}`,
      `STATUS:${ICS_STATUS[v.status]}`,
      'TRANSP:TRANSPARENT',
      ...(categories.length ? [`CATEGORIES:${categories.map(escapeIcsText).join(',')}`] : []),
      `X-LEGATION-STATUS:${v.status}`,
      `X-LEGATION-PRECISION:${v.start.precision}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
