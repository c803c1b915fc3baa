import {
  dayLabel,
  formatFuzzyDate,
  liveRecords,
  visitLabel,
  type ContextEvent,
  type Evidence,
  type Meeting,
  type Source,
  type Visit,
} from '../../../shared/model';
import { readTables } from '../../db';

/**
 * The Sources screens' read model: sources with their evidence counts, and each quote of a source
 * with the record it supports and the page to open for it. One transaction each (readTables).
 */

export interface SourceRow {
  source: Source;
  evidenceCount: number;
}

/** Sources, newest first, with how many evidence quotes each holds. */
export async function listSourceRows(): Promise<SourceRow[]> {
  return readTables(['sources', 'evidence'], async (t) => {
    const sources = liveRecords(await t.sources.orderBy('publishedOn').reverse().toArray());
    const counts = new Map<string, number>();
    for (const e of liveRecords(await t.evidence.toArray())) counts.set(e.sourceId, (counts.get(e.sourceId) ?? 0) + 1);
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
  return readTables(['evidence', 'visits', 'people', 'meetings', 'events'], async (t) => {
    const evidence = liveRecords(await t.evidence.where('sourceId').equals(sourceId).toArray()).sort(
      (a, b) => a.start - b.start || a.end - b.end,
    );
    const visits = liveRecords(await t.visits.toArray());
    const people = new Map(liveRecords(await t.people.toArray()).map((p) => [p.id, p]));
    const visitById = new Map(visits.map((v) => [v.id, v]));
    const visitByChange = new Map<string, Visit>();
    for (const v of visits) for (const c of v.statusHistory) visitByChange.set(c.id, v);
    const meetingIds = [...new Set(evidence.filter((e) => e.recordType === 'meeting').map((e) => e.recordId))];
    const eventIds = [...new Set(evidence.filter((e) => e.recordType === 'event').map((e) => e.recordId))];
    const meetings = new Map(liveRecords<Meeting>(await t.meetings.bulkGet(meetingIds)).map((m) => [m.id, m]));
    const events = new Map(liveRecords<ContextEvent>(await t.events.bulkGet(eventIds)).map((ev) => [ev.id, ev]));
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
