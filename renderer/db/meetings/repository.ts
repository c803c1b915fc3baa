import { meetingSchema, type Meeting } from '../../../shared/model';
import { NotFoundError, ValidationError } from '../errors';
import { clock, db } from '../instance';
import { assertIntegrity } from '../integrity';
import { pushUndo } from '../undo';
import { expectVersion, nextVersion, putBack } from '../version';

/** What the meeting form edits. Quotes are not in it: they come from sources and stay as they are. */
export type MeetingDraft = Pick<Meeting, 'participantIds' | 'place' | 'date' | 'summary'>;

function check(m: Meeting): Meeting {
  const r = meetingSchema.safeParse(m);
  if (!r.success) throw ValidationError.fromZod(r.error, 'The meeting cannot be saved');
  return r.data;
}

/** The stored meeting, or undefined when it does not exist or is deleted. */
export async function getMeeting(id: string): Promise<Meeting | undefined> {
  const m = await db.meetings.get(id);
  return m && !m.deletedAt ? m : undefined;
}

/**
 * Adds a meeting to a visit. One read-write transaction, in which the integrity check reads the
 * visit and the participants (a visit or person deleted in another window is refused); undoable.
 */
export async function createMeeting(visitId: string, draft: MeetingDraft): Promise<Meeting> {
  const now = clock.now();
  const meeting = check({ ...draft, visitId, quotes: [], id: clock.newId(), createdAt: now, updatedAt: now, deletedAt: null });
  await db.transaction('rw', [db.meetings, db.visits, db.people, db.sources], async () => {
    // The visit the dialog adds to may have been deleted in another window meanwhile.
    const visit = await db.visits.get(visitId);
    if (!visit || visit.deletedAt) throw new NotFoundError('Visit', visitId);
    await assertIntegrity(db, [{ table: 'meetings', record: meeting }]);
    await db.meetings.add(meeting);
  });
  pushUndo({ label: 'Add meeting', revert: () => putBack(db.meetings, 'Meeting', removed(meeting), meeting.updatedAt) });
  return meeting;
}

/** The meeting as deleted now (a soft delete, stamped after its current version). */
function removed(m: Meeting): Meeting {
  const at = nextVersion(clock, m.updatedAt);
  return { ...m, deletedAt: at, updatedAt: at };
}

/**
 * Saves the form's edits. `version` is the `updatedAt` the form started from: a meeting changed
 * since (in another window) is not overwritten, a ConflictError carries it as stored now (see
 * version.ts). One read-write transaction, with the integrity check; undoable with a versioned undo.
 */
export async function updateMeeting(id: string, draft: MeetingDraft, version: string): Promise<Meeting> {
  let before: Meeting | undefined;
  let after: Meeting | undefined;
  await db.transaction('rw', [db.meetings, db.visits, db.people, db.sources], async () => {
    before = await db.meetings.get(id);
    if (!before || before.deletedAt) throw new NotFoundError('Meeting', id);
    expectVersion('Meeting', before, version);
    after = check({ ...before, ...draft, updatedAt: nextVersion(clock, before.updatedAt) });
    await assertIntegrity(db, [{ table: 'meetings', record: after, before }]);
    await db.meetings.put(after);
  });
  const prev = before!;
  const saved = after!;
  pushUndo({ label: 'Edit meeting', revert: () => putBack(db.meetings, 'Meeting', prev, saved.updatedAt) });
  return saved;
}

/**
 * Soft-deletes a meeting (its quotes' evidence stays, as for a deleted visit). One read-write
 * transaction; the undo puts it back as it was, unless it changed again since.
 */
export async function deleteMeeting(id: string): Promise<void> {
  let before: Meeting | undefined;
  let after: Meeting | undefined;
  await db.transaction('rw', db.meetings, async () => {
    before = await db.meetings.get(id);
    if (!before || before.deletedAt) return;
    after = removed(before);
    await db.meetings.put(after);
  });
  if (!before || !after) throw new NotFoundError('Meeting', id);
  const prev = before;
  const deleted = after;
  pushUndo({ label: 'Delete meeting', revert: () => putBack(db.meetings, 'Meeting', prev, deleted.updatedAt) });
}
