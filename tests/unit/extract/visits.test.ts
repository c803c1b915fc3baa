import { describe, expect, it } from 'vitest';
import { extractArticle, type ExtractedVisit } from '../../../shared/extract';

/** "traveller → XX status start" for each proposal, for compact assertions. */
function summary(text: string, publishedOn = '2023-06-21'): string[] {
  return extractArticle(text, { publishedOn }).visits.map(
    (v: ExtractedVisit) =>
      `${v.traveller.name} → ${v.country}${v.city ? ` ${v.city}` : ''} ${v.status} ${v.start ? `${v.start.precision}:${v.start.from}` : '-'}`,
  );
}

describe('places', () => {
  it('resolves capitals, metonyms and "the <demonym> capital"', () => {
    expect(summary('Russian President Vladimir Putin will visit the White House next month.')).toEqual([
      'Vladimir Putin → US Washington planned month:2023-07-01',
    ]);
    expect(summary('US President Joe Biden met Xi Jinping in the Chinese capital on Tuesday.')).toEqual([
      'Joe Biden → CN Beijing completed day:2023-06-20',
    ]);
    expect(summary('Saudi Crown Prince Mohammed bin Salman arrived in Riyadh.')).toEqual([]);
    expect(summary('French President Emmanuel Macron held talks at the Kremlin on Monday.')).toEqual([
      'Emmanuel Macron → RU Moscow completed day:2023-06-19',
    ]);
  });

  it('never proposes the traveller\u2019s own country', () => {
    expect(summary('Iranian President Ebrahim Raisi returned to Tehran after a visit to Beijing.')).toEqual([
      'Ebrahim Raisi → CN Beijing completed -',
    ]);
  });

  it('reads demonyms as nationality, not destination, unless they qualify a visit', () => {
    expect(summary('Turkish Foreign Minister Mevlut Cavusoglu met his Greek counterpart.')).toEqual(['Mevlut Cavusoglu → GR completed -']);
    expect(summary('Prime Minister Mustafa al-Kadhemi had been scheduled to visit Saudi Arabia. The Saudi leg was postponed.')).toEqual([
      'Mustafa al-Kadhemi → SA postponed -',
    ]);
  });

  it('splits a list of destinations, with a date for each', () => {
    expect(summary(' date 2018-08-30 British Prime Minister Theresa May toured South Africa on Tuesday and Nigeria on Wednesday.')).toEqual(
      ['Theresa May → ZA completed day:2018-08-28', 'Theresa May → NG completed day:2018-08-29'],
    );
  });
});

describe('status', () => {
  it('reads planned, postponed, cancelled, underway and completed', () => {
    expect(summary('Japanese Prime Minister Fumio Kishida is set to visit India in March.')[0]).toMatch(/→ IN planned month:2024-03/);
    expect(summary('Japanese Prime Minister Fumio Kishida has put off his visit to India.')[0]).toMatch(/→ IN postponed/);
    expect(summary('Japanese Prime Minister Fumio Kishida called off his trip to India.')[0]).toMatch(/→ IN cancelled/);
    expect(summary('Japanese Prime Minister Fumio Kishida is visiting India this week.')[0]).toMatch(/→ IN underway/);
    expect(summary('Japanese Prime Minister Fumio Kishida visited India in May.')[0]).toMatch(/→ IN completed month:2023-05/);
    expect(summary('Japanese Prime Minister Fumio Kishida returned from India on Monday.')[0]).toMatch(/→ IN completed/);
  });

  it('reads negation as cancellation, and a negated cancellation as no cancellation', () => {
    expect(summary('Japanese Prime Minister Fumio Kishida will not travel to India next week.')[0]).toMatch(
      /→ IN cancelled window:2023-06-26/,
    );
    expect(summary('Japanese Prime Minister Fumio Kishida did not visit India last year.')[0]).toMatch(/→ IN cancelled year:2022/);
    expect(
      summary('Japanese Prime Minister Fumio Kishida will visit India next week. He did not see a need to cancel the trip.')[0],
    ).toMatch(/→ IN planned/);
  });

  it('reads reported speech', () => {
    expect(summary('Turkish Foreign Minister Mevlut Cavusoglu said he would travel to Moscow next month.')).toEqual([
      'Mevlut Cavusoglu → RU Moscow planned month:2023-07-01',
    ]);
  });

  it('reads an arrival for a number of days as underway while the reference day is inside', () => {
    expect(
      summary(
        ' date 2024-04-23 KATHMANDU: Qatar\u2019s Emir Tamim bin Hamad Al-Thani arrived in Kathmandu on a two-day state visit on Tuesday.',
      ),
    ).toEqual(['Tamim bin Hamad Al-Thani → NP Kathmandu underway day:2024-04-23']);
    expect(
      summary(' date 2024-04-26 Qatar\u2019s Emir Tamim bin Hamad Al-Thani arrived in Kathmandu on a two-day state visit on Tuesday.')[0],
    ).toMatch(/completed day:2024-04-23/);
  });

  it('keeps a postponed visit\u2019s original date and the new target apart', () => {
    const r = extractArticle(
      ' date 2022-09-06 President Muhammadu Buhari had accepted to visit Qatar on 11-12 September 2022. Qatar postponed the visit and asked Nigeria to propose new dates for the visit during the first quarter of 2023.',
    );
    const v = r.visits.find((x) => x.country === 'QA')!;
    expect(v.status).toBe('postponed');
    expect(v.start).toEqual({ precision: 'day', from: '2022-09-11', to: '2022-09-11' });
    expect(v.rescheduledTo?.from).toBe('2023-01-01');
  });
});
