import { describe, expect, it } from 'vitest';
import {
  dayDate,
  dayLabel,
  formatVisitDates,
  localTimeLabel,
  monthDate,
  timestampLabel,
  visitLabel,
  visitTitle,
  windowDate,
} from '../../../shared/model';
import { placeFor } from '../../../shared/places';

describe('labels', () => {
  it('names a visit by traveller and destination', () => {
    expect(visitTitle({ name: 'Mustafa al-Kadhemi' }, placeFor('IR', 'Tehran'))).toBe('Mustafa al-Kadhemi → Iran, Tehran');
    expect(visitTitle(undefined, placeFor('SA'))).toBe('Unknown traveller → Saudi Arabia');
  });

  it('keeps the precision of the dates', () => {
    expect(formatVisitDates(null, null)).toBe('Date unknown');
    expect(formatVisitDates(dayDate('2020-07-21'), dayDate('2020-07-21'))).toBe('21 July 2020');
    expect(formatVisitDates(monthDate(2020, 9), null)).toBe('September 2020');
    expect(formatVisitDates(windowDate('2020-07-22', '2020-09-02', 'within weeks'), null)).toBe(
      '22 July 2020 – 2 September 2020 (within weeks)',
    );
    expect(formatVisitDates(dayDate('2020-07-21'), dayDate('2020-07-23'))).toBe('21 July 2020 – 23 July 2020');
  });
});

describe('the one date wording', () => {
  it('writes a day as a diplomat reads it, and leaves anything else as it is', () => {
    expect(dayLabel('2026-12-07')).toBe('7 December 2026');
    expect(dayLabel('2015-03-27')).toBe('27 March 2015');
    expect(dayLabel('sometime')).toBe('sometime');
  });

  it('writes a moment on a 24-hour clock after the day: local on screens, UTC in reports', () => {
    expect(localTimeLabel(new Date(2026, 11, 7, 14, 9))).toBe('7 December 2026, 14:09');
    expect(localTimeLabel(new Date(2026, 0, 1, 0, 0))).toBe('1 January 2026, 00:00');
    expect(localTimeLabel('not a time')).toBe('not a time');
    expect(timestampLabel('2026-11-28T05:40:12.000Z')).toBe('28 November 2026, 05:40 UTC');
  });

  it('names a visit with its first date for pickers', () => {
    expect(visitLabel({ place: placeFor('IR', 'Tehran'), start: dayDate('2020-07-21') }, 'Mustafa al-Kadhemi')).toBe(
      'Mustafa al-Kadhemi → Iran (Tehran), 21 July 2020',
    );
    expect(visitLabel({ place: placeFor('SA'), start: null }, undefined)).toBe('Unknown traveller → Saudi Arabia, date unknown');
  });
});
