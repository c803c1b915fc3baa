import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WITHIN_WEEKS_DAYS, findDates, findDuration, inferYear, resolveWeekday, type Direction } from '../../../shared/extract/dates';
import { WITHIN_WEEKS_DAYS as SEED_WITHIN_WEEKS } from '../../../shared/seed';

/** The first date the phrase yields, as "from..to" (or "from" for a single day). */
function read(phrase: string, ref: string, direction: Direction = 'future'): string {
  const d = findDates(phrase, ref, direction)[0];
  if (!d) return 'none';
  const end = d.endValue ? `..${d.endValue.to}` : d.value.from === d.value.to ? '' : `..${d.value.to}`;
  return `${d.value.precision}:${d.value.from}${end}`;
}

describe('relative dates', () => {
  // 2020-07-22 was a Wednesday.
  const ref = '2020-07-22';

  it('reads a weekday by the tense: the one before in the past, the one after in the future', () => {
    expect(read('on Tuesday', ref, 'past')).toBe('day:2020-07-21');
    expect(read('on Tuesday', ref, 'future')).toBe('day:2020-07-28');
    expect(read('on Wednesday', ref, 'past')).toBe('day:2020-07-22');
    expect(read('next Tuesday', ref, 'past')).toBe('day:2020-07-28');
    expect(read('last Monday', ref)).toBe('day:2020-07-20');
    expect(resolveWeekday('2017-01-26', 2, 'future', true)).toBe('2017-01-31');
  });

  it('keeps vague phrases as windows, never a made-up day', () => {
    expect(read('within weeks', ref)).toBe(`window:2020-07-22..2020-09-02`);
    expect(WITHIN_WEEKS_DAYS).toBe(SEED_WITHIN_WEEKS);
    expect(read('next week', ref)).toBe('window:2020-07-27..2020-08-02');
    expect(read('later this month', ref)).toBe('window:2020-07-23..2020-07-31');
    expect(read('early December', ref)).toBe('window:2020-12-01..2020-12-10');
    expect(read('mid-December', ref)).toBe('window:2020-12-11..2020-12-20');
    expect(read('late December', ref)).toBe('window:2020-12-21..2020-12-31');
    expect(read('during the first quarter of the year 2023', ref)).toBe('window:2023-01-01..2023-03-31');
    expect(read('in the first few months of next year', ref)).toBe('window:2021-01-01..2021-04-30');
    expect(findDates('within weeks', ref, 'future')[0]!.value.phrase).toBe('within weeks');
  });

  it('reads months and years at their precision', () => {
    expect(read('next month', ref)).toBe('month:2020-08-01..2020-08-31');
    expect(read('this year', ref)).toBe('year:2020-01-01..2020-12-31');
    expect(read('next year', ref)).toBe('year:2021-01-01..2021-12-31');
    expect(read('in April', ref, 'past')).toBe('month:2020-04-01..2020-04-30');
    expect(read('in April', ref, 'future')).toBe('month:2021-04-01..2021-04-30');
    expect(read('in 1988', ref)).toBe('year:1988-01-01..1988-12-31');
    expect(read('January last year', ref)).toBe('month:2019-01-01..2019-01-31');
  });

  it('reads explicit days and ranges, with the year from the tense', () => {
    expect(read('March 21-22', ref, 'future')).toBe('day:2021-03-21..2021-03-22');
    expect(read('March 21-22', ref, 'past')).toBe('day:2020-03-21..2020-03-22');
    expect(read('between January 25 and 27', '2016-01-19')).toBe('day:2016-01-25..2016-01-27');
    expect(read('on 11-12 September 2022', ref)).toBe('day:2022-09-11..2022-09-12');
    expect(read('the Oct. 23 visit', '2013-09-17')).toBe('day:2013-10-23');
    expect(read('visit in November', '2016-01-19', 'nearest')).toBe('month:2015-11-01..2015-11-30');
    expect(inferYear('2018-11-03', 12, null, 'nearest')).toBe(2018);
  });

  it('ignores times and names that look like months', () => {
    expect(read('at 6.30am', ref)).toBe('none');
    expect(read('Mrs May landed', ref)).toBe('none');
    expect(read('Theresa May said', ref)).toBe('none');
  });

  it('reads the length of a stay', () => {
    expect(findDuration('on a two-day state visit')).toBe(2);
    expect(findDuration('her three-day Africa visit')).toBe(3);
    expect(findDuration('a 4-day tour')).toBe(4);
    expect(findDuration('a visit')).toBeNull();
  });

  it('gives the same dates in every time zone', () => {
    const probe = fileURLToPath(new URL('./fixtures/dates-probe.ts', import.meta.url));
    const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
    const run = (tz: string) => execFileSync(tsx, [probe], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
    const kiritimati = run('Pacific/Kiritimati');
    const losAngeles = run('America/Los_Angeles');
    expect(kiritimati).toBe(losAngeles);
    const parsed = JSON.parse(kiritimati) as { seed: Array<{ from: string }>; past: Array<{ from: string }> };
    expect(parsed.seed[0]!.from).toBe('2020-07-21');
    expect(parsed.past[0]!.from).toBe('2020-07-21');
  }, 60_000);
});
