import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayDate, monthDate, type StatusChange, type Visit } from '../../../shared/model';
import { buildSeed, SEED_IDS } from '../../../shared/seed';
import {
  datesSpan,
  groupLanes,
  isExact,
  layoutLane,
  makeScale,
  packRows,
  placeItem,
  toTimelineItem,
  visitMoves,
  windowAround,
  type TimelineItem,
} from '../../../shared/timeline';

const names = {
  traveller: (id: string) => (id === SEED_IDS.kadhemi ? 'Mustafa al-Kadhemi' : 'Someone'),
  country: (c: string) => ({ IR: 'Iran', SA: 'Saudi Arabia', US: 'United States' })[c] ?? c,
};
const seed = buildSeed();
const visit = (id: string): Visit => seed.visits.find((v) => v.id === id)!;

function change(
  status: StatusChange['status'],
  from: StatusChange['from'],
  on: string,
  start: StatusChange['start'],
  reason = '',
): StatusChange {
  return { id: `${status}-${on}`, status, from, on, reason, sourceId: null, start, end: null, recordedAt: '2020-01-01T00:00:00.000Z' };
}

describe('a visit on the timeline', () => {
  it('precision: a day is exact; a month, a year or a window is an uncertain range over all its days', () => {
    expect(isExact(dayDate('2020-07-21'), null)).toBe(true);
    expect(isExact(dayDate('2020-07-21'), dayDate('2020-07-23'))).toBe(true);
    expect(isExact(monthDate(2020, 7), null)).toBe(false);
    expect(isExact(dayDate('2020-07-21'), monthDate(2020, 8))).toBe(false);
    expect(datesSpan(monthDate(2020, 2), null)).toEqual({ from: '2020-02-01', to: '2020-02-29' });
    expect(datesSpan(dayDate('2020-07-21'), dayDate('2020-07-23'))).toEqual({ from: '2020-07-21', to: '2020-07-23' });
    const washington = toTimelineItem(visit(SEED_IDS.washingtonVisit), 'traveller', names);
    expect(washington).toMatchObject({
      exact: false,
      phrase: 'within weeks',
      span: { from: '2020-07-22', to: '2020-09-02' },
      lane: SEED_IDS.kadhemi,
    });
  });

  it('the postponed Saudi visit: planned with no date, postponed on 20 July; ghost on that day, new date unknown', () => {
    const saudi = toTimelineItem(visit(SEED_IDS.saudiVisit), 'traveller', names);
    expect(saudi.span).toBeNull();
    expect(saudi.moves).toEqual([
      {
        span: { from: '2020-07-20', to: '2020-07-20' },
        approximate: true,
        label: 'no date given',
        postponedOn: '2020-07-20',
        reason: 'King Salman was hospitalised',
        to: null,
        toLabel: 'new date unknown',
      },
    ]);
    expect(saudi.anchor).toEqual({ from: '2020-07-20', to: '2020-07-20' });
    expect(saudi.label).toBe('Saudi Arabia · moved');
    expect(saudi.description).toBe(
      'Mustafa al-Kadhemi → Saudi Arabia, new date unknown, postponed; postponed on 20 July 2020 (King Salman was hospitalised): planned with no date given, moved to new date unknown',
    );
    const scale = makeScale({ from: '2020-07-01', to: '2020-07-31', days: 31 }, 310);
    const placed = placeItem(saudi, scale)!;
    expect(placed.bar).toBeNull();
    expect(placed.ghosts).toHaveLength(1);
    expect(placed.ghosts[0]).toMatchObject({ x: 190, width: 10, unknown: true, approximate: true });
    // The arrow ends at the "date unknown" marker, to the right of the ghost.
    expect(placed.markerX).toBe(placed.ghosts[0]!.arrowTo);
    expect(placed.markerX!).toBeGreaterThan(200);
  });

  it('a rescheduled visit: the ghost at the old dates, the arrow to the new bar', () => {
    const v = {
      ...visit(SEED_IDS.tehranVisit),
      status: 'planned' as const,
      start: dayDate('2020-08-10'),
      end: null,
      startKey: '2020-08-10',
      statusHistory: [
        change('planned', null, '2020-07-01', dayDate('2020-07-20')),
        change('postponed', 'planned', '2020-07-18', dayDate('2020-07-20'), 'Illness'),
        change('planned', 'postponed', '2020-07-25', dayDate('2020-08-10')),
      ],
    };
    const item = toTimelineItem(v, 'country', names);
    expect(item.lane).toBe('IR');
    expect(item.label).toBe('Mustafa al-Kadhemi · moved');
    expect(item.moves).toEqual([
      expect.objectContaining({
        span: { from: '2020-07-20', to: '2020-07-20' },
        approximate: false,
        label: '20 July 2020',
        to: { from: '2020-08-10', to: '2020-08-10' },
        toLabel: '10 August 2020',
      }),
    ]);
    const scale = makeScale({ from: '2020-07-01', to: '2020-08-30', days: 61 }, 610);
    const p = placeItem(item, scale)!;
    expect(p.bar).toMatchObject({ x: 400, width: 10 });
    expect(p.ghosts[0]).toMatchObject({ x: 190, width: 10, arrowTo: 400, unknown: false });
  });

  it('postponed while keeping its old dates: only the ghost is drawn, the new date is unknown', () => {
    const v = {
      ...visit(SEED_IDS.tehranVisit),
      status: 'postponed' as const,
      start: dayDate('2020-07-20'),
      statusHistory: [
        change('planned', null, '2020-07-01', dayDate('2020-07-20')),
        change('postponed', 'planned', '2020-07-18', dayDate('2020-07-20'), 'x'),
      ],
    };
    const item = toTimelineItem(v, 'traveller', names);
    expect(item.span).toBeNull();
    expect(item.moves[0]).toMatchObject({ span: { from: '2020-07-20', to: '2020-07-20' }, to: null });
  });

  it('an undated visit never postponed stands on the day its status was recorded, as a "date unknown" marker', () => {
    const v = {
      ...visit(SEED_IDS.washingtonVisit),
      start: null,
      end: null,
      startKey: '',
      statusHistory: [change('planned', null, '2020-07-22', null)],
    };
    const item = toTimelineItem(v, 'traveller', names);
    expect(item.anchor).toEqual({ from: '2020-07-22', to: '2020-07-22' });
    const p = placeItem(item, makeScale({ from: '2020-07-01', to: '2020-07-31', days: 31 }, 310))!;
    expect(p.bar).toBeNull();
    expect(p.markerX).toBe(215);
    expect(placeItem(item, makeScale({ from: '2021-01-01', to: '2021-01-31', days: 31 }, 310))).toBeNull();
    expect(visitMoves(v.statusHistory)).toEqual([]);
  });
});

describe('lanes, rows and aggregation', () => {
  const item = (id: string, lane: string, from: string, to = from): TimelineItem => ({
    id,
    lane,
    status: 'completed',
    span: { from, to },
    exact: from === to,
    phrase: null,
    datesLabel: from,
    moves: [],
    anchor: { from, to },
    label: id,
    description: id,
  });

  it('keeps the busiest lanes and counts the rest', () => {
    const items = [
      item('a1', 'A', '2020-01-01'),
      item('b1', 'B', '2020-01-01'),
      item('b2', 'B', '2020-02-01'),
      item('c1', 'C', '2020-01-01'),
    ];
    const g = groupLanes(items, 2, (k) => k);
    expect(g.lanes.map((l) => l.key)).toEqual(['B', 'A']);
    expect(g.hiddenLanes).toBe(1);
    expect(g.hiddenItems).toBe(1);
  });

  it('packRows never overlaps within maxRows, and every extent gets a row', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 200 })), { maxLength: 60 }), (pairs) => {
        const extents = pairs.map(([x, w]) => ({ x0: x, x1: x + w }));
        const { rows, rowCount } = packRows(extents, 1000, 4);
        expect(rows).toHaveLength(extents.length);
        for (let i = 0; i < extents.length; i++)
          for (let j = i + 1; j < extents.length; j++) {
            if (rows[i] !== rows[j]) continue;
            const a = extents[i]!;
            const b = extents[j]!;
            expect(a.x1 + 4 <= b.x0 || b.x1 + 4 <= a.x0).toBe(true);
          }
        expect(rowCount).toBeGreaterThanOrEqual(1);
      }),
    );
    expect(
      packRows(
        [
          { x0: 0, x1: 10 },
          { x0: 5, x1: 15 },
          { x0: 6, x1: 16 },
        ],
        2,
      ).rows,
    ).toEqual([0, 1, 0]);
  });

  it('many one-day visits at the decades zoom become bins with counts; a few stay single bars', () => {
    const scale = makeScale(windowAround('1965-01-01', 4), 1000);
    const many = Array.from({ length: 50 }, (_, i) => item(`v${i}`, 'A', `1961-0${1 + (i % 9)}-1${i % 10}`));
    const layout = layoutLane(many, scale);
    const bins = layout.placed.filter((p) => p.kind === 'bin');
    expect(bins.length).toBeGreaterThan(0);
    expect(bins.reduce((n, b) => n + (b.kind === 'bin' ? b.count : 0), 0)).toBe(50);
    expect(layout.rowCount).toBe(1);
    const few = layoutLane(many.slice(0, 3), scale);
    expect(few.placed.every((p) => p.kind === 'item')).toBe(true);
  });

  it('labels are shown when they fit in the rows, dropped when the lane is crowded', () => {
    const scale = makeScale({ from: '2020-07-01', to: '2020-07-31', days: 31 }, 620);
    const spaced = layoutLane([item('Tehran', 'A', '2020-07-02'), item('Riyadh', 'A', '2020-07-20')], scale);
    expect(spaced.placed.every((p) => p.kind === 'item' && p.showLabel)).toBe(true);
    expect(spaced.rowCount).toBe(1);
    const crowded = layoutLane(
      Array.from({ length: 10 }, (_, i) => item(`A long place name ${i}`, 'A', `2020-07-${String(10 + i).padStart(2, '0')}`)),
      scale,
    );
    expect(crowded.placed.some((p) => p.kind === 'item' && p.showLabel)).toBe(false);
    expect(crowded.rowCount).toBeLessThanOrEqual(2);
  });
});
