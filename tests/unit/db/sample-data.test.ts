import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { dayDate, type VisitDraft } from '../../../shared/model';
import { buildSeed, SEED_IDS } from '../../../shared/seed';
import { db } from '../../../renderer/db/instance';
import { ensureSeeded } from '../../../renderer/db/seed';
import { clearUndo, createNote, createVisitFromDraft, undoLast } from '../../../renderer/db';
import { keepSampleData, removeSampleData, sampleDataNotice } from '../../../renderer/db/sample-data';

function draft(overrides: Partial<VisitDraft> = {}): VisitDraft {
  return {
    travellerId: SEED_IDS.kadhemi,
    place: { country: 'FR', city: 'Paris', lat: null, lon: null },
    kind: 'official',
    purpose: 'Talks',
    start: dayDate('2020-09-10'),
    end: null,
    tags: [],
    hostIds: [],
    status: 'planned',
    ...overrides,
  };
}

/** Live (not deleted) rows of every record table, by table. */
async function liveCounts() {
  const out: Record<string, number> = {};
  for (const table of db.recordTables) out[table.name] = (await table.toArray()).filter((r) => !r.deletedAt).length;
  return out;
}

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
  clearUndo();
  await ensureSeeded(db);
});

describe('the sample data', () => {
  it('is announced on a seeded profile until the user keeps it', async () => {
    expect(await sampleDataNotice(db)).toEqual({ visits: 3 });
    await keepSampleData(db);
    expect(await sampleDataNotice(db)).toBeNull();
  });

  it('is not announced on a restored or reset profile (no seed version in the marker)', async () => {
    await db.meta.put({ key: 'seed', value: { version: 1, at: 'x', restored: true } });
    expect(await sampleDataNotice(db)).toBeNull();
    await db.meta.put({ key: 'seed', value: { skipped: 'data loss', at: 'x' } });
    expect(await sampleDataNotice(db)).toBeNull();
  });

  it('removes exactly the seeded records, keeps the user’s own, and comes back in one undo', async () => {
    const seed = buildSeed();
    const seededTotal = (Object.values(seed) as unknown[][]).reduce((n, rows) => n + rows.length, 0);
    const note = await createNote(null);
    const before = await liveCounts();

    const result = await removeSampleData(db);
    expect(result).toEqual({ removed: seededTotal, keptPeople: [] });
    const after = await liveCounts();
    expect(after.visits).toBe(0);
    expect(after.people).toBe(0);
    expect(after.sources).toBe(0);
    expect(after.evidence).toBe(0);
    expect(after.notes).toBe(1);
    expect((await db.notes.get(note.id))?.deletedAt).toBeNull();
    expect(await sampleDataNotice(db)).toBeNull();

    expect(await undoLast()).toBe('Remove sample data');
    expect(await liveCounts()).toEqual(before);
    expect(await sampleDataNotice(db)).toEqual({ visits: 3 });
  });

  it('keeps a seeded person who travels on a visit of the user’s own', async () => {
    const own = await createVisitFromDraft(draft(), '2020-08-01');
    const result = await removeSampleData(db);
    expect(result.keptPeople).toEqual(['Mustafa al-Kadhemi']);
    expect((await db.people.get(SEED_IDS.kadhemi))?.deletedAt).toBeNull();
    expect((await db.people.get(SEED_IDS.khamenei))?.deletedAt).not.toBeNull();
    expect((await db.visits.get(own.id))?.deletedAt).toBeNull();
    expect((await db.visits.get(SEED_IDS.tehranVisit))?.deletedAt).not.toBeNull();
  });
});
