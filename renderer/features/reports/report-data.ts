import type { Evidence, Meeting, Note, Source, Visit } from '../../../shared/model';
import type { ReportInput, ReportSelection } from '../../../shared/reports';
import { countVisits, listVisits, readTables } from '../../db';

/**
 * The records a report of `selection` needs: the selected visits (the Visits list's own filter
 * rule, or one visit) and what they refer to — people, meetings, evidence, notes, the cited
 * sources — plus the context events. Read in ONE read transaction, so the report is a consistent
 * snapshot even while another window writes. Deleted records are left out.
 */
export async function loadReportInput(selection: ReportSelection): Promise<ReportInput> {
  return readTables(['visits', 'people', 'sources', 'evidence', 'meetings', 'notes', 'events'], async (db) => {
    let visits: Visit[];
    if (selection.visitId) {
      const v = await db.visits.get(selection.visitId);
      visits = v && !v.deletedAt ? [v] : [];
    } else {
      visits = await listVisits(selection, { field: 'start', dir: 'asc' });
    }
    const visitIds = visits.map((v) => v.id);
    const [people, meetingsRaw, notesRaw, eventsRaw] = await Promise.all([
      db.people.toArray(),
      visitIds.length ? db.meetings.where('visitId').anyOf(visitIds).toArray() : Promise.resolve([] as Meeting[]),
      visitIds.length
        ? db.notes
            .where('targetKey')
            .anyOf(visitIds.map((id) => `visit:${id}`))
            .toArray()
        : Promise.resolve([] as Note[]),
      db.events.toArray(),
    ]);
    const meetings = meetingsRaw.filter((m) => !m.deletedAt);
    const recordIds = [...visitIds, ...visits.flatMap((v) => v.statusHistory.map((c) => c.id)), ...meetings.map((m) => m.id)];
    const evidence = recordIds.length
      ? (await db.evidence.where('recordId').anyOf(recordIds).toArray()).filter((e) => !e.deletedAt)
      : ([] as Evidence[]);
    const events = eventsRaw.filter((e) => !e.deletedAt);
    const sourceIds = new Set<string>();
    for (const v of visits) {
      v.sourceIds.forEach((id) => sourceIds.add(id));
      v.statusHistory.forEach((c) => c.sourceId && sourceIds.add(c.sourceId));
    }
    evidence.forEach((e) => sourceIds.add(e.sourceId));
    meetings.forEach((m) => m.quotes.forEach((q) => q.sourceId && sourceIds.add(q.sourceId)));
    events.forEach((e) => e.sourceIds.forEach((id) => sourceIds.add(id)));
    const sources = (await db.sources.bulkGet([...sourceIds])).filter((s): s is Source => !!s && !s.deletedAt);
    return {
      visits,
      people,
      sources,
      evidence,
      meetings,
      notes: notesRaw.filter((n) => !n.deletedAt),
      events,
    };
  });
}

/** How many visits a selection covers (for the Reports screen's preview, without loading their records). */
export async function countReportVisits(selection: ReportSelection): Promise<number> {
  const { visitId } = selection;
  if (visitId) {
    const v = await readTables(['visits'], (db) => db.visits.get(visitId));
    return v && !v.deletedAt ? 1 : 0;
  }
  return countVisits({ filter: selection, sort: { field: 'start', dir: 'desc' } });
}

/**
 * What the dossier of one visit needs (shared/reports/dossier.ts): the visit, its meetings, notes
 * and cited sources, every person, and the visits that may be earlier ones either way: those to the
 * visit's country (the traveller's earlier visits there) and those to the traveller's own country
 * (visits the other way). One read transaction, deleted records left out; null when the visit is
 * not there.
 */
export async function loadDossierInput(visitId: string): Promise<ReportInput | null> {
  return readTables(['visits', 'people', 'sources', 'meetings', 'notes'], async (db) => {
    const visit = await db.visits.get(visitId);
    if (!visit || visit.deletedAt) return null;
    const traveller = await db.people.get(visit.travellerId);
    const countries = [...new Set([visit.place.country, traveller?.country ?? visit.place.country])];
    const [people, related, meetingsRaw, notesRaw] = await Promise.all([
      db.people.toArray(),
      db.visits.where('place.country').anyOf(countries).toArray(),
      db.meetings.where('visitId').equals(visitId).toArray(),
      db.notes.where('targetKey').equals(`visit:${visitId}`).toArray(),
    ]);
    const visits = [visit, ...related.filter((v) => v.id !== visitId && !v.deletedAt)];
    const meetings = meetingsRaw.filter((m) => !m.deletedAt);
    const sourceIds = new Set<string>();
    for (const v of visits) {
      v.sourceIds.forEach((id) => sourceIds.add(id));
      v.statusHistory.forEach((c) => c.sourceId && sourceIds.add(c.sourceId));
    }
    meetings.forEach((m) => m.quotes.forEach((q) => q.sourceId && sourceIds.add(q.sourceId)));
    const sources = (await db.sources.bulkGet([...sourceIds])).filter((s): s is Source => !!s && !s.deletedAt);
    return {
      visits,
      people: people.filter((p) => !p.deletedAt),
      sources,
      evidence: [],
      meetings,
      notes: notesRaw.filter((n) => !n.deletedAt),
      events: [],
    };
  });
}
