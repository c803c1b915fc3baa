import { acceptProposal, proposalKey, reconcile, type ReconcileProposal } from '../../../shared/reconcile';
import { visitSchema, type Visit } from '../../../shared/model';
import { NotFoundError, ValidationError } from '../errors';
import { clock, db } from '../instance';
import { assertIntegrity } from '../integrity';
import { pushUndo } from '../undo';

const REJECTED_KEY = 'reconcile:rejected';

export interface ReconcileRow extends ReconcileProposal {
  planned: Visit;
  recorded: Visit;
  travellerName: string;
  /** The recorded visit's traveller as that record names them (another spelling, often). */
  recordedTravellerName: string;
}

async function rejectedKeys(): Promise<Set<string>> {
  const rec = await db.meta.get(REJECTED_KEY);
  return new Set(Array.isArray(rec?.value) ? (rec.value as string[]) : []);
}

/**
 * Proposed matches between planned/postponed visits and recorded ones, minus those the user
 * rejected. Reads only the visits that can take part (planned, postponed, completed, underway)
 * through the status index, and the people they name.
 */
export async function listReconcileProposals(): Promise<ReconcileRow[]> {
  return db.transaction('r', [db.visits, db.people, db.meta], async () => {
    const open = await db.visits.where('status').anyOf('planned', 'postponed').toArray();
    if (open.filter((v) => !v.deletedAt).length === 0) return [];
    const recorded = await db.visits.where('status').anyOf('completed', 'underway').toArray();
    const people = await db.people.toArray();
    const rejected = await rejectedKeys();
    const visits = [...open, ...recorded];
    const byId = new Map(visits.map((v) => [v.id, v]));
    const names = new Map(people.map((p) => [p.id, p.name]));
    return reconcile(visits, people)
      .filter((p) => !rejected.has(proposalKey(p)))
      .map((p) => {
        const planned = byId.get(p.plannedId)!;
        const recorded = byId.get(p.recordedId)!;
        return {
          ...p,
          planned,
          recorded,
          travellerName: names.get(planned.travellerId) ?? 'Unknown traveller',
          recordedTravellerName: names.get(recorded.travellerId) ?? 'Unknown traveller',
        };
      });
  });
}

/**
 * Accepts a proposal: the planned visit's history records how it ended, with the recorded visit's
 * dates and source; the recorded duplicate is soft-deleted. One transaction; undoable.
 */
export async function acceptReconcileProposal(proposal: ReconcileProposal): Promise<Visit> {
  let before: [Visit, Visit] | undefined;
  let after: Visit | undefined;
  await db.transaction('rw', [db.visits, db.people, db.sources], async () => {
    const [planned, recorded] = await db.visits.bulkGet([proposal.plannedId, proposal.recordedId]);
    if (!planned || planned.deletedAt) throw new NotFoundError('Visit', proposal.plannedId);
    if (!recorded || recorded.deletedAt) throw new NotFoundError('Visit', proposal.recordedId);
    const r = acceptProposal(planned, recorded, proposal, clock);
    if (!r.ok) throw new ValidationError(r.error);
    const checked = visitSchema.safeParse(r.planned);
    if (!checked.success) throw ValidationError.fromZod(checked.error, 'The reconciled visit cannot be saved');
    await assertIntegrity(db, [
      { table: 'visits', record: checked.data, before: planned },
      { table: 'visits', record: r.recorded, before: recorded },
    ]);
    await db.visits.bulkPut([checked.data, r.recorded]);
    before = [planned, recorded];
    after = checked.data;
  });
  const prev = before!;
  pushUndo({ label: 'Accept match', revert: async () => void (await db.visits.bulkPut(prev)) });
  return after!;
}

/** Rejects a proposal for good: it is not proposed again. Undoable. */
export async function rejectReconcileProposal(proposal: ReconcileProposal): Promise<void> {
  const key = proposalKey(proposal);
  await db.transaction('rw', db.meta, async () => {
    const keys = await rejectedKeys();
    keys.add(key);
    await db.meta.put({ key: REJECTED_KEY, value: [...keys] });
  });
  pushUndo({
    label: 'Reject match',
    revert: () =>
      db.transaction('rw', db.meta, async () => {
        const keys = await rejectedKeys();
        keys.delete(key);
        await db.meta.put({ key: REJECTED_KEY, value: [...keys] });
      }),
  });
}

/** A reconcile proposal for one plan, with the recorded visit it points at. */
export interface VisitSuggestion extends ReconcileProposal {
  recorded: Visit;
  recordedTravellerName: string;
}

/**
 * The reconcile proposals that match one planned or postponed visit (the rule of the Reconcile
 * screen, `shared/reconcile`), minus those the user rejected there. Reads only recorded visits to
 * the same host country, and the people (names decide whether two travellers are one person).
 */
export async function reconcileSuggestionsFor(visitId: string): Promise<VisitSuggestion[]> {
  return db.transaction('r', [db.visits, db.people, db.meta], async () => {
    const planned = await db.visits.get(visitId);
    if (!planned || planned.deletedAt || (planned.status !== 'planned' && planned.status !== 'postponed')) return [];
    const recorded = (await db.visits.where('place.country').equals(planned.place.country).toArray()).filter(
      (v) => !v.deletedAt && (v.status === 'completed' || v.status === 'underway'),
    );
    if (recorded.length === 0) return [];
    const people = await db.people.toArray();
    const rejected = await rejectedKeys();
    const byId = new Map(recorded.map((v) => [v.id, v]));
    const names = new Map(people.map((p) => [p.id, p.name]));
    return reconcile([planned, ...recorded], people)
      .filter((p) => p.plannedId === visitId && !rejected.has(proposalKey(p)))
      .map((p) => {
        const rec = byId.get(p.recordedId)!;
        return { ...p, recorded: rec, recordedTravellerName: names.get(rec.travellerId) ?? 'Unknown traveller' };
      });
  });
}
