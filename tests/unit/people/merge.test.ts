import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { dayDate } from '../../../shared/model';
import { SEED_IDS } from '../../../shared/seed';
import { db } from '../../../renderer/db/instance';
import { ensureSeeded } from '../../../renderer/db/seed';
import {
  clearUndo,
  ConflictError,
  createNote,
  createPerson,
  createVisitFromDraft,
  getPerson,
  listPossibleDuplicates,
  mergePeople,
  undoLast,
  updatePerson,
} from '../../../renderer/db';

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
  clearUndo();
  await ensureSeeded(db);
});

/** A second record of the seeded Mustafa al-Kadhemi, as an import would make it, with a visit, a note and an event. */
async function duplicateWithReferences() {
  const dup = await createPerson({ name: 'Mustafa A. Kadhimi', aliases: ['PM Kadhimi'], roles: [], country: 'IQ', note: 'Met in Geneva.' });
  const visit = await createVisitFromDraft({
    travellerId: dup.id,
    place: { country: 'FR', city: 'Paris', lat: null, lon: null },
    kind: 'official',
    purpose: 'Talks',
    start: dayDate('2020-10-19'),
    end: null,
    tags: [],
    hostIds: [SEED_IDS.khamenei],
    status: 'completed',
  });
  const hosted = await createVisitFromDraft({
    travellerId: SEED_IDS.salman,
    place: { country: 'IQ', city: 'Baghdad', lat: null, lon: null },
    kind: 'working',
    purpose: '',
    start: dayDate('2021-01-05'),
    end: null,
    tags: [],
    hostIds: [dup.id, SEED_IDS.kadhemi],
    status: 'completed',
  });
  const note = await createNote({ type: 'person', id: dup.id }, 'Prefers morning meetings.');
  const event = (await db.events.get(SEED_IDS.kadhemiTakesOffice))!;
  await db.events.put({ ...event, personIds: [dup.id] });
  return { dup: (await getPerson(dup.id))!, visit, hosted, note };
}

describe('mergePeople', () => {
  it('moves every reference to the survivor, keeps the names as aliases, and undoes in one step', async () => {
    const { dup, visit, hosted, note } = await duplicateWithReferences();
    const kadhemi = (await getPerson(SEED_IDS.kadhemi))!;

    const r = await mergePeople(kadhemi.id, [dup.id], { [kadhemi.id]: kadhemi.updatedAt, [dup.id]: dup.updatedAt });
    expect(r.moved).toEqual({ visits: 2, meetings: 0, events: 1, notes: 1, evidence: 0 });

    const survivor = (await getPerson(kadhemi.id))!;
    expect(survivor.name).toBe('Mustafa al-Kadhemi');
    // Spellings that differ only in case are kept once ("al-Kadhimi", "Al-Kadhimi").
    expect(survivor.aliases).toEqual([
      'Kadhemi',
      'al-Kadhemi',
      'Kadhimi',
      'al-Kadhimi',
      'Mustafa al-Kadhimi',
      'Mustafa A. Kadhimi',
      'PM Kadhimi',
    ]);
    expect(survivor.note).toContain('Met in Geneva.');
    expect(await getPerson(dup.id)).toBeUndefined();
    expect((await db.visits.get(visit.id))!.travellerId).toBe(kadhemi.id);
    // One host entry, not two, once both are the same person.
    expect((await db.visits.get(hosted.id))!.hostIds).toEqual([kadhemi.id]);
    expect((await db.notes.get(note.id))!.targetKey).toBe(`person:${kadhemi.id}`);
    expect((await db.events.get(SEED_IDS.kadhemiTakesOffice))!.personIds).toEqual([kadhemi.id]);

    expect(await undoLast()).toBe('Merge people into Mustafa al-Kadhemi');
    expect(await getPerson(dup.id)).toMatchObject({ name: 'Mustafa A. Kadhimi' });
    expect(await getPerson(kadhemi.id)).toEqual(kadhemi);
    expect((await db.visits.get(visit.id))!.travellerId).toBe(dup.id);
    expect((await db.visits.get(hosted.id))!.hostIds).toEqual([dup.id, kadhemi.id]);
    expect((await db.notes.get(note.id))!.targetKey).toBe(`person:${dup.id}`);
    expect((await db.events.get(SEED_IDS.kadhemiTakesOffice))!.personIds).toEqual([dup.id]);
  });

  it('writes nothing when a chosen person changed since the user chose them', async () => {
    const { dup, visit } = await duplicateWithReferences();
    const kadhemi = (await getPerson(SEED_IDS.kadhemi))!;
    await updatePerson(dup.id, { ...dup, note: 'Edited in another window' }, dup.updatedAt);

    await expect(mergePeople(kadhemi.id, [dup.id], { [kadhemi.id]: kadhemi.updatedAt, [dup.id]: dup.updatedAt })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(await getPerson(dup.id)).toMatchObject({ note: 'Edited in another window' });
    expect((await db.visits.get(visit.id))!.travellerId).toBe(dup.id);
    expect(await getPerson(kadhemi.id)).toEqual(kadhemi);
  });

  it('refuses an undo over a later edit of a record the merge touched, writing nothing', async () => {
    const { dup, visit } = await duplicateWithReferences();
    const kadhemi = (await getPerson(SEED_IDS.kadhemi))!;
    await mergePeople(kadhemi.id, [dup.id], { [kadhemi.id]: kadhemi.updatedAt, [dup.id]: dup.updatedAt });
    // Another window edits the moved visit (its own undo lives in that window).
    await db.visits.update(visit.id, { purpose: 'Edited elsewhere', updatedAt: new Date(Date.now() + 60_000).toISOString() });

    await expect(undoLast()).rejects.toBeInstanceOf(ConflictError);
    expect(await getPerson(dup.id)).toBeUndefined();
    expect((await db.visits.get(visit.id))!).toMatchObject({ travellerId: kadhemi.id, purpose: 'Edited elsewhere' });
    expect((await getPerson(kadhemi.id))!.aliases).toContain('Mustafa A. Kadhimi');
  });

  it('refuses a merge of one person, or of someone already gone', async () => {
    const kadhemi = (await getPerson(SEED_IDS.kadhemi))!;
    await expect(mergePeople(kadhemi.id, [kadhemi.id], { [kadhemi.id]: kadhemi.updatedAt })).rejects.toThrow('at least two');
    await expect(mergePeople(kadhemi.id, ['00000000-0000-4000-8000-000000000000'], { [kadhemi.id]: kadhemi.updatedAt })).rejects.toThrow();
  });
});

describe('listPossibleDuplicates', () => {
  it('pairs a middle-initial spelling with the seeded person, with their visit counts', async () => {
    await duplicateWithReferences();
    await createPerson({ name: 'Donald J. Trump', aliases: [], roles: [], country: 'US', note: '' });
    const pairs = await listPossibleDuplicates();
    const described = pairs.map((p) => `${p.a.name} / ${p.b.name}: ${p.reason} (${p.visits.join(', ')})`);
    expect(described).toEqual([
      'Donald J. Trump / Donald Trump: middle initial (0, 0)',
      // By the seeded alias "Mustafa al-Kadhimi".
      'Mustafa A. Kadhimi / Mustafa al-Kadhemi: middle initial (2, 4)',
    ]);
  });
});
