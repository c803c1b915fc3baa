import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { dayDate, monthDate, yearDate, type Visit } from '../../../shared/model';
import { SEED_IDS } from '../../../shared/seed';
import { db } from '../../../renderer/db/instance';
import { ensureSeeded } from '../../../renderer/db/seed';
import { calendarData } from '../../../renderer/features/calendar/calendar-data';
import { eventsOverlapping, latestVisitDay, timelineData, visitsOverlapping } from '../../../renderer/db/timeline-data';
import { monthGrid } from '../../../shared/timeline';
import { timelineParamsFrom, timelineParamsTo } from '../../../renderer/features/timeline/timeline-params';
import { calendarParamsFrom, calendarParamsTo } from '../../../renderer/features/calendar/calendar-params';

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
  await ensureSeeded(db);
});

async function addVisit(id: string, start: Visit['start'], end: Visit['end'] = null, extra: Partial<Visit> = {}): Promise<void> {
  const base = (await db.visits.get(SEED_IDS.tehranVisit))!;
  await db.visits.put({
    ...base,
    id,
    start,
    end,
    startKey: start?.from ?? '',
    statusHistory: [{ ...base.statusHistory[0]!, start, end }],
    ...extra,
  });
}

describe('timeline queries (fake IndexedDB, seeded)', () => {
  it('visits overlapping a window: starting in it, ending in it, and covering it all', async () => {
    await addVisit('00000000-0000-4000-8000-0000000000a1', yearDate(2020)); // covers July entirely
    await addVisit('00000000-0000-4000-8000-0000000000a2', dayDate('2020-06-25'), dayDate('2020-07-02')); // ends inside
    await addVisit('00000000-0000-4000-8000-0000000000a3', dayDate('2019-01-01')); // outside
    await addVisit('00000000-0000-4000-8000-0000000000a4', dayDate('2020-07-10'), null, { deletedAt: '2020-08-01T00:00:00.000Z' });
    const ids = (await visitsOverlapping('2020-07-01', '2020-07-31')).map((v) => v.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        '00000000-0000-4000-8000-0000000000a1',
        '00000000-0000-4000-8000-0000000000a2',
        SEED_IDS.tehranVisit,
        SEED_IDS.washingtonVisit,
      ]),
    );
    expect(ids).toHaveLength(4);
    // Filters apply: status and country.
    expect((await visitsOverlapping('2020-07-01', '2020-07-31', { status: 'planned' })).map((v) => v.id)).toEqual([
      SEED_IDS.washingtonVisit,
    ]);
    expect((await visitsOverlapping('2020-07-01', '2020-07-31', { country: 'US', from: '2020-09-01' })).map((v) => v.id)).toEqual([
      SEED_IDS.washingtonVisit,
    ]);
  });

  it('timelineData: the seed in July 2020 is one lane with three visits (the undated Saudi visit at its postponement)', async () => {
    const data = await timelineData('2020-07-01', '2020-07-31', 'traveller');
    expect(data.lanes).toHaveLength(1);
    expect(data.lanes[0]!.name).toBe('Mustafa al-Kadhemi');
    expect(data.lanes[0]!.items.map((i) => i.id).sort()).toEqual(
      [SEED_IDS.tehranVisit, SEED_IDS.saudiVisit, SEED_IDS.washingtonVisit].sort(),
    );
    expect(data.events.map((e) => e.id)).toEqual([SEED_IDS.salmanHospitalised]);
    const byCountry = await timelineData('2020-07-01', '2020-07-31', 'country');
    expect(byCountry.lanes.map((l) => l.name).sort()).toEqual(['Iran', 'Saudi Arabia', 'United States']);
    const capped = await timelineData('2020-07-01', '2020-07-31', 'country', {}, 1);
    expect(capped.lanes).toHaveLength(1);
    expect(capped.hiddenLanes).toBe(2);
    expect(capped.hiddenItems).toBe(2);
    expect((await timelineData('2021-07-01', '2021-07-31', 'traveller')).lanes).toEqual([]);
  });

  it('events by their fuzzy date; the latest visit day', async () => {
    expect((await eventsOverlapping('2020-01-15', '2020-01-16')).map((e) => e.id).sort()).toEqual(
      [SEED_IDS.soleimaniStrike, SEED_IDS.parliamentVote, SEED_IDS.ainAlAsadStrike].sort(),
    );
    expect(await latestVisitDay('2026-01-01')).toBe('2020-09-02');
    expect(await latestVisitDay('2020-07-21')).toBe('2020-07-21');
    expect(await latestVisitDay('2000-01-01')).toBe('2020-07-21');
  });

  it('calendarData puts Tehran on 21 July and the "within weeks" visit in the strip', async () => {
    await addVisit('00000000-0000-4000-8000-0000000000b1', monthDate(2020, 7));
    const data = await calendarData(monthGrid('2020-07-01'));
    expect(data.byDay.get('2020-07-21')!.map((v) => v.place)).toEqual(['Tehran, Iran']);
    expect(data.approximate.map((v) => v.id).sort()).toEqual(['00000000-0000-4000-8000-0000000000b1', SEED_IDS.washingtonVisit].sort());
    expect(data.total).toBe(3);
  });
});

describe('URL parameters', () => {
  it('timeline: at/zoom/by, malformed values ignored, the filter parameters kept', () => {
    expect(timelineParamsFrom(new URLSearchParams('at=2020-07-21&zoom=12&by=country'))).toEqual({
      at: '2020-07-21',
      zoom: 12,
      by: 'country',
    });
    expect(timelineParamsFrom(new URLSearchParams('at=2020-02-30&zoom=abc&by=x'))).toEqual({ at: null, zoom: 9, by: 'traveller' });
    expect(timelineParamsFrom(new URLSearchParams('zoom=99')).zoom).toBe(14);
    const sp = timelineParamsTo({ at: '2020-07-21', zoom: 3, by: 'traveller' }, new URLSearchParams('status=planned&by=country'));
    expect(sp.toString()).toBe('status=planned&at=2020-07-21&zoom=3');
  });

  it('calendar: view/date with defaults', () => {
    expect(calendarParamsFrom(new URLSearchParams('view=week&date=2020-07-21'), '2026-01-01')).toEqual({
      view: 'week',
      date: '2020-07-21',
    });
    expect(calendarParamsFrom(new URLSearchParams('view=year&date=nope'), '2026-01-01')).toEqual({ view: 'month', date: '2026-01-01' });
    expect(calendarParamsTo({ view: 'month', date: '2020-07-01' }, new URLSearchParams('view=week&country=IR')).toString()).toBe(
      'country=IR&date=2020-07-01',
    );
  });
});
