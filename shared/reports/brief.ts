import {
  KIND_LABELS,
  STATUS_LABELS,
  VISIT_STATUSES,
  addDays,
  dayLabel,
  formatVisitDates,
  isOverdue,
  lastPossibleDay,
  visitTitle,
  zonedTimeLabel,
} from '../model';
import type { Person, StatusChange, Visit, VisitStatus } from '../model';
import { Citations, compareVisits, type ReportFootnote, type ReportInput } from './model';

/**
 * The Brief: what a diplomat hands to their boss. A few lines of summary, then what is coming up,
 * what is overdue and what moved, one line per visit with its sources as numbered endnotes. The
 * evidence quotes, meetings and notes stay in the annex (model.ts, the full report).
 *
 * Built from the annex's own input (ReportInput) and wording (visitTitle, formatVisitDates, the
 * status rules); pure: the caller passes the time of generation, the reader's zone and the dates.
 */
export const BRIEF_FORMAT = 'legation-brief';
export const BRIEF_FORMAT_VERSION = 1;

/** Lines per section; the rest are counted and left to the annex, so 300 visits still read as a brief. */
export const BRIEF_SECTION_LIMIT = 25;
/** "Since" when none is chosen: this many days before "as of". */
export const BRIEF_DEFAULT_SINCE_DAYS = 30;

export interface BriefOptions {
  title: string;
  /** ISO timestamp of generation (never read from a clock here). */
  generatedAt: string;
  /** The reader's zone at generatedAt, minutes east of UTC (-new Date().getTimezoneOffset()). */
  zoneOffsetMinutes: number;
  /** What was chosen, in words: "All visits", "Visits to Iran"… */
  selectionLabel: string;
  /** The day the brief speaks of (YYYY-MM-DD): the caller's today unless chosen. */
  asOf: string;
  /** Changes on or after this day are "since" (YYYY-MM-DD); 30 days before asOf by default. */
  since?: string | undefined;
  /** Lines per section (default BRIEF_SECTION_LIMIT). */
  limit?: number;
}

/** One visit in one line: "Mustafa al-Kadhemi → Saudi Arabia — Date unknown — Postponed on 20 July 2020: King Salman was hospitalised [1]". */
export interface BriefLine {
  visitId: string;
  title: string;
  dates: string;
  status: VisitStatus;
  statusLabel: string;
  /** The rest of the line in words; never an internal code. */
  detail: string;
  footnotes: number[];
}

export const BRIEF_CHANGE_KINDS = ['new-plan', 'rescheduled', 'revived', 'postponed', 'cancelled', 'underway', 'completed'] as const;
export type BriefChangeKind = (typeof BRIEF_CHANGE_KINDS)[number];

/** What a change is called in the brief. */
export const BRIEF_CHANGE_LABELS: Readonly<Record<BriefChangeKind, string>> = Object.freeze({
  'new-plan': 'New plan',
  rescheduled: 'Rescheduled',
  revived: 'Planned again',
  postponed: 'Postponed',
  cancelled: 'Cancelled',
  underway: 'Began',
  completed: 'Completed',
});

export interface BriefChange {
  visitId: string;
  title: string;
  on: string;
  onLabel: string;
  kind: BriefChangeKind;
  label: string;
  reason: string;
  /** The visit's dates as this change set them, in words; null when it set none. */
  dates: string | null;
  footnotes: number[];
}

export interface BriefSection<T> {
  items: T[];
  /** Lines left out beyond the limit (they are in the annex). */
  more: number;
}

export interface BriefModel {
  format: typeof BRIEF_FORMAT;
  formatVersion: number;
  title: string;
  selection: string;
  generatedAt: string;
  /** "7 December 2026, 14:09 (UTC+01:00)" */
  generatedLabel: string;
  asOf: string;
  asOfLabel: string;
  since: string;
  sinceLabel: string;
  counts: {
    visits: number;
    byStatus: Record<VisitStatus, number>;
    next30: number;
    next90: number;
    overdue: number;
    postponedOrCancelled: number;
    changes: Record<BriefChangeKind, number>;
  };
  /** A few sentences, in words. */
  summary: string[];
  changes: BriefSection<BriefChange>;
  /** Planned or under way, dates (a window or month included) touching the next 30 days. */
  next30: BriefSection<BriefLine>;
  /** The same, touching days 31 to 90 and not already in next30. */
  next90: BriefSection<BriefLine>;
  overdue: BriefSection<BriefLine>;
  /** Postponed and still awaiting a date (not overdue), and cancelled since "since". */
  postponedOrCancelled: BriefSection<BriefLine>;
  footnotes: ReportFootnote[];
}

/** What a status change is, in the brief's and the dossier's terms. */
export function changeKind(c: Pick<StatusChange, 'status' | 'from'>): BriefChangeKind {
  switch (c.status) {
    case 'planned':
      return c.from === 'postponed' ? 'rescheduled' : c.from === 'cancelled' ? 'revived' : 'new-plan';
    case 'postponed':
    case 'cancelled':
    case 'underway':
    case 'completed':
      return c.status;
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "a, b and c" */
function listWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** The visit's span of days, or null when undated. */
function span(v: Visit): { from: string; to: string } | null {
  if (!v.start) return null;
  return { from: v.start.from, to: lastPossibleDay(v) ?? v.start.to };
}

/** Builds the brief of `input.visits` (all of them: select before). Pure and deterministic. */
export function buildBriefModel(input: ReportInput, options: BriefOptions): BriefModel {
  const asOf = options.asOf;
  const since = options.since ?? addDays(asOf, -BRIEF_DEFAULT_SINCE_DAYS);
  const limit = Math.max(1, options.limit ?? BRIEF_SECTION_LIMIT);
  const people = new Map<string, Person>(input.people.map((p) => [p.id, p]));
  const visits = input.visits.filter((v) => !v.deletedAt).sort(compareVisits);
  const title = (v: Visit) => visitTitle(people.get(v.travellerId), v.place);
  const dates = (v: Visit) => formatVisitDates(v.start, v.end);
  const byStatus = Object.fromEntries(VISIT_STATUSES.map((s) => [s, 0])) as Record<VisitStatus, number>;
  for (const v of visits) byStatus[v.status] += 1;

  // What changed since: every status change dated in [since, asOf], most recent first.
  // Same day, same visit: the later entry of its history first.
  const changed: { v: Visit; c: StatusChange; i: number }[] = [];
  for (const v of visits) v.statusHistory.forEach((c, i) => c.on >= since && c.on <= asOf && changed.push({ v, c, i }));
  changed.sort((a, b) => (a.c.on !== b.c.on ? (a.c.on > b.c.on ? -1 : 1) : compareVisits(a.v, b.v) || b.i - a.i));
  const changeCounts = Object.fromEntries(BRIEF_CHANGE_KINDS.map((k) => [k, 0])) as Record<BriefChangeKind, number>;
  for (const { c } of changed) changeCounts[changeKind(c)] += 1;

  const in30 = addDays(asOf, 30);
  const in90 = addDays(asOf, 90);
  const active = (v: Visit) => v.status === 'planned' || v.status === 'underway';
  const next30 = visits.filter((v) => {
    const s = span(v);
    return active(v) && s !== null && s.to >= asOf && s.from <= in30;
  });
  const in30Ids = new Set(next30.map((v) => v.id));
  const next90 = visits.filter((v) => {
    const s = span(v);
    return active(v) && !in30Ids.has(v.id) && s !== null && s.to >= asOf && s.from <= in90;
  });
  const lastDay = (v: Visit) => lastPossibleDay(v) ?? '';
  const overdue = visits
    .filter((v) => isOverdue(v, asOf))
    .sort((a, b) => (lastDay(a) !== lastDay(b) ? (lastDay(a) > lastDay(b) ? -1 : 1) : compareVisits(a, b)));
  const overdueIds = new Set(overdue.map((v) => v.id));
  const latest = (v: Visit): StatusChange | undefined => v.statusHistory[v.statusHistory.length - 1];
  const latestOn = (v: Visit) => latest(v)?.on ?? '';
  const postponedOrCancelled = visits
    .filter((v) => !overdueIds.has(v.id))
    .filter((v) => v.status === 'postponed' || (v.status === 'cancelled' && latestOn(v) >= since && latestOn(v) <= asOf))
    .sort((a, b) => (latestOn(a) !== latestOn(b) ? (latestOn(a) > latestOn(b) ? -1 : 1) : compareVisits(a, b)));

  // Endnotes are numbered in the order the body cites them: changes, coming up, overdue, moved.
  const citations = new Citations(input.sources);
  const cite = (ids: readonly (string | null)[]): number[] => [
    ...new Set(ids.map((id) => citations.cite(id)).filter((n): n is number => n !== null)),
  ];
  const changeItems = changed.slice(0, limit).map(({ v, c }): BriefChange => ({
    visitId: v.id,
    title: title(v),
    on: c.on,
    onLabel: dayLabel(c.on),
    kind: changeKind(c),
    label: BRIEF_CHANGE_LABELS[changeKind(c)],
    reason: c.reason,
    dates: c.start || c.end ? formatVisitDates(c.start, c.end) : null,
    footnotes: cite([c.sourceId]),
  }));
  const lastChangeWords = (v: Visit): string => {
    const c = latest(v);
    if (!c) return STATUS_LABELS[v.status];
    return `${STATUS_LABELS[c.status]} on ${dayLabel(c.on)}${c.reason ? `: ${c.reason}` : ''}`;
  };
  const line = (v: Visit, detail: string): BriefLine => ({
    visitId: v.id,
    title: title(v),
    dates: dates(v),
    status: v.status,
    statusLabel: STATUS_LABELS[v.status],
    detail,
    footnotes: cite([latest(v)?.sourceId ?? null, ...v.sourceIds]),
  });
  const comingUp = (v: Visit) =>
    line(v, [STATUS_LABELS[v.status], v.kind === 'unknown' ? '' : KIND_LABELS[v.kind], v.purpose].filter(Boolean).join(' · '));
  const next30Items = next30.slice(0, limit).map(comingUp);
  const next90Items = next90.slice(0, limit).map(comingUp);
  const overdueItems = overdue.slice(0, limit).map((v) => line(v, `${lastChangeWords(v)}; nothing recorded since`));
  const movedItems = postponedOrCancelled
    .slice(0, limit)
    .map((v) => line(v, `${lastChangeWords(v)}${v.status === 'postponed' ? '; no new date yet' : ''}`));

  const summary: string[] = [];
  const statusWords = VISIT_STATUSES.filter((s) => byStatus[s] > 0).map((s) => `${byStatus[s]} ${STATUS_LABELS[s].toLowerCase()}`);
  summary.push(visits.length === 0 ? 'No visits match this selection.' : `${plural(visits.length, 'visit')}: ${listWords(statusWords)}.`);
  if (visits.length > 0) {
    summary.push(
      next30.length + next90.length === 0
        ? `Nothing planned in the 90 days from ${dayLabel(asOf)}.`
        : `Coming up from ${dayLabel(asOf)}: ${plural(next30.length, 'visit')} in the next 30 days, ${next90.length} more within 90 days.`,
    );
    if (overdue.length > 0) {
      summary.push(
        `${plural(overdue.length, 'plan is', 'plans are')} overdue: ${overdue.length === 1 ? 'its dates have' : 'their dates have'} passed with no record of what happened.`,
      );
    }
    const reasons = (kind: BriefChangeKind) => {
      const rs = [...new Set(changed.filter(({ c }) => changeKind(c) === kind && c.reason).map(({ c }) => c.reason))];
      if (rs.length === 0) return '';
      const shown = rs.slice(0, 3).join('; ');
      return ` (${shown}${rs.length > 3 ? '; …' : ''})`;
    };
    const parts: string[] = [];
    if (changeCounts['new-plan']) parts.push(plural(changeCounts['new-plan'], 'new plan'));
    if (changeCounts.rescheduled) parts.push(`${changeCounts.rescheduled} rescheduled`);
    if (changeCounts.revived) parts.push(`${changeCounts.revived} planned again`);
    if (changeCounts.postponed) parts.push(`${plural(changeCounts.postponed, 'postponement')}${reasons('postponed')}`);
    if (changeCounts.cancelled) parts.push(`${plural(changeCounts.cancelled, 'cancellation')}${reasons('cancelled')}`);
    if (changeCounts.underway) parts.push(`${plural(changeCounts.underway, 'visit')} begun`);
    if (changeCounts.completed) parts.push(plural(changeCounts.completed, 'completion'));
    summary.push(
      parts.length === 0 ? `No status changes recorded since ${dayLabel(since)}.` : `Since ${dayLabel(since)}: ${listWords(parts)}.`,
    );
    const waiting = visits.filter((v) => v.status === 'postponed' && !overdueIds.has(v.id)).length;
    if (waiting > 0) summary.push(`${plural(waiting, 'postponed visit is', 'postponed visits are')} still waiting for a new date.`);
  }

  return {
    format: BRIEF_FORMAT,
    formatVersion: BRIEF_FORMAT_VERSION,
    title: options.title,
    selection: options.selectionLabel,
    generatedAt: options.generatedAt,
    generatedLabel: zonedTimeLabel(options.generatedAt, options.zoneOffsetMinutes),
    asOf,
    asOfLabel: dayLabel(asOf),
    since,
    sinceLabel: dayLabel(since),
    counts: {
      visits: visits.length,
      byStatus,
      next30: next30.length,
      next90: next90.length,
      overdue: overdue.length,
      postponedOrCancelled: postponedOrCancelled.length,
      changes: changeCounts,
    },
    summary,
    changes: { items: changeItems, more: Math.max(0, changed.length - limit) },
    next30: { items: next30Items, more: Math.max(0, next30.length - limit) },
    next90: { items: next90Items, more: Math.max(0, next90.length - limit) },
    overdue: { items: overdueItems, more: Math.max(0, overdue.length - limit) },
    postponedOrCancelled: { items: movedItems, more: Math.max(0, postponedOrCancelled.length - limit) },
    footnotes: citations.footnotes,
  };
}

/** The brief's sections in reading order, with their headings: one list for every renderer. */
export function briefSections(m: BriefModel): { id: string; heading: string; empty: string; section: BriefSection<BriefLine> }[] {
  return [
    { id: 'next30', heading: 'Next 30 days', empty: 'Nothing planned.', section: m.next30 },
    { id: 'next90', heading: 'In 31 to 90 days', empty: 'Nothing planned.', section: m.next90 },
    { id: 'overdue', heading: 'Overdue plans', empty: 'None: every plan is still ahead or accounted for.', section: m.overdue },
    {
      id: 'moved',
      heading: 'Postponed or cancelled',
      empty: `Nothing postponed, and nothing cancelled since ${m.sinceLabel}.`,
      section: m.postponedOrCancelled,
    },
  ];
}

/** "12 more in the annex." for a cut section; '' when nothing was cut. */
export function moreLine(more: number): string {
  return more > 0 ? `${more} more, not listed here: see the annex (the full report).` : '';
}
