import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { dayDate, type Visit } from '../../../shared/model';
import { SEED_IDS } from '../../../shared/seed';
import { db } from '../../../renderer/db/instance';
import { ensureSeeded } from '../../../renderer/db/seed';
import { visitDayRange } from '../../../renderer/db/timeline-data';

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
  await ensureSeeded(db);
});

/** A copy of the seeded Tehran visit with other dates, country and status. */
async function addVisit(id: string, from: string, to: string, extra: Partial<Visit> = {}): Promise<void> {
  const base = (await db.visits.get(SEED_IDS.tehranVisit))!;
  const start = dayDate(from);
  const end = dayDate(to);
  await db.visits.put({
    ...base,
    id,
    start,
    end,
    startKey: from,
    endKey: to,
    statusHistory: [{ ...base.statusHistory[0]!, start, end }],
    ...extra,
  } as Visit);
}

describe('visitDayRange (what Fit all fits)', () => {
  it('without a filter: the first and last day of every dated visit', async () => {
    await addVisit('00000000-0000-4000-8000-0000000000c1', '1999-03-01', '1999-03-04', {
      place: { country: 'FR', city: null, lat: null, lon: null },
    });
    const all = await visitDayRange();
    expect(all?.first).toBe('1999-03-01');
    expect(all && all.last >= '2020-07-21').toBe(true);
  });

  it('with a filter: only the visits it matches, deleted ones left out; null when none of them is dated', async () => {
    const france = { place: { country: 'FR', city: null, lat: null, lon: null } };
    await addVisit('00000000-0000-4000-8000-0000000000c1', '1999-03-01', '1999-03-04', france);
    // A longer visit that starts later but ends last: the range ends with it, not with the last to start.
    await addVisit('00000000-0000-4000-8000-0000000000c2', '2001-01-10', '2001-06-30', france);
    await addVisit('00000000-0000-4000-8000-0000000000c3', '2001-02-01', '2001-02-02', france);
    await addVisit('00000000-0000-4000-8000-0000000000c4', '2005-01-01', '2005-01-02', {
      ...france,
      deletedAt: '2020-01-01T00:00:00.000Z',
    });
    expect(await visitDayRange({ country: 'FR' })).toEqual({ first: '1999-03-01', last: '2001-06-30' });
    const iran = await visitDayRange({ country: 'IR' });
    expect(iran?.first).toBe('2020-07-21');
    expect(await visitDayRange({ country: 'SA' })).toBeNull();
    expect(await visitDayRange({ country: 'DE' })).toBeNull();
  });
});
