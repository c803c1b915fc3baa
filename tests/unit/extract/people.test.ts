import { describe, expect, it } from 'vitest';
import { extractArticle, matchKnownPerson } from '../../../shared/extract';
import { initialsOf, isShortFormOf, namesEqual, skeleton } from '../../../shared/extract/names';

describe('name comparison', () => {
  it('folds case, accents, hyphens and "al-" prefixes, and allows vowel variants', () => {
    expect(namesEqual('Mustafa al-Kadhemi', 'Mustafa Al-Kadhimi')).toBe(true);
    expect(namesEqual('Pena Nieto', 'Peña Nieto')).toBe(true);
    expect(namesEqual('Tamim bin Hamad Al Thani', 'Tamim bin Hamad Al-Thani')).toBe(true);
    expect(skeleton('isaias')).toBe(skeleton('isias'));
    expect(namesEqual('Li Qiang', 'Le Qiang')).toBe(false);
  });

  it('knows short forms but not a father\u2019s name', () => {
    expect(isShortFormOf('Kadhimi', 'Mustafa al-Kadhemi')).toBe(true);
    expect(isShortFormOf('Pena Nieto', 'Enrique Peña Nieto')).toBe(true);
    expect(isShortFormOf('Al Thani', 'Tamim bin Hamad Al-Thani')).toBe(true);
    expect(isShortFormOf('Salman', 'Mohammad bin Salman')).toBe(false);
    expect(initialsOf('Emmerson Mnangagwa')).toBe('EM');
  });

  it('matches known people by name and alias, refusing ambiguity', () => {
    const known = [
      { id: 'k', name: 'Mustafa al-Kadhimi', aliases: ['Kadhimi'], country: 'IQ' },
      { id: 'a', name: 'Ali Khamenei', aliases: ['Khamenei'], country: 'IR' },
      { id: 'm1', name: 'Mohammad bin Salman', aliases: [], country: 'SA' },
      { id: 'm2', name: 'Mohammad bin Nayef', aliases: [], country: 'SA' },
    ];
    expect(matchKnownPerson('Kadhemi', known)?.id).toBe('k');
    expect(matchKnownPerson('Ayatollah Ali Khamenei', known)?.id).toBe('a');
    expect(matchKnownPerson('Mohammad', known)).toBeNull();
    expect(matchKnownPerson('Joe Biden', known)).toBeNull();
  });
});

describe('people in an article', () => {
  const text =
    ' date 2020-07-22 TEHRAN: Iran\u00B4s supreme leader told Iraq\u00B4s visiting premier on Tuesday that Tehran will not interfere. ' +
    'Prime Minister Mustafa al-Kadhemi of Iraq met Ayatollah Ali Khamenei in the Iranian capital. Kadhemi is also set to visit Washington within weeks.';

  it('resolves full names, surnames and titles to one person, with title and country', () => {
    const r = extractArticle(text, { knownPeople: [{ id: 'p1', name: 'Mustafa al-Kadhimi', aliases: ['Kadhimi'], country: 'IQ' }] });
    const kadhemi = r.people.find((p) => p.name === 'Mustafa al-Kadhemi')!;
    expect(kadhemi.title).toBe('Prime Minister');
    expect(kadhemi.country).toBe('IQ');
    expect(kadhemi.mentions).toEqual(expect.arrayContaining(['Kadhemi', "Iraq's visiting premier"]));
    expect(kadhemi.knownPersonId).toBe('p1');
    expect(r.visits.map((v) => [v.traveller.name, v.country, v.start?.from])).toEqual([
      ['Mustafa al-Kadhemi', 'IR', '2020-07-21'],
      ['Mustafa al-Kadhemi', 'US', '2020-07-22'],
    ]);
  });

  it('resolves initials, first-name usage and a title-only subject', () => {
    const r = extractArticle(
      ' date 2019-01-22 Zimbabwe President Emmerson Mnangagwa has cancelled his trip to Davos. EM was on a tour covering Russia and Belarus.',
    );
    expect(new Set(r.visits.map((v) => v.traveller.name))).toEqual(new Set(['Emmerson Mnangagwa']));
    expect(r.visits.map((v) => v.country)).toEqual(['CH', 'RU', 'BY']);
    const china = extractArticle(
      "China's top diplomat has postponed a visit to Somalia. Wang Yi's planned visit would have been the first since the 1980s.",
      {
        publishedOn: '2026-01-09',
      },
    );
    expect(china.visits[0]!.traveller).toMatchObject({ name: 'Wang Yi', country: 'CN', title: 'Foreign Minister' });
  });

  it('does not take organisations or places for people', () => {
    const r = extractArticle('The White House said the Jomo Kenyatta International Airport and Buenos Aires were ready.');
    expect(r.people).toEqual([]);
  });
});
