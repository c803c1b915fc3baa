import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../../shared/model';
import { addMonths, dayAfterKey, monthGrid, placeOnCalendar, startOfWeek, stepCalendar, weekGrid, weekday } from '../../../shared/timeline';

describe('month and week grids', () => {
  it('July 2020: Monday-first weeks from 29 June to 2 August; the 21st is a Tuesday', () => {
    const g = monthGrid('2020-07-21');
    expect(g.title).toBe('July 2020');
    expect(g.from).toBe('2020-06-29');
    expect(g.to).toBe('2020-08-02');
    expect(g.weeks).toHaveLength(5);
    const d21 = g.weeks.flat().find((d) => d.day === '2020-07-21')!;
    expect(d21).toMatchObject({ date: 21, inMonth: true, weekday: 1 });
    expect(g.weeks[0]![0]).toMatchObject({ day: '2020-06-29', inMonth: false });
  });

  it('leap years: February 2020 has 29 days, 2021 has 28, 1900 has 28, 2000 has 29', () => {
    const days = (focus: string) =>
      monthGrid(focus)
        .weeks.flat()
        .filter((d) => d.inMonth).length;
    expect(days('2020-02-10')).toBe(29);
    expect(days('2021-02-10')).toBe(28);
    expect(days('1900-02-10')).toBe(28);
    expect(days('2000-02-10')).toBe(29);
    // February 2021 starts on a Monday and fills exactly four weeks.
    expect(monthGrid('2021-02-01').weeks).toHaveLength(4);
  });

  it('daylight-saving changes do not skip or repeat a day (EU 29 March / 25 October 2020, US 8 March 2020)', () => {
    for (const focus of ['2020-03-29', '2020-10-25', '2020-03-08']) {
      const days = monthGrid(focus)
        .weeks.flat()
        .map((d) => d.day);
      for (let i = 1; i < days.length; i++) expect(days[i]).toBe(addDays(days[i - 1]!, 1));
      expect(new Set(days).size).toBe(days.length);
    }
  });

  it('every month grid is whole weeks, Monday first, containing every day of the month once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1600, max: 2400 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const g = monthGrid(`${y}-${String(m).padStart(2, '0')}-01`);
        const all = g.weeks.flat();
        expect(g.weeks.length).toBeGreaterThanOrEqual(4);
        expect(g.weeks.length).toBeLessThanOrEqual(6);
        expect(g.weeks.every((w) => w.length === 7 && w[0]!.weekday === 0)).toBe(true);
        const inMonth = all.filter((d) => d.inMonth);
        expect(inMonth[0]!.date).toBe(1);
        expect(inMonth.map((d) => d.date)).toEqual(Array.from({ length: inMonth.length }, (_, i) => i + 1));
      }),
    );
  });

  it('a week runs Monday to Sunday, across a month or year end', () => {
    expect(weekGrid('2020-07-21')).toMatchObject({ from: '2020-07-20', to: '2020-07-26', title: 'Week of 20 July 2020' });
    const newYear = weekGrid('2021-01-01');
    expect(newYear.from).toBe('2020-12-28');
    expect(newYear.to).toBe('2021-01-03');
    expect(newYear.weeks[0]!.every((d) => d.inMonth)).toBe(true);
    expect(startOfWeek('2020-03-01')).toBe('2020-02-24');
    expect(weekday(startOfWeek('2024-02-29'))).toBe(0);
  });

  it('previous/next: months clamp the day (31 Jan → 29 Feb 2020), weeks move 7 days', () => {
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonths('2020-03-31', -1)).toBe('2020-02-29');
    expect(addMonths('2020-12-15', 1)).toBe('2021-01-15');
    expect(addMonths('2021-01-15', -13)).toBe('2019-12-15');
    expect(stepCalendar('month', '2020-07-21', -1)).toBe('2020-06-21');
    expect(stepCalendar('week', '2020-07-21', 1)).toBe('2020-07-28');
  });

  it('keys move the chosen day: arrows by a day or a week, Home/End to the week ends, Page Up/Down by a month', () => {
    expect(dayAfterKey('2020-07-21', 'ArrowRight')).toBe('2020-07-22');
    expect(dayAfterKey('2020-07-01', 'ArrowLeft')).toBe('2020-06-30');
    expect(dayAfterKey('2020-07-29', 'ArrowDown')).toBe('2020-08-05');
    expect(dayAfterKey('2020-07-21', 'Home')).toBe('2020-07-20');
    expect(dayAfterKey('2020-07-21', 'End')).toBe('2020-07-26');
    expect(dayAfterKey('2020-03-31', 'PageUp')).toBe('2020-02-29');
    expect(dayAfterKey('2020-07-21', 'a')).toBeNull();
  });
});

describe('visits on the calendar', () => {
  const grid = monthGrid('2020-07-01');
  it('an exact visit is on every day it covers (clipped to the grid); approximate ones go to the strip', () => {
    const entries = [
      { id: 'tehran', span: { from: '2020-07-21', to: '2020-07-21' }, exact: true },
      { id: 'tour', span: { from: '2020-07-30', to: '2020-08-05' }, exact: true },
      { id: 'washington', span: { from: '2020-07-22', to: '2020-09-02' }, exact: false },
      { id: 'elsewhere', span: { from: '2021-01-01', to: '2021-01-01' }, exact: true },
    ];
    const p = placeOnCalendar(grid, entries);
    expect(p.byDay.get('2020-07-21')!.map((e) => e.id)).toEqual(['tehran']);
    expect(p.byDay.get('2020-07-22')).toEqual([]);
    expect(['2020-07-30', '2020-07-31', '2020-08-01', '2020-08-02'].every((d) => p.byDay.get(d)!.some((e) => e.id === 'tour'))).toBe(true);
    expect(p.byDay.has('2020-08-03')).toBe(false);
    expect(p.approximate.map((e) => e.id)).toEqual(['washington']);
    expect([...p.byDay.values()].flat().some((e) => e.id === 'elsewhere')).toBe(false);
  });
});
