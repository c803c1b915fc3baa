import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSeed, SEED_IDS } from '../../../shared/seed';
import {
  FACETS,
  countFacets,
  excerpt,
  facetValue,
  highlightSegments,
  personDoc,
  queryTerms,
  visitDoc,
  type FacetName,
  type FacetSelection,
  type StoredDoc,
} from '../../../shared/search';
import { facetSelectionArb } from './support';

describe('text folding', () => {
  it('folds accents, article prefixes, possessives and dotted abbreviations', () => {
    expect(queryTerms('al-Kadhimi')).toEqual(['kadhimi']);
    expect(queryTerms("Kadhemi's")).toEqual(['kadhemi']);
    expect(queryTerms('Kāḏimī')).toEqual(['kadimi']);
    expect(queryTerms('El-Sisi in the U.S.')).toEqual(['sisi', 'in', 'the', 'us']);
    expect(queryTerms('Straße Łódź Ørsted')).toEqual(['strasse', 'lodz', 'orsted']);
    expect(queryTerms('  ,;  ')).toEqual([]);
  });

  it('highlights the words whose folded form matched, keeping the original text', () => {
    const segs = highlightSegments('Mustafa al-Kādhemi → Iran', ['kadhemi', 'iran']);
    expect(segs.map((s) => s.text).join('')).toBe('Mustafa al-Kādhemi → Iran');
    expect(segs.filter((s) => s.match).map((s) => s.text)).toEqual(['Kādhemi', 'Iran']);
    expect(highlightSegments('plain', [])).toEqual([{ text: 'plain', match: false }]);
  });

  it('cuts an excerpt around the first match', () => {
    const text = `${'word '.repeat(100)}Tehran ${'more '.repeat(100)}`;
    const e = excerpt(text, ['tehran'], 80);
    expect(e).toContain('Tehran');
    expect(e.startsWith('…')).toBe(true);
    expect(e.endsWith('…')).toBe(true);
    expect(e.length).toBeLessThanOrEqual(82);
  });
});

describe('documents', () => {
  it('puts traveller names, aliases and host country on a visit', () => {
    const seed = buildSeed();
    const people = new Map(seed.people.map((p) => [p.id, p]));
    const tehran = seed.visits.find((v) => v.id === SEED_IDS.tehranVisit)!;
    const doc = visitDoc(tehran, people);
    expect(doc.title).toBe('Mustafa al-Kadhemi → Iran, Tehran');
    expect(doc.names).toContain('Kadhimi');
    expect(doc.place).toContain('Iran');
    expect(doc.place).toContain('IR');
    expect(doc).toMatchObject({ type: 'visit', status: 'completed', country: 'IR', year: '2020', href: `#/visits/${tehran.id}` });
    const person = personDoc(seed.people.find((p) => p.id === SEED_IDS.kadhemi)!);
    expect(person.href).toBe(`#/people/${SEED_IDS.kadhemi}`);
  });
});

/** Facet counts as the definition says: for each facet, over results passing every other selected facet. */
function naiveFacetCounts(docs: StoredDoc[], sel: FacetSelection): Record<FacetName, Map<string, number>> {
  const out = {} as Record<FacetName, Map<string, number>>;
  for (const f of FACETS) {
    const m = new Map<string, number>();
    for (const d of docs) {
      const passes = FACETS.every((g) => g === f || !sel[g]?.length || sel[g].includes(facetValue(d, g)));
      const v = facetValue(d, f);
      if (passes && v !== '') m.set(v, (m.get(v) ?? 0) + 1);
    }
    out[f] = m;
  }
  return out;
}

const docArb = fc.record({
  type: fc.constantFrom('visit', 'person', 'source', 'note', 'event' as const),
  recordId: fc.uuid(),
  title: fc.string(),
  subtitle: fc.constant(''),
  snippet: fc.constant(''),
  href: fc.constant(''),
  status: fc.constantFrom('', 'planned', 'postponed', 'completed'),
  country: fc.constantFrom('', 'IR', 'SA', 'US'),
  travellerId: fc.constantFrom('', 'a', 'b', 'c'),
  traveller: fc.constantFrom('A', 'B'),
  kind: fc.constantFrom('', 'state', 'official', 'working'),
  year: fc.constantFrom('', '2019', '2020', '2021'),
}) as fc.Arbitrary<StoredDoc>;

const selArb = facetSelectionArb({
  type: ['visit', 'person', 'note'],
  status: ['planned', 'postponed', 'completed'],
  country: ['IR', 'SA', 'US'],
  traveller: ['a', 'b', 'c'],
  kind: ['state', 'official', 'working'],
  year: ['2019', '2020', '2021'],
});

describe('facet counts', () => {
  it('equal a naive count for any documents and selection', () => {
    fc.assert(
      fc.property(fc.array(docArb, { maxLength: 60 }), selArb, (docs, sel) => {
        const fast = countFacets(docs, sel, 1000);
        const naive = naiveFacetCounts(docs, sel);
        for (const f of FACETS) {
          const got = new Map(fast[f].values.filter((v) => v.count > 0).map((v) => [v.value, v.count]));
          expect(got).toEqual(naive[f]);
          for (const v of sel[f] ?? []) expect(fast[f].values.find((x) => x.value === v)?.selected).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the largest values and every selected one when cutting the list', () => {
    const base: StoredDoc = {
      type: 'visit',
      recordId: '',
      title: '',
      subtitle: '',
      snippet: '',
      href: '',
      status: '',
      country: '',
      travellerId: '',
      traveller: '',
      kind: '',
      year: '',
    };
    const docs = Array.from({ length: 30 }, (_, i): StoredDoc => ({ ...base, year: String(2000 + (i % 10)) }));
    const counts = countFacets(docs, { year: ['2000'] }, 3);
    expect(counts.year.distinct).toBe(10);
    expect(counts.year.values.map((v) => v.value)).toEqual(['2009', '2008', '2007', '2000']);
  });
});
