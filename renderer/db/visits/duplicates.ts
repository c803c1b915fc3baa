import { visitLabel, type Visit } from '../../../shared/model';
import { duplicatesOf, type DuplicateKey } from '../../../shared/model/duplicates';
import { db } from '../instance';

export interface DuplicateVisit {
  visit: Visit;
  /** "Traveller → Country (City), dates", as lists name a visit. */
  label: string;
}

/**
 * For each candidate (a visit about to be saved, a proposal of an import), the live visits it
 * probably duplicates (shared/model/duplicates.ts). One read of the candidates' travellers' visits
 * through the travellerId index, whatever the size of the database. Read-only.
 */
export async function findDuplicateVisits(candidates: readonly DuplicateKey[]): Promise<DuplicateVisit[][]> {
  const travellers = [...new Set(candidates.map((c) => c.travellerId).filter((id) => id !== ''))];
  if (travellers.length === 0) return candidates.map(() => []);
  return db.transaction('r', [db.visits, db.people], async () => {
    const visits = (await db.visits.where('travellerId').anyOf(travellers).toArray()).filter((v) => !v.deletedAt);
    const people = await db.people.bulkGet(travellers);
    const names = new Map(people.flatMap((p) => (p && !p.deletedAt ? [[p.id, p.name] as const] : [])));
    return candidates.map((c) =>
      duplicatesOf(c, visits)
        .sort((a, b) => (a.startKey < b.startKey ? -1 : a.startKey > b.startKey ? 1 : 0))
        .map((visit) => ({ visit, label: visitLabel(visit, names.get(visit.travellerId)) })),
    );
  });
}
