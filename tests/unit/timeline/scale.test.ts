import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, daysBetween } from '../../../shared/model';
import {
  DEFAULT_ZOOM,
  MAX_ZOOM,
  ZOOM_PRESETS,
  ZOOM_SPANS,
  clampZoom,
  makeScale,
  pan,
  spanGeometry,
  tickUnit,
  ticks,
  weekday,
  windowAround,
  zoomToFit,
} from '../../../shared/timeline';

describe('zoom levels and windows', () => {
  it('go from a century down to days, each narrower than the last', () => {
    expect(ZOOM_SPANS[0]).toBe(36525);
    expect(ZOOM_SPANS[MAX_ZOOM]).toBe(5);
    for (let z = 1; z <= MAX_ZOOM; z++) expect(ZOOM_SPANS[z]!).toBeLessThan(ZOOM_SPANS[z - 1]!);
    expect(ZOOM_PRESETS.map((p) => p.label)).toEqual(['Decades', 'Years', 'Months', 'Weeks', 'Days']);
  });

  it("a window is centred on its day and has exactly the zoom level's number of days", () => {
    const w = windowAround('2020-07-21', DEFAULT_ZOOM);
    expect(w).toEqual({ from: '2020-04-21', to: '2020-10-20', days: 183 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300_000 }), fc.integer({ min: 0, max: MAX_ZOOM }), (offset, zoom) => {
        const center = addDays('1800-01-01', offset);
        const win = windowAround(center, zoom);
        expect(daysBetween(win.from, win.to) + 1).toBe(ZOOM_SPANS[zoom]);
        expect(win.from <= center && center <= win.to).toBe(true);
      }),
    );
  });

  it('clamps zoom and pans by a fraction of the span', () => {
    expect(clampZoom(-3)).toBe(0);
    expect(clampZoom(99)).toBe(MAX_ZOOM);
    expect(clampZoom(Number.NaN)).toBe(DEFAULT_ZOOM);
    expect(pan('2020-07-21', 12, 0.25)).toBe('2020-07-26'); // 21 days × 0.25 ≈ 5
    expect(pan('2020-07-21', 12, -1)).toBe('2020-06-30');
    expect(pan('1000-01-05', 0, -1)).toBe('1000-01-01'); // never before the first day
  });

  it('zoomToFit picks the narrowest level that shows the span', () => {
    expect(zoomToFit(1)).toBe(MAX_ZOOM);
    expect(ZOOM_SPANS[zoomToFit(30)]).toBe(42);
    expect(ZOOM_SPANS[zoomToFit(4000)]).toBe(7305);
    expect(zoomToFit(10_000_000)).toBe(0);
  });
});

describe('scale and bar geometry', () => {
  const scale = makeScale({ from: '2020-07-01', to: '2020-07-31', days: 31 }, 310); // 10 px per day

  it('a day is one day wide; a span covers all its days, both ends included', () => {
    expect(spanGeometry(scale, '2020-07-21', '2020-07-21')).toEqual({ x: 200, width: 10, clippedStart: false, clippedEnd: false });
    // A month-precision date: 1–31 July covers the whole window.
    expect(spanGeometry(scale, '2020-07-01', '2020-07-31')).toEqual({ x: 0, width: 310, clippedStart: false, clippedEnd: false });
    // A window reaching beyond the edge is clipped and says so.
    expect(spanGeometry(scale, '2020-07-22', '2020-09-02')).toEqual({ x: 210, width: 100, clippedStart: false, clippedEnd: true });
    expect(spanGeometry(scale, '2020-06-01', '2020-07-02')).toEqual({ x: 0, width: 20, clippedStart: true, clippedEnd: false });
    expect(spanGeometry(scale, '2020-08-01', '2020-08-02')).toBeNull();
    expect(scale.dayAt(205)).toBe('2020-07-21');
  });

  it('a one-day visit at the decades zoom is still at least minWidth wide, inside the window', () => {
    const decades = makeScale(windowAround('2000-01-01', 2), 1000);
    const g = spanGeometry(decades, '2000-01-01', '2000-01-01', 3)!;
    expect(g.width).toBe(3);
    expect(g.x).toBeGreaterThan(400);
    const edge = spanGeometry(decades, decades.from, decades.from, 3)!;
    expect(edge.x).toBeGreaterThanOrEqual(0);
  });

  it('ticks: days, weeks (Mondays), months, years and decades by pixels per day, always inside the window', () => {
    expect(tickUnit(100)).toBe('day');
    expect(tickUnit(10)).toBe('week');
    expect(tickUnit(3)).toBe('month');
    expect(tickUnit(0.3)).toBe('year');
    expect(tickUnit(0.02)).toBe('decade');
    const week = ticks(makeScale({ from: '2020-07-01', to: '2020-07-31', days: 31 }, 310));
    expect(week.map((t) => t.day)).toEqual(['2020-07-06', '2020-07-13', '2020-07-20', '2020-07-27']);
    expect(week.every((t) => weekday(t.day) === 0)).toBe(true);
    expect(week[0]!.label).toBe('6 Jul 2020');
    const months = ticks(makeScale(windowAround('2020-07-21', 9), 900));
    expect(months[0]!.label).toBe('May 2020');
    expect(months.map((t) => t.label).slice(1)).toEqual(['Jun', 'Jul', 'Aug', 'Sep', 'Oct']);
    const years = ticks(makeScale(windowAround('1965-01-01', 4), 1000));
    expect(years.map((t) => t.label)).toEqual(['1961', '1962', '1963', '1964', '1965', '1966', '1967', '1968', '1969', '1970']);
    const century = ticks(makeScale(windowAround('1950-01-01', 0), 1000));
    expect(century.every((t) => Number(t.label) % 10 === 0)).toBe(true);
  });

  it('weekday is computed from the string (1 Jan 2000 was a Saturday; leap day 2020 a Saturday)', () => {
    expect(weekday('2000-01-01')).toBe(5);
    expect(weekday('2020-02-29')).toBe(5);
    expect(weekday('2020-07-20')).toBe(0);
  });
});
