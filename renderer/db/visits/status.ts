import { redateStatusChange, visitSchema, type Visit } from '../../../shared/model';
import { NotFoundError, ValidationError } from '../errors';
import { clock, db } from '../instance';
import { assertIntegrity } from '../integrity';
import { pushUndo } from '../undo';
import { clockAfter, expectVersion, putBack } from '../version';

/**
 * Corrects the day of one entry of a visit's status history (when the plan was announced, when a
 * change took effect), keeping the history in date order. `version` is the `updatedAt` the page
 * showed: a visit changed since is refused with a ConflictError. Transactional; undoable.
 */
export async function redateVisitStatus(visitId: string, changeId: string, on: string, version: string): Promise<Visit> {
  let before: Visit | undefined;
  let after: Visit | undefined;
  await db.transaction('rw', [db.visits, db.people, db.sources], async () => {
    before = await db.visits.get(visitId);
    if (!before || before.deletedAt) throw new NotFoundError('Visit', visitId);
    expectVersion('Visit', before, version);
    const r = redateStatusChange(before, changeId, on, clockAfter(clock, before.updatedAt));
    if (!r.ok) throw new ValidationError(r.error, { on: r.error });
    const checked = visitSchema.safeParse(r.value);
    if (!checked.success) throw ValidationError.fromZod(checked.error, 'The date cannot be saved');
    after = checked.data;
    await assertIntegrity(db, [{ table: 'visits', record: after, before }]);
    await db.visits.put(after);
  });
  const prev = before!;
  const saved = after!;
  pushUndo({ label: 'Change the date of a status', revert: () => putBack(db.visits, 'Visit', prev, saved.updatedAt) });
  return saved;
}
