import {
  KIND_LABELS,
  STATUS_LABELS,
  dayLabel,
  formatFuzzyDate,
  formatVisitDates,
  isOverdue,
  lastPossibleDay,
  noteTitle,
  placeLabel,
  visitTitle,
  zonedTimeLabel,
} from '../model';
import type { Person, Role, Visit, VisitStatus } from '../model';
import { samePerson } from '../people/names';
import { countryName } from '../places';
import { Citations, changeLabel, compareVisits, type ReportFootnote, type ReportInput } from './model';

/**
 * The visit dossier: one visit on one page, what a head of mission reads before a meeting. Who
 * travels and who hosts, the dates, the status history in date order, the meetings and who was met,
 * the traveller's earlier visits to the same country and the visits the other way (people of the
 * host country to the traveller's country), the notes, and the sources as numbered endnotes.
 *
 * Built from the annex's input (ReportInput, holding the visit and whatever other visits the
 * database has: the earlier ones are found here) and the product's wording; pure: the caller passes
 * the time of generation, the reader's zone and the day it is read on.
 */
export const DOSSIER_FORMAT = 'legation-dossier';
export const DOSSIER_FORMAT_VERSION = 1;

/** Earlier visits listed per direction; older ones are counted, so a long record still fits a page. */
export const DOSSIER_PREVIOUS_LIMIT = 8;

export interface DossierOptions {
  /** The visit the dossier is about. */
  visitId: string;
  /** The cover's title; "Visit dossier" by default. */
  title?: string | undefined;
  /** ISO timestamp of generation (never read from a clock here). */
  generatedAt: string;
  /** The reader's zone at generatedAt, minutes east of UTC. */
  zoneOffsetMinutes: number;
  /** The reader's today (YYYY-MM-DD): tells whether a plan is overdue, and what is earlier than an undated visit. */
  asOf: string;
  /** Earlier visits listed per direction (default DOSSIER_PREVIOUS_LIMIT). */
  limit?: number;
}

/** One line of the cover: "Traveller: Mustafa al-Kadhemi, Prime Minister of Iraq". */
export interface DossierFact {
  label: string;
  value: string;
  footnotes: number[];
}

export interface DossierHistoryEntry {
  on: string;
  onLabel: string;
  /** "Planned", "Postponed", "Rescheduled"… */
  label: string;
  status: VisitStatus;
  reason: string;
  /** The visit's dates as this change set them, in words; null when it set none. */
  dates: string | null;
  footnotes: number[];
}

export interface DossierPerson {
  name: string;
  /** Their role when the visit took place, in words; null when none is recorded. */
  role: string | null;
}

export interface DossierMeeting {
  date: string | null;
  place: string | null;
  participants: string[];
  summary: string;
  quotes: { speaker: string | null; text: string; footnotes: number[] }[];
}

/** An earlier visit in one line: "12 March 2019 · Donald Trump → Iraq · Completed · Working visit [3]". */
export interface DossierPastVisit {
  visitId: string;
  dates: string;
  title: string;
  statusLabel: string;
  /** Kind and purpose, shortened; '' when neither is known. */
  detail: string;
  footnotes: number[];
}

export interface DossierPastSection {
  heading: string;
  /** Why the list is empty, or what it holds, in a sentence. */
  empty: string;
  items: DossierPastVisit[];
  /** Older visits left out beyond the limit. */
  more: number;
}

export interface DossierNote {
  title: string;
  updatedLabel: string;
  /** The note's Markdown source, as written; renderers show it as text. */
  text: string;
}

export interface DossierModel {
  format: typeof DOSSIER_FORMAT;
  formatVersion: number;
  title: string;
  visitId: string;
  /** "Mustafa al-Kadhemi → Iran, Tehran" */
  visitTitle: string;
  generatedAt: string;
  /** "7 December 2026, 14:09 (UTC+01:00)" */
  generatedLabel: string;
  facts: DossierFact[];
  history: DossierHistoryEntry[];
  counterparts: DossierPerson[];
  meetings: DossierMeeting[];
  previous: DossierPastSection;
  otherWay: DossierPastSection;
  notes: DossierNote[];
  footnotes: ReportFootnote[];
}

/** Thrown when the dossier's visit is not in the input (deleted, or a wrong id). */
export class DossierVisitMissingError extends Error {
  constructor(readonly visitId: string) {
    super(`No visit with the id ${visitId}: it may have been deleted`);
    this.name = 'DossierVisitMissingError';
  }
}

/** First and last day a role's partial date ("2020", "2020-05", "2020-05-07") can mean. */
function roleSpan(r: Role): { from: string; to: string } {
  const start = (d: string) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
  const end = (d: string) => (d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d);
  return { from: r.from ? start(r.from) : '0000-01-01', to: r.to ? end(r.to) : '9999-12-31' };
}

/** The person's role on a day ("Prime Minister of Iraq"); the latest role when the day is unknown. */
function roleOn(p: Person | undefined, day: string | null): string | null {
  if (!p || p.roles.length === 0) return null;
  const held = day ? p.roles.filter((r) => roleSpan(r).from <= day && day <= roleSpan(r).to) : [];
  const pick = (held.length ? held : day ? [] : p.roles)
    .slice()
    .sort((a, b) => (roleSpan(a).from < roleSpan(b).from ? 1 : roleSpan(a).from > roleSpan(b).from ? -1 : 0))[0];
  return pick?.title ?? null;
}

const withRole = (d: DossierPerson) => (d.role ? `${d.name} (${d.role})` : d.name);

/** A purpose long enough to recognise, short enough for one line. */
function shorten(text: string, max = 140): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** Builds the dossier of one visit from everything the input holds. Pure and deterministic. */
export function buildDossierModel(input: ReportInput, options: DossierOptions): DossierModel {
  const visit = input.visits.find((v) => v.id === options.visitId && !v.deletedAt);
  if (!visit) throw new DossierVisitMissingError(options.visitId);
  const limit = Math.max(1, options.limit ?? DOSSIER_PREVIOUS_LIMIT);
  const people = new Map<string, Person>();
  for (const p of input.people) if (!p.deletedAt) people.set(p.id, p);
  const name = (id: string) => people.get(id)?.name ?? 'Unknown person';
  const traveller = people.get(visit.travellerId);
  const day = visit.start?.from ?? null;
  const citations = new Citations(input.sources);
  const cite = (ids: readonly (string | null)[]): number[] => [
    ...new Set(ids.map((id) => citations.cite(id)).filter((n): n is number => n !== null)),
  ];

  // The cover. Sources are numbered in reading order: the visit's own, the history, meetings, earlier visits.
  const title = visitTitle(traveller, visit.place);
  const travellerRole = roleOn(traveller, day);
  const hosts: DossierPerson[] = visit.hostIds.map((id) => ({ name: name(id), role: roleOn(people.get(id), day) }));
  const facts: DossierFact[] = [
    {
      label: 'Traveller',
      value: `${traveller?.name ?? 'Unknown traveller'}${travellerRole ? `, ${travellerRole}` : ''}`,
      footnotes: [],
    },
  ];
  if (visit.delegationIds.length) facts.push({ label: 'Delegation', value: visit.delegationIds.map(name).join(', '), footnotes: [] });
  facts.push({ label: 'Destination', value: placeLabel(visit.place), footnotes: [] });
  if (hosts.length) facts.push({ label: 'Hosts', value: hosts.map(withRole).join('; '), footnotes: [] });
  facts.push({ label: 'Dates', value: formatVisitDates(visit.start, visit.end), footnotes: [] });
  const overdue = isOverdue(visit, options.asOf);
  facts.push({
    label: 'Status',
    value: overdue
      ? `${STATUS_LABELS[visit.status]}, overdue: its dates passed on ${dayLabel(lastPossibleDay(visit) ?? '')} with no record of what happened`
      : STATUS_LABELS[visit.status],
    footnotes: [],
  });
  if (visit.kind !== 'unknown') facts.push({ label: 'Kind', value: KIND_LABELS[visit.kind], footnotes: [] });
  if (visit.purpose.trim()) facts.push({ label: 'Purpose', value: visit.purpose.trim(), footnotes: [] });
  const own = cite(visit.sourceIds);
  if (own.length) facts.push({ label: 'Sources', value: '', footnotes: own });

  // Status history in the order things happened in the world; same day, the order recorded.
  const history: DossierHistoryEntry[] = visit.statusHistory
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (a.c.on !== b.c.on ? (a.c.on < b.c.on ? -1 : 1) : a.i - b.i))
    .map(({ c }) => ({
      on: c.on,
      onLabel: dayLabel(c.on),
      label: changeLabel(c),
      status: c.status,
      reason: c.reason,
      dates: c.start || c.end ? formatVisitDates(c.start, c.end) : null,
      footnotes: cite([c.sourceId]),
    }));

  const meetingsRaw = input.meetings
    .filter((m) => !m.deletedAt && m.visitId === visit.id)
    .sort((a, b) => {
      const ka = a.date?.from ?? '';
      const kb = b.date?.from ?? '';
      return ka !== kb ? (ka < kb ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    });
  const meetings: DossierMeeting[] = meetingsRaw.map((m) => ({
    date: m.date ? formatFuzzyDate(m.date) : null,
    place: m.place ? placeLabel(m.place) : null,
    participants: m.participantIds.map(name),
    summary: m.summary,
    quotes: m.quotes.map((q) => ({ speaker: q.personId ? name(q.personId) : null, text: q.text, footnotes: cite([q.sourceId]) })),
  }));

  // Counterparts: the hosts, then everyone met who is not of the travelling party, each once.
  const party = new Set([visit.travellerId, ...visit.delegationIds]);
  const counterpartIds: string[] = [];
  for (const id of [...visit.hostIds, ...meetingsRaw.flatMap((m) => m.participantIds)]) {
    if (!party.has(id) && !counterpartIds.includes(id)) counterpartIds.push(id);
  }
  const counterparts = counterpartIds.map((id) => ({ name: name(id), role: roleOn(people.get(id), day) }));

  // Earlier visits: before this visit's first day; for an undated visit, up to the reader's today.
  const before = day ?? options.asOf;
  const earlier = (v: Visit) =>
    v.id !== visit.id && !v.deletedAt && v.start !== null && (day ? v.start.from < before : v.start.from <= before);
  const newestFirst = (a: Visit, b: Visit) => -compareVisits(a, b);
  const pastLine = (v: Visit): DossierPastVisit => ({
    visitId: v.id,
    dates: formatVisitDates(v.start, v.end),
    title: visitTitle(people.get(v.travellerId), v.place),
    statusLabel: STATUS_LABELS[v.status],
    detail: [v.kind === 'unknown' ? '' : KIND_LABELS[v.kind], shorten(v.purpose)].filter(Boolean).join(' · '),
    footnotes: cite(v.sourceIds.slice(0, 1)),
  });
  const section = (heading: string, empty: string, list: Visit[]): DossierPastSection => {
    const sorted = list.sort(newestFirst);
    return { heading, empty, items: sorted.slice(0, limit).map(pastLine), more: Math.max(0, sorted.length - limit) };
  };

  // The traveller under any spelling the database holds (a record of the Office of the Historian
  // may name them differently), of the same country when both say.
  const isTraveller = (p: Person | undefined): boolean =>
    !!p &&
    !!traveller &&
    (p.id === traveller.id || (samePerson(traveller, p) && (!p.country || !traveller.country || p.country === traveller.country)));
  const host = countryName(visit.place.country);
  const travellerName = traveller?.name ?? 'the traveller';
  const previous = section(
    `${travellerName}’s earlier visits to ${host}`,
    `None recorded before this visit.`,
    input.visits.filter((v) => earlier(v) && v.place.country === visit.place.country && isTraveller(people.get(v.travellerId))),
  );

  const home = traveller?.country ?? null;
  const otherWay =
    home && home !== visit.place.country
      ? section(
          `Earlier visits from ${host} to ${countryName(home)}`,
          `None recorded: no visit to ${countryName(home)} by a person of ${host} before this one.`,
          input.visits.filter((v) => earlier(v) && v.place.country === home && people.get(v.travellerId)?.country === visit.place.country),
        )
      : {
          heading: `Earlier visits the other way`,
          empty: home
            ? `${travellerName} is of ${host}: there is no other way.`
            : `${travellerName}’s country is not recorded, so visits the other way cannot be found.`,
          items: [],
          more: 0,
        };

  const notes: DossierNote[] = input.notes
    .filter((n) => !n.deletedAt && n.target?.type === 'visit' && n.target.id === visit.id)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1))
    .map((n) => ({ title: noteTitle(n.body), updatedLabel: dayLabel(n.updatedAt.slice(0, 10)), text: n.body }));

  return {
    format: DOSSIER_FORMAT,
    formatVersion: DOSSIER_FORMAT_VERSION,
    title: options.title?.trim() || 'Visit dossier',
    visitId: visit.id,
    visitTitle: title,
    generatedAt: options.generatedAt,
    generatedLabel: zonedTimeLabel(options.generatedAt, options.zoneOffsetMinutes),
    facts,
    history,
    counterparts,
    meetings,
    previous,
    otherWay,
    notes,
    footnotes: citations.footnotes,
  };
}

/** "Mustafa al-Kadhemi (Prime Minister of Iraq)": a person with their role, for every renderer. */
export const dossierPersonLabel = withRole;

/** "3 earlier visits, not listed here." for a cut section; '' when nothing was cut. */
export function dossierMoreLine(more: number): string {
  return more > 0 ? `${more} earlier visit${more === 1 ? '' : 's'}, not listed here.` : '';
}

/** "visit-dossier-mustafa-al-kadhemi-iran-tehran": the start of a file name that says which visit. */
export function dossierFileSlug(m: Pick<DossierModel, 'visitTitle'>): string {
  const words = m.visitTitle
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return words ? `visit-dossier-${words}` : 'visit-dossier';
}
