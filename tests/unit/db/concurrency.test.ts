import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Visit } from '../../../shared/model';
import { SEED_IDS } from '../../../shared/seed';
import { clock, db } from '../../../renderer/db/instance';
import { ensureSeeded } from '../../../renderer/db/seed';
import { nextVersion } from '../../../renderer/db/version';
import {
  ConflictError,
  NotFoundError,
  changeVisitStatus,
  clearUndo,
  createNote,
  deleteNote,
  describeStorageError,
  getNote,
  getVisit,
  getPerson,
  getSource,
  saveNoteBody,
  undoLast,
  updatePerson,
  updateSource,
  updateVisitFromDraft,
} from '../../../renderer/db';

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
  clearUndo();
  await ensureSeeded(db);
});

const edit = (v: Visit, over: Partial<Visit>) => {
  const { status: _s, ...rest } = { ...v, ...over };
  return rest;
};

describe('visits: a save carries the version it started from', () => {
  it('a stale form is refused with the visit as stored now, and nothing is written', async () => {
    const opened = (await getVisit(SEED_IDS.tehranVisit))!;
    // "Window B" saves first.
    const b = await updateVisitFromDraft(opened.id, edit(opened, { purpose: 'From window B' }), opened.updatedAt);
    expect(b.updatedAt > opened.updatedAt).toBe(true);
    // "Window A", still at the version it opened, saves its tags.
    const stale = updateVisitFromDraft(opened.id, edit(opened, { tags: ['from-a'] }), opened.updatedAt);
    const err = await stale.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConflictError);
    const conflict = err as ConflictError<Visit>;
    expect(conflict.current.purpose).toBe('From window B');
    expect(conflict.current.updatedAt).toBe(b.updatedAt);
    expect(describeStorageError(conflict)).toMatch(/changed in another window/);
    expect(await getVisit(opened.id)).toMatchObject(b);
    // Saved again from the version it was shown, it goes through.
    const merged = await updateVisitFromDraft(opened.id, edit(b, { tags: ['from-a'] }), conflict.current.updatedAt);
    expect([merged.purpose, merged.tags]).toEqual(['From window B', ['from-a']]);
  });

  it('of two saves started from one version at the same moment, exactly one is written', async () => {
    const opened = (await getVisit(SEED_IDS.saudiVisit))!;
    const results = await Promise.allSettled([
      updateVisitFromDraft(opened.id, edit(opened, { purpose: 'one' }), opened.updatedAt),
      updateVisitFromDraft(opened.id, edit(opened, { purpose: 'two' }), opened.updatedAt),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ConflictError);
    const won = (results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<Visit>).value;
    expect((await getVisit(opened.id))?.purpose).toBe(won.purpose);
  });

  it('a status change elsewhere moves the version too, so a form opened before it is told', async () => {
    const opened = (await getVisit(SEED_IDS.saudiVisit))!;
    await changeVisitStatus(opened.id, { to: 'cancelled', on: '2020-08-10', reason: 'Called off' });
    await expect(updateVisitFromDraft(opened.id, edit(opened, { purpose: 'x' }), opened.updatedAt)).rejects.toBeInstanceOf(ConflictError);
    expect((await getVisit(opened.id))?.status).toBe('cancelled');
  });

  it('a status change carrying the dialog’s version is refused when the visit moved on; without one it applies', async () => {
    const opened = (await getVisit(SEED_IDS.saudiVisit))!;
    await updateVisitFromDraft(opened.id, edit(opened, { purpose: 'elsewhere' }), opened.updatedAt);
    const req = { to: 'cancelled' as const, on: '2020-08-10', reason: 'Called off' };
    await expect(changeVisitStatus(opened.id, req, opened.updatedAt)).rejects.toBeInstanceOf(ConflictError);
    expect((await getVisit(opened.id))?.status).toBe('postponed');
    const now = (await getVisit(opened.id))!;
    expect((await changeVisitStatus(opened.id, req, now.updatedAt)).status).toBe('cancelled');
  });

  it('every versioned write gets a later version, even when the stored one is in the future', async () => {
    const v = (await getVisit(SEED_IDS.tehranVisit))!;
    const future = new Date(Date.now() + 60_000).toISOString();
    await db.visits.put({ ...v, updatedAt: future });
    const saved = await updateVisitFromDraft(v.id, edit(v, { purpose: 'later' }), future);
    expect(saved.updatedAt > future).toBe(true);
    expect(nextVersion(clock, '9999-12-31T23:59:59.998Z')).toBe('9999-12-31T23:59:59.999Z');
  });

  it('undo takes back an edit, but never over a later edit made elsewhere', async () => {
    const opened = (await getVisit(SEED_IDS.tehranVisit))!;
    const mine = await updateVisitFromDraft(opened.id, edit(opened, { purpose: 'mine' }), opened.updatedAt);
    expect(await undoLast()).toBe('Edit visit');
    expect(await getVisit(opened.id)).toMatchObject(opened);

    const again = await updateVisitFromDraft(opened.id, edit(opened, { purpose: 'mine again' }), opened.updatedAt);
    expect(again.updatedAt > mine.updatedAt || again.updatedAt !== mine.updatedAt).toBe(true);
    // Another window edits after it; this window's undo must not erase that.
    await db.visits.put({ ...again, purpose: 'theirs', updatedAt: nextVersion(clock, again.updatedAt) });
    await expect(undoLast()).rejects.toBeInstanceOf(ConflictError);
    expect((await getVisit(opened.id))?.purpose).toBe('theirs');
  });
});

describe('notes: autosave carries the version', () => {
  it('writes when the note is at the version, refuses with the stored note when not', async () => {
    const n = await createNote(null, 'base');
    const a1 = await saveNoteBody(n.id, 'base + A', n.updatedAt);
    expect(a1.body).toBe('base + A');
    expect(a1.updatedAt > n.updatedAt).toBe(true);
    const err = await saveNoteBody(n.id, 'base + B', n.updatedAt).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).current).toMatchObject({ id: n.id, body: 'base + A', updatedAt: a1.updatedAt });
    expect((await getNote(n.id))?.body).toBe('base + A');
  });

  it('two autosaves racing from one version: one is written, the other refused (never both "saved")', async () => {
    const n = await createNote(null, 'x');
    const results = await Promise.allSettled([saveNoteBody(n.id, 'x1', n.updatedAt), saveNoteBody(n.id, 'x2', n.updatedAt)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('saving a note deleted elsewhere says so', async () => {
    const n = await createNote(null, 'gone');
    await deleteNote(n.id);
    await expect(saveNoteBody(n.id, 'typed', n.updatedAt)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('people and sources: the same check', () => {
  it('a stale person form is refused with the person as stored now; its undo is versioned', async () => {
    const p = (await getPerson(SEED_IDS.kadhemi))!;
    const { id: _id, createdAt: _c, updatedAt: _u, deletedAt: _d, ...draft } = p;
    const b = await updatePerson(p.id, { ...draft, note: 'from window B' }, p.updatedAt);
    const err = await updatePerson(p.id, { ...draft, name: 'From window A' }, p.updatedAt).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).current).toMatchObject({ note: 'from window B', updatedAt: b.updatedAt });
    expect((await getPerson(p.id))?.name).toBe(p.name);
    await db.people.put({ ...b, note: 'later, elsewhere', updatedAt: nextVersion(clock, b.updatedAt) });
    await expect(undoLast()).rejects.toBeInstanceOf(ConflictError);
    expect((await getPerson(p.id))?.note).toBe('later, elsewhere');
  });

  it('a stale source details form is refused; a current one saves and undo takes it back', async () => {
    const s = (await getSource(SEED_IDS.article))!;
    const b = await updateSource(s.id, { title: 'Title from window B' }, s.updatedAt);
    await expect(updateSource(s.id, { publisher: 'From window A' }, s.updatedAt)).rejects.toBeInstanceOf(ConflictError);
    expect((await getSource(s.id))?.publisher).toBe(s.publisher);
    expect(await undoLast()).toBe('Edit source');
    expect((await getSource(s.id))?.title).toBe(s.title);
    expect(b.updatedAt > s.updatedAt).toBe(true);
  });
});
