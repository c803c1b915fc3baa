import {
  dayLabel,
  formatFuzzyDate,
  visitLabel,
  type ContextEvent,
  type Evidence,
  type Meeting,
  type Note,
  type NoteTarget,
  type Person,
  type Source,
  type Visit,
} from '../../shared/model';
import { nameSkeleton } from '../../shared/people/names';
import { countryName } from '../../shared/places';
import { foldForMatch } from '../../shared/text/fold';
import { db } from './instance';

/**
 * Read models for the People, Sources and Notes screens: records joined with the names a reader
 * needs (who travelled where, what a note is attached to, what a quoted span supports). Each
 * reads in one transaction, so what a screen shows is one consistent snapshot.
 */

function live<T extends { deletedAt: string | null }>(rows: (T | undefined)[]): T[] {
  return rows.filter((r): r is T => !!r && !r.deletedAt);
}

/** A country's name from its code; the code itself when the gazetteer does not know it. */
export function countryLabel(code: string | null | undefined): string {
  if (!code) return '';
  return countryName(code) || code;
}

export interface VisitSummary {
  visit: Visit;
  label: string;
}

/** Every live visit with its label, newest first. */
export async function listVisitSummaries(): Promise<VisitSummary[]> {
  return db.transaction('r', [db.visits, db.people], async () => {
    const visits = live(await db.visits.toArray());
    const people = new Map((await db.people.toArray()).map((p) => [p.id, p]));
    return visits
      .sort((a, b) => (a.startKey < b.startKey ? 1 : a.startKey > b.startKey ? -1 : 0))
      .map((visit) => ({ visit, label: visitLabel(visit, people.get(visit.travellerId)?.name) }));
  });
}

export interface PersonRow {
  person: Person;
  /** Live visits in which the person travels or hosts. */
  visitCount: number;
}

/**
 * Spellings differ (Kadhemi / Kadhimi): besides substring matches of name and aliases, a query
 * matches a name when it differs from one of its words only by the vowels (or a doubled letter).
 */
function matchesPerson(p: Person, query: string): boolean {
  const q = foldForMatch(query);
  if (!q) return true;
  const names = [p.name, ...p.aliases].map(foldForMatch);
  if (names.some((n) => n.includes(q))) return true;
  const qs = nameSkeleton(q);
  return qs.length >= 3 && names.some((n) => n.split(/[\s-]+/).some((w) => nameSkeleton(w) === qs));
}

/** People (optionally matching a name or alias) with how many visits each is part of. */
export async function listPeopleRows(query = ''): Promise<PersonRow[]> {
  return db.transaction('r', [db.people, db.visits], async () => {
    const people = live(await db.people.orderBy('name').toArray()).filter((p) => matchesPerson(p, query));
    const counts = new Map<string, number>();
    for (const v of live(await db.visits.toArray())) {
      for (const id of new Set([v.travellerId, ...v.delegationIds, ...v.hostIds])) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return people.map((person) => ({ person, visitCount: counts.get(person.id) ?? 0 }));
  });
}

export interface PersonDetail {
  person: Person;
  asTraveller: VisitSummary[];
  asHost: VisitSummary[];
  notes: Note[];
}

/** What a person's page shows, or null when there is no such (live) person. */
export async function getPersonDetail(id: string): Promise<PersonDetail | null> {
  return db.transaction('r', [db.people, db.visits, db.notes], async () => {
    const person = await db.people.get(id);
    if (!person || person.deletedAt) return null;
    const [travelling, hosting, notes] = await Promise.all([
      db.visits.where('travellerId').equals(id).toArray(),
      db.visits.where('hostIds').equals(id).toArray(),
      db.notes.where('targetKey').equals(`person:${id}`).toArray(),
    ]);
    const all = [...travelling, ...hosting];
    const names = new Map(live(await db.people.bulkGet([...new Set(all.map((v) => v.travellerId))])).map((p) => [p.id, p.name]));
    const summarise = (vs: Visit[]) =>
      live(vs)
        .sort((a, b) => (a.startKey < b.startKey ? 1 : a.startKey > b.startKey ? -1 : 0))
        .map((visit) => ({ visit, label: visitLabel(visit, names.get(visit.travellerId)) }));
    return {
      person,
      asTraveller: summarise(travelling),
      asHost: summarise(hosting.filter((v) => v.travellerId !== id)),
      notes: live(notes).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1)),
    };
  });
}

export interface SourceRow {
  source: Source;
  evidenceCount: number;
}

/** Sources, newest first, with how many evidence quotes each holds. */
export async function listSourceRows(): Promise<SourceRow[]> {
  return db.transaction('r', [db.sources, db.evidence], async () => {
    const sources = live(await db.sources.orderBy('publishedOn').reverse().toArray());
    const counts = new Map<string, number>();
    for (const e of live(await db.evidence.toArray())) counts.set(e.sourceId, (counts.get(e.sourceId) ?? 0) + 1);
    return sources.map((source) => ({ source, evidenceCount: counts.get(source.id) ?? 0 }));
  });
}

export interface EvidenceLink {
  evidence: Evidence;
  /** "visit · status": which kind of record and which field the quote supports. */
  kind: string;
  /** The record in words, e.g. "Mustafa al-Kadhemi → Saudi Arabia, date unknown". */
  recordLabel: string;
  /** Where following the quote goes (an app route), or null when the record has no page of its own. */
  route: string | null;
}

const TYPE_LABEL: Record<Evidence['recordType'], string> = {
  visit: 'visit',
  statusChange: 'status change',
  person: 'person',
  meeting: 'meeting',
  event: 'event',
};

/**
 * The evidence quoted from a source, in reading order, each with the record it supports and the
 * page to open for it (a status change or a meeting opens its visit; an event has no page yet).
 */
export async function evidenceLinksForSource(sourceId: string): Promise<EvidenceLink[]> {
  return db.transaction('r', [db.evidence, db.visits, db.people, db.meetings, db.events], async () => {
    const evidence = live(await db.evidence.where('sourceId').equals(sourceId).toArray()).sort(
      (a, b) => a.start - b.start || a.end - b.end,
    );
    const visits = live(await db.visits.toArray());
    const people = new Map(live(await db.people.toArray()).map((p) => [p.id, p]));
    const visitById = new Map(visits.map((v) => [v.id, v]));
    const visitByChange = new Map<string, Visit>();
    for (const v of visits) for (const c of v.statusHistory) visitByChange.set(c.id, v);
    const meetingIds = [...new Set(evidence.filter((e) => e.recordType === 'meeting').map((e) => e.recordId))];
    const eventIds = [...new Set(evidence.filter((e) => e.recordType === 'event').map((e) => e.recordId))];
    const meetings = new Map(live<Meeting>(await db.meetings.bulkGet(meetingIds)).map((m) => [m.id, m]));
    const events = new Map(live<ContextEvent>(await db.events.bulkGet(eventIds)).map((ev) => [ev.id, ev]));
    const ofVisit = (v: Visit | undefined) =>
      v ? { recordLabel: visitLabel(v, people.get(v.travellerId)?.name), route: `/visits/${v.id}` } : null;
    return evidence.map((e): EvidenceLink => {
      const kind = `${TYPE_LABEL[e.recordType]} · ${e.field}`;
      const gone = { evidence: e, kind, recordLabel: 'a record that no longer exists', route: null };
      switch (e.recordType) {
        case 'visit': {
          const t = ofVisit(visitById.get(e.recordId));
          return t ? { evidence: e, kind, ...t } : gone;
        }
        case 'statusChange': {
          const v = visitByChange.get(e.recordId);
          const change = v?.statusHistory.find((c) => c.id === e.recordId);
          const t = ofVisit(v);
          return t
            ? {
                evidence: e,
                kind,
                recordLabel: `${t.recordLabel}: ${change?.status ?? 'status'} on ${change ? dayLabel(change.on) : '?'}`,
                route: t.route,
              }
            : gone;
        }
        case 'person': {
          const p = people.get(e.recordId);
          return p ? { evidence: e, kind, recordLabel: p.name, route: `/people/${p.id}` } : gone;
        }
        case 'meeting': {
          const m = meetings.get(e.recordId);
          if (!m) return gone;
          const who = m.participantIds.map((id) => people.get(id)?.name ?? 'someone').join(' and ');
          const t = ofVisit(m.visitId ? visitById.get(m.visitId) : undefined);
          return { evidence: e, kind, recordLabel: `meeting of ${who}`, route: t?.route ?? null };
        }
        case 'event': {
          const ev = events.get(e.recordId);
          return ev ? { evidence: e, kind, recordLabel: `${ev.title} (${formatFuzzyDate(ev.date)})`, route: null } : gone;
        }
      }
    });
  });
}

export interface NoteRow {
  note: Note;
  /** What the note is attached to, in words; null for a free-standing note. */
  attachedTo: { label: string; route: string } | null;
}

function targetLabel(target: NoteTarget, people: Map<string, Person>, visits: Map<string, Visit>): NoteRow['attachedTo'] {
  if (!target) return null;
  if (target.type === 'person') {
    const p = people.get(target.id);
    return { label: p ? p.name : 'a deleted person', route: `/people/${target.id}` };
  }
  const v = visits.get(target.id);
  return { label: v ? `Visit: ${visitLabel(v, people.get(v.travellerId)?.name)}` : 'a deleted visit', route: `/visits/${target.id}` };
}

/** Notes, last edited first, with what each is attached to. */
export async function listNoteRows(): Promise<NoteRow[]> {
  return db.transaction('r', [db.notes, db.people, db.visits], async () => {
    const notes = live(await db.notes.orderBy('updatedAt').reverse().toArray());
    const people = new Map((await db.people.toArray()).map((p) => [p.id, p]));
    const visits = new Map((await db.visits.toArray()).map((v) => [v.id, v]));
    return notes.map((note) => ({ note, attachedTo: targetLabel(note.target, people, visits) }));
  });
}
