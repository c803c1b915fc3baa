import { describe, expect, it } from 'vitest';
import { nameKeys, PeopleMatcher, type MatchablePerson } from '../../../shared/people/match';

// Made-up people; the spellings follow the ways news and data sets vary real names.
const people: MatchablePerson[] = [
  { id: 'orla', name: 'Orla Brennagh', aliases: [] },
  { id: 'karim', name: 'Abdel Karim al-Hadidi', aliases: [] },
  { id: 'pieter', name: 'Pieter J. Van Dalen', aliases: ['P. J. van Dalen'] },
  { id: 'george-w', name: 'George W. Mallory', aliases: [] },
  { id: 'george-hw', name: 'George H. W. Mallory', aliases: [] },
  { id: 'nadia', name: 'Nadia Qasimova', aliases: ['Nadia Kasimova'] },
  { id: 'tarek', name: 'Sheikh Tarek bin Hamad', aliases: [] },
];
const matcher = new PeopleMatcher(people);

describe('nameKeys', () => {
  it('folds case, accents, honorifics and articles, and keeps initials apart', () => {
    expect(nameKeys('President Orla J. BRENNÁGH')).toEqual({
      full: 'orla j brennagh',
      noInitials: 'orla brennagh',
      initials: 'j',
      loose: 'rl|brng',
    });
    expect(nameKeys('Abdel Karim al-Hadidi').loose).toBe(nameKeys('Abdelkarim Said Elhadidi').loose);
    expect(nameKeys('Madrid').loose).toBe('');
  });
});

describe('PeopleMatcher.match', () => {
  it('is certain of the same name in another case or with accents', () => {
    expect(matcher.match('ORLA BRENNÁGH').certain).toEqual({ id: 'orla', reason: 'same name' });
    expect(matcher.match('Prime Minister Orla Brennagh').certain?.id).toBe('orla');
  });

  it('is certain of an alias', () => {
    expect(matcher.match('Nadia Kasimova').certain).toEqual({ id: 'nadia', reason: 'alias' });
  });

  it('is certain when only a middle initial differs, on either side', () => {
    expect(matcher.match('Orla K. Brennagh').certain).toEqual({ id: 'orla', reason: 'middle initial' });
    expect(matcher.match('Pieter Van Dalen').certain).toEqual({ id: 'pieter', reason: 'middle initial' });
  });

  it('never takes different initials for the same person', () => {
    expect(matcher.match('George W. Mallory').certain?.id).toBe('george-w');
    expect(matcher.match('George H. W. Mallory').certain?.id).toBe('george-hw');
    expect(matcher.match('George W. Mallory').likely.map((m) => m.id)).not.toContain('george-hw');
    // Initials written together are still two.
    expect(matcher.match('George H.W. Mallory').certain?.id).toBe('george-hw');
    expect(nameKeys('George H.W. Mallory').initials).toBe('hw');
  });

  it('offers, without deciding, a name that fits two people', () => {
    const r = matcher.match('George Mallory');
    expect(r.certain).toBeNull();
    expect(r.likely.map((m) => m.id).sort()).toEqual(['george-hw', 'george-w']);
  });

  it('offers transliteration variants as likely only', () => {
    for (const variant of ['Abdelkarim Said Elhadidi', 'Abdel Kareem Al Hadidy', 'Abd al-Karim Alhadidi']) {
      const r = matcher.match(variant);
      expect(r.certain, variant).toBeNull();
      expect(r.likely, variant).toEqual([{ id: 'karim', reason: 'spelling variant' }]);
    }
    expect(matcher.match('Nadia Qasimowa').likely).toEqual([{ id: 'nadia', reason: 'spelling variant' }]);
  });

  it('matches nobody for another person with the same surname or given name', () => {
    expect(matcher.match('Liam Brennagh')).toEqual({ certain: null, likely: [] });
    expect(matcher.match('Orla Whelan')).toEqual({ certain: null, likely: [] });
    expect(matcher.match('Tarek bin Khalid')).toEqual({ certain: null, likely: [] });
    expect(matcher.match('')).toEqual({ certain: null, likely: [] });
  });
});

describe('PeopleMatcher.duplicatePairs', () => {
  it('pairs same names, aliases, middle initials and spelling variants, each pair once', () => {
    const m = new PeopleMatcher([
      ...people,
      { id: 'orla-2', name: 'Orla M. Brennagh', aliases: [] },
      { id: 'karim-2', name: 'Abdelkarim Said Elhadidi', aliases: [] },
      { id: 'karim-3', name: 'Abdel Karim Said Alhadidi', aliases: [] },
      { id: 'nadia-2', name: 'Nadia Kasimova', aliases: [] },
      { id: 'tarek-2', name: 'Tarek bin Hamad', aliases: ['Sheikh Tarek'] },
    ]);
    const pairs = m
      .duplicatePairs()
      .map((p) => `${p.a}+${p.b}: ${p.reason}`)
      .sort();
    expect(pairs).toEqual([
      'karim+karim-2: spelling variant',
      'karim+karim-3: spelling variant',
      'karim-2+karim-3: spelling variant',
      'nadia+nadia-2: alias',
      'orla+orla-2: middle initial',
      'tarek+tarek-2: same name',
    ]);
  });

  it('stays quick with fifteen hundred people', () => {
    // Made-up words whose consonant skeletons all differ ("Boden", "Bofen"…): 1,600 different people.
    const consonants = 'bdfghjlmprstvxz'; // none that romanisations trade (c, k, q, w)
    const words = [...consonants].flatMap((a) => [...consonants].filter((b) => b !== a).map((b) => `${a.toUpperCase()}o${b}en`));
    const many: MatchablePerson[] = [];
    for (let i = 0; i < 1600; i++) {
      const given = words[i % 40]!;
      const surname = words[40 + Math.floor(i / 40)]!;
      many.push({ id: `p${i}`, name: `${given} ${surname}`, aliases: [`${given.toUpperCase()} ${surname.toUpperCase()}`] });
    }
    const began = performance.now();
    const pairs = new PeopleMatcher(many).duplicatePairs();
    expect(performance.now() - began).toBeLessThan(1000);
    expect(pairs.length).toBe(0);
  });
});
