import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayDate, monthDate } from '../../../shared/model';
import { SEED_IDS } from '../../../shared/seed';
import { db } from '../../../renderer/db/instance';
import { ensureSeeded } from '../../../renderer/db/seed';
import { deleteVisit, findDuplicateVisits } from '../../../renderer/db';

beforeAll(async () => {
  db.close();
  await db.delete();
  await db.open();
  await ensureSeeded(db);
});

describe('findDuplicateVisits', () => {
  it('finds the seeded Tehran visit for the same traveller, country and day, and nothing for other dates', async () => {
    const [same, month, later, other] = await findDuplicateVisits([
      { travellerId: SEED_IDS.kadhemi, place: { country: 'IR' }, start: dayDate('2020-07-21'), end: null },
      { travellerId: SEED_IDS.kadhemi, place: { country: 'IR' }, start: monthDate(2020, 7), end: null },
      { travellerId: SEED_IDS.kadhemi, place: { country: 'IR' }, start: dayDate('2020-07-25'), end: null },
      { travellerId: SEED_IDS.trump, place: { country: 'IR' }, start: dayDate('2020-07-21'), end: null },
    ]);
    expect(same!.map((d) => d.visit.id)).toEqual([SEED_IDS.tehranVisit]);
    expect(same![0]!.label).toBe('Mustafa al-Kadhemi → Iran (Tehran), 21 July 2020');
    expect(month!.map((d) => d.visit.id)).toEqual([SEED_IDS.tehranVisit]);
    expect(later).toEqual([]);
    expect(other).toEqual([]);
  });

  it('finds a visit inside the planned window and ignores deleted visits and an empty traveller', async () => {
    const washington = { travellerId: SEED_IDS.kadhemi, place: { country: 'US' }, start: dayDate('2020-08-20'), end: null };
    expect((await findDuplicateVisits([washington]))[0]!.map((d) => d.visit.id)).toEqual([SEED_IDS.washingtonVisit]);
    expect(await findDuplicateVisits([{ ...washington, travellerId: '' }])).toEqual([[]]);
    await deleteVisit(SEED_IDS.washingtonVisit);
    expect(await findDuplicateVisits([washington])).toEqual([[]]);
  });
});
