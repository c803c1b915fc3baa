import {
  addDays,
  dayLabel,
  formatFuzzyDate,
  formatVisitDates,
  KIND_LABELS,
  placeLabel,
  STATUS_LABELS,
  timestampLabel,
  visitTitle,
  zonedTimeLabel,
  type FuzzyDate,
} from '../model';
import type { ContextEvent, Evidence, Meeting, Note, Person, Source, Visit, VisitKind, VisitStatus } from '../model';
import { VISIT_STATUSES } from '../model';
import { noteTitle } from '../model';
import { countryName } from '../places';

/**
 * The report is written once, as this model, and every format (Markdown, HTML, CSV, JSON,
 * iCalendar, DOCX, TimelineJS, the print page) renders it. Building it is pure: the same input and
 * options give a deep-equal model, so two exports of unchanged data are identical.
 *
 * Sources are cited as numbered footnotes, numbered per report in order of first citation
 * (visits in report order, within a visit: its sources, status history, evidence, meetings; then
 * the context events).
 */
export const REPORT_FORMAT = 'legation-report';
export const REPORT_FORMAT_VERSION = 1;

export interface ReportInput {
  visits: readonly Visit[];
  people: readonly Person[];
  sources: readonly Source[];
  evidence: readonly Evidence[];
  meetings: readonly Meeting[];
  notes: readonly Note[];
  events: readonly ContextEvent[];
}

export interface ReportOptions {
  title: string;
  /** ISO timestamp. Passed in (never read from a clock) so the build stays pure. */
  generatedAt: string;
  /**
   * The reader's zone at generatedAt, minutes east of UTC (-new Date().getTimezoneOffset()): the
   * cover gives the time in it, with the zone named. Without it the time is given in UTC.
   */
  zoneOffsetMinutes?: number | undefined;
  /** What was chosen, in words: "All visits", "Visits of Mustafa al-Kadhemi to Iran"... */
  selectionLabel: string;
}

/** A fuzzy date with its precision kept, and the words a reader sees. */
export interface ReportDate {
  precision: FuzzyDate['precision'];
  from: string;
  to: string;
  phrase: string | null;
  label: string;
}

export interface ReportFootnote {
  n: number;
  sourceId: string;
  title: string;
  publisher: string | null;
  publishedOn: string | null;
  url: string | null;
  /** "Title, Publisher, 22 July 2020, https://…" — the citation as printed. */
  label: string;
}

export interface ReportStatusChange {
  status: VisitStatus;
  from: VisitStatus | null;
  on: string;
  onLabel: string;
  reason: string;
  footnote: number | null;
  /** The visit's dates as they stood after this change, in words; null when unknown. */
  dates: string | null;
}

export interface ReportQuote {
  speaker: string | null;
  text: string;
  footnote: number | null;
}

export interface ReportMeeting {
  id: string;
  date: ReportDate | null;
  place: string | null;
  participants: string[];
  summary: string;
  quotes: ReportQuote[];
}

export interface ReportEvidence {
  /** What the quote supports, in words: "Status", "Dates", "Postponed — why"... */
  field: string;
  quote: string;
  footnote: number;
}

export interface ReportNote {
  id: string;
  title: string;
  /** The note's Markdown source, as written. Renderers show it, never interpret it as HTML. */
  markdown: string;
  updatedAt: string;
}

export interface ReportVisit {
  id: string;
  /** "Mustafa al-Kadhemi → Iran, Tehran" */
  title: string;
  travellerId: string;
  traveller: string;
  delegation: string[];
  hosts: string[];
  country: string;
  countryName: string;
  city: string | null;
  destination: string;
  kind: VisitKind;
  kindLabel: string;
  purpose: string;
  status: VisitStatus;
  start: ReportDate | null;
  end: ReportDate | null;
  /** The dates in words, precision kept: "21 July 2020", "July 2020", "Date unknown". */
  dates: string;
  tags: string[];
  tourId: string | null;
  statusHistory: ReportStatusChange[];
  meetings: ReportMeeting[];
  evidence: ReportEvidence[];
  notes: ReportNote[];
  /** Footnote numbers of the visit's own sources. */
  sources: number[];
  createdAt: string;
  updatedAt: string;
}

export interface ReportContextEvent {
  id: string;
  title: string;
  date: ReportDate;
  place: string | null;
  description: string;
  footnotes: number[];
}

export interface ReportSummaryRow {
  n: number;
  visitId: string;
  traveller: string;
  destination: string;
  dates: string;
  status: VisitStatus;
  kind: string;
}

export interface ReportCounts {
  visits: number;
  byStatus: Record<VisitStatus, number>;
  undated: number;
  meetings: number;
  quotes: number;
  notes: number;
  sources: number;
}

export interface ReportModel {
  format: typeof REPORT_FORMAT;
  formatVersion: number;
  title: string;
  selection: string;
  generatedAt: string;
  /** "7 December 2026, 14:09 (UTC+01:00)", or in UTC when the reader's zone was not given. */
  generatedLabel: string;
  counts: ReportCounts;
  summary: ReportSummaryRow[];
  visits: ReportVisit[];
  context: ReportContextEvent[];
  footnotes: ReportFootnote[];
}

/**
 * A status change in words: "Planned", "Postponed", "Rescheduled" (postponed, then planned with
 * new dates), "Planned again" (after a cancellation): what the annex and the dossier print.
 */
export function changeLabel(c: { status: VisitStatus; from: VisitStatus | null }): string {
  if (c.status === 'planned' && c.from === 'postponed') return 'Rescheduled';
  if (c.status === 'planned' && c.from === 'cancelled') return 'Planned again';
  return STATUS_LABELS[c.status];
}

/** The cover's count by status: "1 planned, 1 postponed, 1 completed". */
export function statusCountWords(byStatus: Record<VisitStatus, number>): string {
  return VISIT_STATUSES.filter((s) => byStatus[s] > 0)
    .map((s) => `${byStatus[s]} ${STATUS_LABELS[s].toLowerCase()}`)
    .join(', ');
}

/** How precisely a date is known, in words for the reader. */
export function precisionLabel(precision: FuzzyDate['precision']): string {
  switch (precision) {
    case 'day':
      return 'exact day';
    case 'month':
      return 'known to the month';
    case 'year':
      return 'known to the year';
    case 'window':
      return 'a window, not an exact day';
  }
}

export function reportDate(d: FuzzyDate): ReportDate {
  return { precision: d.precision, from: d.from, to: d.to, phrase: d.phrase ?? null, label: formatFuzzyDate(d) };
}

/** Report order: by start date, undated visits last, ties by id (deterministic). */
export function compareVisits(a: Visit, b: Visit): number {
  const ka = a.startKey === '' ? '\uffff' : a.startKey;
  const kb = b.startKey === '' ? '\uffff' : b.startKey;
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function citation(s: Source): string {
  const parts = [s.title];
  if (s.publisher) parts.push(s.publisher);
  if (s.publishedOn) parts.push(dayLabel(s.publishedOn));
  if (s.url) parts.push(s.url);
  return parts.join(', ');
}

/** What a quote of a visit supports, as the reader calls it; never a field's internal name. */
const FIELD_LABELS: Record<string, string> = {
  status: 'Status',
  start: 'Dates',
  end: 'Dates',
  place: 'Destination',
  hostIds: 'Hosts',
  delegationIds: 'Delegation',
  purpose: 'Purpose',
  tags: 'Tags',
  travellerId: 'Traveller',
  kind: 'Kind',
};

/** What a quote of a status change supports: the change itself, when, why, or the dates it set. */
const CHANGE_FIELD_LABELS: Record<string, string> = { on: 'when', reason: 'why', start: 'dates', end: 'dates' };

/**
 * Sources as numbered footnotes, numbered in order of first citation: the annex and the brief
 * cite the same way.
 */
export class Citations {
  private readonly sources = new Map<string, Source>();
  private readonly bySource = new Map<string, ReportFootnote>();
  readonly footnotes: ReportFootnote[] = [];

  constructor(sources: readonly Source[]) {
    for (const s of sources) if (!s.deletedAt) this.sources.set(s.id, s);
  }

  /** The footnote number of a source, assigned on first citation; null for a missing source. */
  cite(sourceId: string | null): number | null {
    if (!sourceId) return null;
    const known = this.bySource.get(sourceId);
    if (known) return known.n;
    const s = this.sources.get(sourceId);
    if (!s) return null;
    const f: ReportFootnote = {
      n: this.footnotes.length + 1,
      sourceId: s.id,
      title: s.title,
      publisher: s.publisher,
      publishedOn: s.publishedOn,
      url: s.url,
      label: citation(s),
    };
    this.footnotes.push(f);
    this.bySource.set(s.id, f);
    return f.n;
  }
}

/** Indexes the input once; shared by the one-shot and the chunked builders. */
class ReportBuilder {
  private readonly people = new Map<string, Person>();
  private readonly evidenceByRecord = new Map<string, Evidence[]>();
  private readonly meetingsByVisit = new Map<string, Meeting[]>();
  private readonly notesByVisit = new Map<string, Note[]>();
  private readonly citations: Citations;
  readonly footnotes: ReportFootnote[];
  readonly ordered: Visit[];

  constructor(private readonly input: ReportInput) {
    for (const p of input.people) this.people.set(p.id, p);
    this.citations = new Citations(input.sources);
    this.footnotes = this.citations.footnotes;
    for (const e of input.evidence) {
      if (e.deletedAt) continue;
      const list = this.evidenceByRecord.get(e.recordId) ?? [];
      list.push(e);
      this.evidenceByRecord.set(e.recordId, list);
    }
    for (const m of input.meetings) {
      if (m.deletedAt || !m.visitId) continue;
      const list = this.meetingsByVisit.get(m.visitId) ?? [];
      list.push(m);
      this.meetingsByVisit.set(m.visitId, list);
    }
    for (const n of input.notes) {
      if (n.deletedAt || n.target?.type !== 'visit') continue;
      const list = this.notesByVisit.get(n.target.id) ?? [];
      list.push(n);
      this.notesByVisit.set(n.target.id, list);
    }
    // Evidence in the order it appears in its source, so footnote numbers follow the text.
    for (const list of this.evidenceByRecord.values()) list.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1));
    this.ordered = input.visits.filter((v) => !v.deletedAt).sort(compareVisits);
  }

  private name(id: string): string {
    return this.people.get(id)?.name ?? 'Unknown person';
  }

  /** The footnote number of a source, assigned on first citation; null for a missing source. */
  cite(sourceId: string | null): number | null {
    return this.citations.cite(sourceId);
  }

  private evidenceFor(recordId: string, field: (e: Evidence) => string): ReportEvidence[] {
    const out: ReportEvidence[] = [];
    for (const e of this.evidenceByRecord.get(recordId) ?? []) {
      const n = this.cite(e.sourceId);
      if (n !== null) out.push({ field: field(e), quote: e.quote, footnote: n });
    }
    return out;
  }

  visit(v: Visit): ReportVisit {
    const traveller = this.name(v.travellerId);
    const destination = placeLabel(v.place);
    const sources = v.sourceIds.map((id) => this.cite(id)).filter((n): n is number => n !== null);
    const statusHistory: ReportStatusChange[] = v.statusHistory.map((c) => ({
      status: c.status,
      from: c.from,
      on: c.on,
      onLabel: dayLabel(c.on),
      reason: c.reason,
      footnote: this.cite(c.sourceId),
      dates: c.start || c.end ? formatVisitDates(c.start, c.end) : null,
    }));
    const evidence = [
      ...this.evidenceFor(v.id, (e) => FIELD_LABELS[e.field] ?? 'Detail'),
      ...v.statusHistory.flatMap((c) =>
        this.evidenceFor(c.id, (e) => {
          const what = CHANGE_FIELD_LABELS[e.field];
          return `${STATUS_LABELS[c.status]}${what ? ` — ${what}` : ''}`;
        }),
      ),
    ];
    const meetings: ReportMeeting[] = (this.meetingsByVisit.get(v.id) ?? [])
      .slice()
      .sort((a, b) =>
        (a.date?.from ?? '') < (b.date?.from ?? '') ? -1 : (a.date?.from ?? '') > (b.date?.from ?? '') ? 1 : a.id < b.id ? -1 : 1,
      )
      .map((m) => ({
        id: m.id,
        date: m.date ? reportDate(m.date) : null,
        place: m.place ? placeLabel(m.place) : null,
        participants: m.participantIds.map((id) => this.name(id)),
        summary: m.summary,
        quotes: m.quotes.map((q) => ({
          speaker: q.personId ? this.name(q.personId) : null,
          text: q.text,
          footnote: this.cite(q.sourceId),
        })),
      }));
    const notes: ReportNote[] = (this.notesByVisit.get(v.id) ?? [])
      .slice()
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1))
      .map((n) => ({ id: n.id, title: noteTitle(n.body), markdown: n.body, updatedAt: n.updatedAt }));
    return {
      id: v.id,
      title: visitTitle({ name: traveller }, v.place),
      travellerId: v.travellerId,
      traveller,
      delegation: v.delegationIds.map((id) => this.name(id)),
      hosts: v.hostIds.map((id) => this.name(id)),
      country: v.place.country,
      countryName: countryName(v.place.country),
      city: v.place.city,
      destination,
      kind: v.kind,
      kindLabel: KIND_LABELS[v.kind],
      purpose: v.purpose,
      status: v.status,
      start: v.start ? reportDate(v.start) : null,
      end: v.end ? reportDate(v.end) : null,
      dates: formatVisitDates(v.start, v.end),
      tags: [...v.tags],
      tourId: v.tourId,
      statusHistory,
      meetings,
      evidence,
      notes,
      sources,
      createdAt: v.createdAt,
      updatedAt: v.updatedAt,
    };
  }

  /**
   * Context events: those about the people of the report or in its countries (host countries and
   * travellers' own), inside the span of the visits' dates widened by a year before and a month after.
   */
  context(visits: readonly ReportVisit[]): ReportContextEvent[] {
    if (visits.length === 0) return [];
    const people = new Set<string>();
    const countries = new Set<string>();
    let first = '';
    let last = '';
    for (const v of this.ordered) {
      people.add(v.travellerId);
      v.hostIds.forEach((id) => people.add(id));
      v.delegationIds.forEach((id) => people.add(id));
      countries.add(v.place.country);
      const home = this.people.get(v.travellerId)?.country;
      if (home) countries.add(home);
      const s = v.start?.from;
      const e = v.end?.to ?? v.start?.to;
      if (s && (first === '' || s < first)) first = s;
      if (e && (last === '' || e > last)) last = e;
    }
    for (const m of this.input.meetings)
      if (m.visitId && !m.deletedAt && this.meetingsByVisit.has(m.visitId)) m.participantIds.forEach((id) => people.add(id));
    const lo = first === '' ? '' : addDays(first, -366);
    const hi = last === '' ? '' : addDays(last, 31);
    return this.input.events
      .filter((e) => !e.deletedAt)
      .filter((e) => e.personIds.some((id) => people.has(id)) || (e.place !== null && countries.has(e.place.country)))
      .filter((e) => (lo === '' || e.date.to >= lo) && (hi === '' || e.date.from <= hi))
      .sort((a, b) => (a.date.from < b.date.from ? -1 : a.date.from > b.date.from ? 1 : a.id < b.id ? -1 : 1))
      .map((e) => ({
        id: e.id,
        title: e.title,
        date: reportDate(e.date),
        place: e.place ? placeLabel(e.place) : null,
        description: e.description,
        footnotes: e.sourceIds.map((id) => this.cite(id)).filter((n): n is number => n !== null),
      }));
  }

  finish(visits: ReportVisit[], options: ReportOptions): ReportModel {
    const context = this.context(visits);
    const byStatus = Object.fromEntries(VISIT_STATUSES.map((s) => [s, 0])) as Record<VisitStatus, number>;
    for (const v of visits) byStatus[v.status] += 1;
    return {
      format: REPORT_FORMAT,
      formatVersion: REPORT_FORMAT_VERSION,
      title: options.title,
      selection: options.selectionLabel,
      generatedAt: options.generatedAt,
      generatedLabel:
        options.zoneOffsetMinutes === undefined
          ? timestampLabel(options.generatedAt)
          : zonedTimeLabel(options.generatedAt, options.zoneOffsetMinutes),
      counts: {
        visits: visits.length,
        byStatus,
        undated: visits.filter((v) => !v.start).length,
        meetings: visits.reduce((n, v) => n + v.meetings.length, 0),
        quotes: visits.reduce((n, v) => n + v.evidence.length + v.meetings.reduce((k, m) => k + m.quotes.length, 0), 0),
        notes: visits.reduce((n, v) => n + v.notes.length, 0),
        sources: this.footnotes.length,
      },
      summary: visits.map((v, i) => ({
        n: i + 1,
        visitId: v.id,
        traveller: v.traveller,
        destination: v.destination,
        dates: v.dates,
        status: v.status,
        kind: v.kindLabel,
      })),
      visits,
      context,
      footnotes: this.footnotes,
    };
  }
}

/** Builds the report of `input.visits` (all of them: select before). Pure and deterministic. */
export function buildReportModel(input: ReportInput, options: ReportOptions): ReportModel {
  const b = new ReportBuilder(input);
  return b.finish(
    b.ordered.map((v) => b.visit(v)),
    options,
  );
}

export interface ChunkedBuildOptions {
  /** Visits per chunk (default 100). */
  chunkSize?: number;
  /** Called after each chunk with (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** Gives the event loop a turn between chunks (the screen stays responsive). */
  pause: () => Promise<void>;
  signal?: AbortSignal;
}

/** Thrown when the signal aborts a chunked build. */
export class ReportCancelledError extends Error {
  constructor() {
    super('The report was cancelled');
    this.name = 'ReportCancelledError';
  }
}

/**
 * The same model as buildReportModel (deep-equal), built a chunk of visits at a time with a pause
 * between chunks, reporting progress and stopping when the signal aborts.
 */
export async function buildReportModelChunked(
  input: ReportInput,
  options: ReportOptions,
  chunked: ChunkedBuildOptions,
): Promise<ReportModel> {
  const size = Math.max(1, chunked.chunkSize ?? 100);
  const b = new ReportBuilder(input);
  const total = b.ordered.length;
  const out: ReportVisit[] = [];
  chunked.onProgress?.(0, total);
  for (let i = 0; i < total; i += size) {
    if (chunked.signal?.aborted) throw new ReportCancelledError();
    for (const v of b.ordered.slice(i, i + size)) out.push(b.visit(v));
    chunked.onProgress?.(out.length, total);
    await chunked.pause();
  }
  if (chunked.signal?.aborted) throw new ReportCancelledError();
  return b.finish(out, options);
}
