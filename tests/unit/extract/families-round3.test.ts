import { describe, expect, it } from 'vitest';
import { extractArticle, type ExtractedVisit } from '../../../shared/extract';

/**
 * Families of phrasings added in rules round 3 (sentences written for these tests; people and
 * institutions invented). Each line: "traveller → XX status start".
 */
function summary(text: string, publishedOn = '2024-03-08'): string[] {
  return extractArticle(text, { publishedOn }).visits.map(
    (v: ExtractedVisit) => `${v.traveller.name} → ${v.country} ${v.status} ${v.start ? v.start.from : '-'}`,
  );
}
/** Without the start: "traveller → XX status". */
const statuses = (text: string, publishedOn?: string) => summary(text, publishedOn).map((s) => s.split(' ').slice(0, -1).join(' '));
/** Only "traveller → XX". */
const places = (text: string, publishedOn?: string) => summary(text, publishedOn).map((s) => s.split(' ').slice(0, -2).join(' '));

describe('who travels and where (round 3)', () => {
  it('reads a compass word and a country as one place, never as a person ("North Korea", "South Sudan")', () => {
    expect(places('President Ilse Brandt of Austria will visit South Korea on Tuesday.')).toEqual(['Ilse Brandt → KR']);
    expect(places('Chancellor Ilse Brandt of Austria flew to South Sudan and then to North Macedonia.')).toEqual([
      'Ilse Brandt → SS',
      'Ilse Brandt → MK',
    ]);
  });

  it('never makes "the" and a capitalised word (a parliament, a palace) a traveller', () => {
    expect(
      places('Chancellor Ilse Brandt of Austria will visit Norway on Monday and address the Veldraad.').map((s) => s.split(' → ')[0]),
    ).toEqual(['Ilse Brandt']);
  });

  it('does not hand "his visit" of someone with no trip of their own to the last traveller', () => {
    expect(
      places('President Ilse Brandt of Austria will visit Peru in May. Prime Minister Tomas Reyl of Malta has postponed his visit.'),
    ).toEqual(['Ilse Brandt → PE']);
  });

  it('takes a country named inside a region ("a tour of Southeast Asia, including A and B", "that includes A")', () => {
    expect(statuses('Prime Minister Tomas Reyl of Malta has postponed his tour of Southeast Asia, including Vietnam and Laos.')).toEqual([
      'Tomas Reyl → VN postponed',
      'Tomas Reyl → LA postponed',
    ]);
    expect(places('Prime Minister Tomas Reyl of Malta has postponed his visit to West Africa that includes Ghana.')).toEqual([
      'Tomas Reyl → GH',
    ]);
  });

  it('never makes the person met the traveller ("besides meeting X, Y will...")', () => {
    expect(
      places('Besides meeting President Ilse Brandt, Prime Minister Tomas Reyl of Malta will attend a trade fair in Paris on May 3.').map(
        (s) => s.split(' → ')[0],
      ),
    ).toEqual(['Tomas Reyl']);
  });

  it('reads no destination after a travel noun that has no object ("the visit strengthened ties between A and B")', () => {
    expect(
      places(
        'Prime Minister Tomas Reyl of Malta concluded his visit to Peru today. The Prime Minister\u2019s visit strengthened the ties between Malta and Peru.',
      ),
    ).toEqual(['Tomas Reyl → PE']);
  });

  it('reads the country an invitation is extended to as the guest, not the destination', () => {
    expect(
      places('President Ilse Brandt will visit Peru in May. She said she valued the invitation extended to Austria by her hosts.'),
    ).toEqual(['Ilse Brandt → PE']);
  });
});
