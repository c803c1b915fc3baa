import { eventSchema, type ContextEvent } from '../../../shared/model';
import { NotFoundError, ValidationError } from '../errors';
import { clock, db } from '../instance';
import { assertIntegrity } from '../integrity';
import { pushUndo } from '../undo';
import { expectVersion, nextVersion, putBack } from '../version';

/** What the context event form edits: everything but the record's own fields. */
export type EventDraft = Pick<ContextEvent, 'title' | 'date' | 'place' | 'description' | 'personIds' | 'sourceIds'>;

function check(e: ContextEvent): ContextEvent {
  const r = eventSchema.safeParse(e);
  if (!r.success) throw ValidationError.fromZod(r.error, 'The event cannot be saved');
  return r.data;
}

/** The stored event, or undefined when it does not exist or is deleted. */
export async function getEvent(id: string): Promise<ContextEvent | undefined> {
  const e = await db.events.get(id);
  return e && !e.deletedAt ? e : undefined;
}

/** The event as deleted now (a soft delete, stamped after its current version). */
function removed(e: ContextEvent): ContextEvent {
  const at = nextVersion(clock, e.updatedAt);
  return { ...e, deletedAt: at, updatedAt: at };
}

/**
 * Adds a context event. One read-write transaction with the integrity check (its people and
 * sources exist and are not deleted, its country is known). Undoable (the undo refuses once the
 * event was edited again elsewhere).
 */
export async function createEvent(draft: EventDraft): Promise<ContextEvent> {
  const now = clock.now();
  const event = check({ ...draft, id: clock.newId(), createdAt: now, updatedAt: now, deletedAt: null });
  await db.transaction('rw', [db.events, db.people, db.sources], async () => {
    await assertIntegrity(db, [{ table: 'events', record: event }]);
    await db.events.add(event);
  });
  pushUndo({ label: 'Add event', revert: () => putBack(db.events, 'Event', removed(event), event.updatedAt) });
  return event;
}

/**
 * Saves the form's edits. `version` is the `updatedAt` the form started from: an event changed
 * since (in another window) is not overwritten, a ConflictError carries it as stored now (see
 * version.ts). One read-write transaction, with the integrity check; undoable with a versioned undo.
 */
export async function updateEvent(id: string, draft: EventDraft, version: string): Promise<ContextEvent> {
  let before: ContextEvent | undefined;
  let after: ContextEvent | undefined;
  await db.transaction('rw', [db.events, db.people, db.sources], async () => {
    before = await db.events.get(id);
    if (!before || before.deletedAt) throw new NotFoundError('Event', id);
    expectVersion('Event', before, version);
    after = check({ ...before, ...draft, updatedAt: nextVersion(clock, before.updatedAt) });
    await assertIntegrity(db, [{ table: 'events', record: after, before }]);
    await db.events.put(after);
  });
  const prev = before!;
  const saved = after!;
  pushUndo({ label: 'Edit event', revert: () => putBack(db.events, 'Event', prev, saved.updatedAt) });
  return saved;
}

/** Soft-deletes an event. One read-write transaction; the undo puts it back as it was, unless it changed again since. */
export async function deleteEvent(id: string): Promise<void> {
  let before: ContextEvent | undefined;
  let after: ContextEvent | undefined;
  await db.transaction('rw', db.events, async () => {
    before = await db.events.get(id);
    if (!before || before.deletedAt) return;
    after = removed(before);
    await db.events.put(after);
  });
  if (!before || !after) throw new NotFoundError('Event', id);
  const prev = before;
  const deleted = after;
  pushUndo({ label: 'Delete event', revert: () => putBack(db.events, 'Event', prev, deleted.updatedAt) });
}
