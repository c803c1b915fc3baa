import { noteSchema, noteTargetKey, type Note, type NoteTarget } from '../../../shared/model';
import { NotFoundError, ValidationError } from '../errors';
import { clock, db } from '../instance';
import { assertIntegrity } from '../integrity';
import { pushUndo } from '../undo';
import { expectVersion, nextVersion } from '../version';

export async function listNotes(): Promise<Note[]> {
  const all = await db.notes.orderBy('updatedAt').reverse().toArray();
  return all.filter((n) => !n.deletedAt);
}

export async function getNote(id: string): Promise<Note | undefined> {
  const n = await db.notes.get(id);
  return n && !n.deletedAt ? n : undefined;
}

export async function createNote(target: NoteTarget, body = ''): Promise<Note> {
  const now = clock.now();
  const r = noteSchema.safeParse({
    id: clock.newId(),
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    body,
    target,
    targetKey: noteTargetKey(target),
  });
  if (!r.success) throw ValidationError.fromZod(r.error, 'The note cannot be created');
  const note = r.data;
  await db.transaction('rw', [db.notes, db.visits, db.people], async () => {
    await assertIntegrity(db, [{ table: 'notes', record: note }]);
    await db.notes.add(note);
  });
  return note;
}

/**
 * Autosave: writes the body as typed, if the stored note is still at `version` (the `updatedAt`
 * the editor's text started from). If it has moved on (typed in another window), nothing is
 * written and a ConflictError carries the note as stored now: the editor merges and saves again
 * (see version.ts). Returns the note as saved, whose `updatedAt` is the next save's `version`.
 * One read-write transaction. Not pushed on the undo stack (the editor has its own undo).
 */
export async function saveNoteBody(id: string, body: string, version: string): Promise<Note> {
  return db.transaction('rw', db.notes, async () => {
    const before = await db.notes.get(id);
    if (!before || before.deletedAt) throw new NotFoundError('Note', id);
    expectVersion('Note', before, version);
    const after: Note = { ...before, body, updatedAt: nextVersion(clock, before.updatedAt) };
    await db.notes.put(after);
    return after;
  });
}

/** Attaches a note to a visit or a person (or detaches it: null), which must be there and not deleted. */
export async function setNoteTarget(id: string, target: NoteTarget): Promise<void> {
  await db.transaction('rw', [db.notes, db.visits, db.people], async () => {
    const before = await db.notes.get(id);
    if (!before) throw new NotFoundError('Note', id);
    const after: Note = { ...before, target, targetKey: noteTargetKey(target), updatedAt: clock.now() };
    await assertIntegrity(db, [{ table: 'notes', record: after, before }]);
    await db.notes.put(after);
  });
}

export async function deleteNote(id: string): Promise<void> {
  const now = clock.now();
  const n = await db.notes.update(id, { deletedAt: now, updatedAt: now });
  if (n === 0) throw new NotFoundError('Note', id);
  pushUndo({ label: 'Delete note', revert: async () => void (await db.notes.update(id, { deletedAt: null, updatedAt: clock.now() })) });
}
