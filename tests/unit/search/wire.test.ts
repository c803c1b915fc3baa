/**
 * The packed form a search result crosses from the worker to the window in: what the window
 * unpacks is the result the engine made, field for field, whatever its strings hold.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACETS, STORED_FIELDS, type FacetCounts, type SearchHit, type SearchResult } from '../../../shared/search';
import { createIndexState, runQuery, upsertDocs } from '../../../shared/search/engine';
import { packResult, unpackResult } from '../../../shared/search/wire';
import { searchDoc } from './support';

/** Any text: empty, NUL and other control characters, lone and paired surrogates, long. */
const textArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constant(''),
  fc.constant('\u0000'),
  fc.string({ maxLength: 500 }),
);

const hitArb: fc.Arbitrary<SearchHit> = fc.record({
  type: fc.constantFrom('visit', 'person', 'source', 'note', 'event' as const),
  recordId: textArb,
  title: textArb,
  subtitle: textArb,
  snippet: textArb,
  href: textArb,
  status: textArb,
  country: textArb,
  travellerId: textArb,
  traveller: textArb,
  kind: textArb,
  year: textArb,
  score: fc.double({ noNaN: true }),
});

const facetArb = fc.record({
  values: fc.array(fc.record({ value: textArb, label: textArb, count: fc.nat(), selected: fc.boolean() }), { maxLength: 8 }),
  distinct: fc.nat(),
});

const resultArb: fc.Arbitrary<SearchResult> = fc.record({
  hits: fc.array(hitArb, { maxLength: 12 }),
  total: fc.nat(),
  facets: fc.tuple(...FACETS.map(() => facetArb)).map((cs) => Object.fromEntries(FACETS.map((f, i) => [f, cs[i]!])) as FacetCounts),
  terms: fc.array(textArb, { maxLength: 6 }),
  tookMs: fc.double({ min: 0, max: 1e4, noNaN: true }),
});

describe('packed search results', () => {
  it('unpack(pack(result)) is the result, whatever its strings and numbers', () => {
    fc.assert(
      fc.property(resultArb, (r) => {
        const packed = structuredClone(packResult(r)); // as postMessage copies it
        expect(unpackResult(packed)).toStrictEqual(structuredClone(r)); // (fast-check records have no prototype)
      }),
      { numRuns: 300 },
    );
  });

  it('carries every stored field of a hit (a field added to STORED_FIELDS must be packed and unpacked too)', () => {
    const hit = Object.fromEntries(STORED_FIELDS.map((f) => [f, `${f} value`])) as unknown as SearchHit;
    hit.type = 'visit';
    hit.score = 2.5;
    const r: SearchResult = {
      hits: [hit],
      total: 1,
      facets: Object.fromEntries(FACETS.map((f) => [f, { values: [], distinct: 0 }])) as unknown as FacetCounts,
      terms: [],
      tookMs: 0,
    };
    const back = unpackResult(packResult(r));
    expect(Object.keys(back.hits[0]!).sort()).toEqual([...STORED_FIELDS, 'score'].sort());
    expect(back).toStrictEqual(r);
  });

  it('carries a real query’s hits, facet counts and terms, in the same order', () => {
    const state = createIndexState();
    upsertDocs(
      state,
      Array.from({ length: 40 }, (_, i) =>
        searchDoc(i, {
          title: i % 2 === 0 ? 'Kadhemi in Tehran' : 'Kadhimi to Riyadh',
          text: 'talks on trade and security',
          country: i % 3 === 0 ? 'IR' : 'SA',
          travellerId: `p${i % 4}`,
          traveller: `Traveller ${i % 4}`,
          status: i % 5 === 0 ? 'postponed' : 'completed',
          year: String(2018 + (i % 3)),
        }),
      ),
    );
    const r = runQuery(state, { q: 'kadhemi trade', facets: { country: ['IR'] }, limit: 10 });
    expect(r.hits.length).toBeGreaterThan(0);
    expect(r.terms.length).toBeGreaterThan(1);
    expect(r.facets.country.values.some((v) => v.selected)).toBe(true);
    expect(unpackResult(structuredClone(packResult(r)))).toStrictEqual(r);
  });
});
