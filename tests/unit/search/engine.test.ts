import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACETS, countFacets, type SearchDoc } from '../../../shared/search';
import { createIndexState, removeDocs, restoreIndex, runQuery, serializeIndex, upsertDocs } from '../../../shared/search/engine';
import { facetSelectionArb, searchDoc } from './support';

const doc = (i: number, over: Partial<SearchDoc> = {}): SearchDoc =>
  searchDoc(i, { title: `Leader ${i}`, text: 'common words here', ...over });

const docArb = fc.record({
  type: fc.constantFrom('visit', 'person', 'note' as const),
  status: fc.constantFrom('', 'planned', 'postponed', 'completed'),
  country: fc.constantFrom('', 'IR', 'SA', 'US'),
  travellerId: fc.constantFrom('', 'a', 'b'),
  kind: fc.constantFrom('', 'state', 'official'),
  year: fc.constantFrom('', '2019', '2020'),
});
const selArb = facetSelectionArb({
  type: ['visit', 'person', 'note'],
  status: ['planned', 'postponed', 'completed', 'cancelled'],
  country: ['IR', 'SA', 'US'],
  traveller: ['a', 'b', 'zz'],
  kind: ['state', 'official'],
  year: ['2019', '2020'],
});

describe('index engine', () => {
  it('counts facets and narrows exactly as countFacets over the matches', () => {
    fc.assert(
      fc.property(fc.array(docArb, { maxLength: 40 }), selArb, fc.integer({ min: 0, max: 10 }), (rows, sel, removed) => {
        const state = createIndexState();
        const docs = rows.map((r, i) => doc(i, { ...r, traveller: r.travellerId.toUpperCase() }));
        upsertDocs(state, docs);
        removeDocs(
          state,
          docs.slice(0, removed).map((d) => d.id),
        );
        const live = docs.slice(removed);
        const r = runQuery(state, { q: 'common', facets: sel, limit: 1000 });
        const expected = countFacets(live, sel, 50);
        for (const f of FACETS) expect(r.facets[f]).toEqual(expected[f]);
        const passing = live.filter((d) =>
          FACETS.every((f) => !sel[f]?.length || sel[f].includes(f === 'traveller' ? d.travellerId : d[f])),
        );
        expect(r.total).toBe(passing.length);
        expect(r.hits.map((h) => h.recordId).sort()).toEqual(passing.map((d) => d.recordId).sort());
      }),
      { numRuns: 150 },
    );
  });

  it('drops removed and replaced documents when compacting, answering the same', () => {
    const state = createIndexState();
    upsertDocs(
      state,
      Array.from({ length: 3000 }, (_, i) => doc(i, { text: `apricot ${i % 3 === 0 ? 'fig' : 'plum'}` })),
    );
    upsertDocs(
      state,
      Array.from({ length: 1500 }, (_, i) => doc(i, { text: `apricot quince` })),
    );
    expect(state.dead).toBe(0); // compacted: 1,500 dead of 4,500 slots passed the threshold
    expect(state.stored.length).toBe(3000);
    expect(runQuery(state, { q: 'apricot', facets: {} }).total).toBe(3000);
    expect(runQuery(state, { q: 'quince', facets: {} }).total).toBe(1500);
    expect(runQuery(state, { q: 'fig', facets: {} }).total).toBe(500);
    const restored = restoreIndex(serializeIndex(state));
    // Saved in many small parts (postings split inside a term's list): the same index again.
    const fromParts = restoreIndex(serializeIndex(state, { strings: 7, postings: 11 }));
    expect(fromParts.termList).toEqual(restored.termList);
    expect(fromParts.postDocs.map((p) => Array.from(p))).toEqual(restored.postDocs.map((p) => Array.from(p)));
    expect(fromParts.postWeights.map((p) => Array.from(p))).toEqual(restored.postWeights.map((p) => Array.from(p)));
    expect(fromParts.stored).toEqual(restored.stored);
    expect([...fromParts.fingerprints]).toEqual([...restored.fingerprints]);
    for (const q of ['apricot', 'quince fig', 'aprikot', 'qui']) {
      const a = runQuery(state, { q, facets: {}, limit: 20 });
      const b = runQuery(restored, { q, facets: {}, limit: 20 });
      expect(b.total, q).toBe(a.total);
      expect(b.hits.map((h) => [h.recordId, h.score])).toEqual(a.hits.map((h) => [h.recordId, h.score]));
    }
  });
});
