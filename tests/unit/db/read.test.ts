import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../../shared/seed';
import { db } from '../../../renderer/db/instance';
import { ensureSeeded } from '../../../renderer/db/seed';
import { readTables } from '../../../renderer/db';

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
  await ensureSeeded(db);
});

describe('readTables, the read models’ door to the tables', () => {
  it('reads the tables it names in one transaction', async () => {
    const got = await readTables(['visits', 'people'], async (tables) => {
      const visit = await tables.visits.get(SEED_IDS.saudiVisit);
      const traveller = visit ? await tables.people.get(visit.travellerId) : undefined;
      return { visit: visit?.id, traveller: traveller?.id };
    });
    expect(got).toEqual({ visit: SEED_IDS.saudiVisit, traveller: SEED_IDS.kadhemi });
  });

  it('refuses a write from inside, and nothing is written', async () => {
    const before = await db.visits.get(SEED_IDS.saudiVisit);
    await expect(
      readTables(['visits'], async (tables) => {
        const v = await tables.visits.get(SEED_IDS.saudiVisit);
        await tables.visits.put({ ...v!, status: 'cancelled' });
      }),
    ).rejects.toThrow();
    expect((await db.visits.get(SEED_IDS.saudiVisit))?.status).toBe(before?.status);
  });

  it('refuses a table it did not name', async () => {
    await expect(readTables(['visits'], (tables) => tables.people.count())).rejects.toThrow();
  });
});
