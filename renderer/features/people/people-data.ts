import { liveRecords, visitLabel, type Note, type Person, type Visit } from '../../../shared/model';
import { nameSkeleton } from '../../../shared/people/names';
import { foldForMatch } from '../../../shared/text/fold';
import { readTables, type VisitSummary } from '../../db';

/**
 * The People screens' read model: people with how many visits each is part of, and what a
 * person's page shows. Each reads in one transaction (readTables), one consistent snapshot.
 */

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
  return readTables(['people', 'visits'], async (t) => {
    const people = liveRecords(await t.people.orderBy('name').toArray()).filter((p) => matchesPerson(p, query));
    const counts = new Map<string, number>();
    for (const v of liveRecords(await t.visits.toArray())) {
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
  return readTables(['people', 'visits', 'notes'], async (t) => {
    const person = await t.people.get(id);
    if (!person || person.deletedAt) return null;
    const [travelling, hosting, notes] = await Promise.all([
      t.visits.where('travellerId').equals(id).toArray(),
      t.visits.where('hostIds').equals(id).toArray(),
      t.notes.where('targetKey').equals(`person:${id}`).toArray(),
    ]);
    const all = [...travelling, ...hosting];
    const names = new Map(liveRecords(await t.people.bulkGet([...new Set(all.map((v) => v.travellerId))])).map((p) => [p.id, p.name]));
    const summarise = (vs: Visit[]) =>
      liveRecords(vs)
        .sort((a, b) => (a.startKey < b.startKey ? 1 : a.startKey > b.startKey ? -1 : 0))
        .map((visit) => ({ visit, label: visitLabel(visit, names.get(visit.travellerId)) }));
    return {
      person,
      asTraveller: summarise(travelling),
      asHost: summarise(hosting.filter((v) => v.travellerId !== id)),
      notes: liveRecords(notes).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1)),
    };
  });
}
