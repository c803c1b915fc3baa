import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../shared/extract';

const ref = (text: string, publishedOn?: string) => {
  const r = extractArticle(text, { publishedOn });
  return { date: r.referenceDate, source: r.referenceSource, place: r.datelinePlace };
};

describe('reference date and dateline', () => {
  it('reads a leading " date YYYY-MM-DD" line and a TEHRAN: dateline', () => {
    expect(ref(' date 2020-07-22 TEHRAN: Iran\u00B4s supreme leader said.', '2019-01-01')).toEqual({
      date: '2020-07-22',
      source: 'date-line',
      place: { country: 'IR', city: 'Tehran' },
    });
  });

  it('reads "SEOUL, June 9 (Yonhap) --" with the year from the caller', () => {
    expect(ref('SEOUL, June 9 (Yonhap) -- President Moon spoke.', '2021-06-10')).toEqual({
      date: '2021-06-09',
      source: 'dateline',
      place: { country: 'KR', city: 'Seoul' },
    });
  });

  it('reads "WASHINGTON, July 15:" and picks the year closest to the caller date', () => {
    expect(ref('WASHINGTON, July 15: The president said.', '2022-01-03').date).toBe('2021-07-15');
    expect(ref('WASHINGTON, July 15: The president said.', '2022-07-16').date).toBe('2022-07-15');
  });

  it('reads "Washington(D.C.) [U.S.], Jan. 26(ANI):" with the year of an "Updated" line', () => {
    const text = 'Headline\n\n| Updated: Jan 27, 2017 04:30 IST\n\nWashington(D.C.) [U.S.], Jan. 26(ANI): Mexican President spoke.';
    expect(ref(text)).toEqual({ date: '2017-01-26', source: 'dateline', place: { country: 'US', city: 'Washington' } });
  });

  it('reads "Published On:" and date-only lines', () => {
    expect(ref('Qatar Emir arrives\n\nKATHMANDU: The Emir arrived.\n\nPublished On: 23 Apr 2024').date).toBe('2024-04-23');
    expect(ref('Rouhani reschedules Euro trip\n\n19 Jan, 2016\n\nIran\u2019s President will travel.').date).toBe('2016-01-19');
    expect(ref('Headline\n\nposted on: Aug 28, 2015\n\nText.').date).toBe('2015-08-28');
  });

  it('falls back to the caller date, or to none', () => {
    expect(ref('Prime Minister John Key will pay an official visit.', '2009-11-16')).toEqual({
      date: '2009-11-16',
      source: 'caller',
      place: null,
    });
    expect(ref('Prime Minister John Key will pay an official visit.')).toEqual({ date: null, source: 'none', place: null });
  });

  it('takes a "MANILA, Philippines -" dateline as a place without a date', () => {
    expect(ref('Obama cancels visit\nMANILA, Philippines - US President Barack Obama has canceled.', '2013-10-02')).toEqual({
      date: '2013-10-02',
      source: 'caller',
      place: { country: 'PH', city: 'Manila' },
    });
  });
});
