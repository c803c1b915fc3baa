/**
 * The engine's fast paths against the plain definitions they stand for: the best k hits from a
 * heap against a full sort, facet counts from trimmed tallies against countFacets, the terms a result
 * highlights, and the cap on what one query word expands to.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FACETS, countFacets, highlightSegments, type SearchDoc } from '../../../shared/search';
import {
  MAX_EXPANSIONS,
  TopK,
  compact,
  createIndexState,
  removeDocs,
  restoreIndex,
  runQuery,
  scanTally,
  serializeIndex,
  upsertDocs,
} from '../../../shared/search/engine';
import { facetSelectionArb, searchDoc } from './support';

const doc = searchDoc;

const VOCAB = ['summit', 'summits', 'state', 'statement', 'visit', 'visits', 'trade', 'treaty', 'minister', 'ministerial', 'prime'];

const rowArb = fc.record({
  title: fc.array(fc.constantFrom(...VOCAB), { maxLength: 3 }),
  text: fc.array(fc.constantFrom(...VOCAB), { maxLength: 8 }),
  names: fc.array(fc.constantFrom(...VOCAB), { maxLength: 2 }),
  traveller: fc.integer({ min: 0, max: 119 }),
  country: fc.integer({ min: 0, max: 69 }),
  year: fc.integer({ min: 1900, max: 2010 }),
  status: fc.constantFrom('', 'planned', 'completed', 'cancelled'),
  type: fc.constantFrom('visit', 'person', 'note' as const),
});

type Row = typeof rowArb extends fc.Arbitrary<infer R> ? R : never;

function rowDoc(r: Row, i: number): SearchDoc {
  // Skewed value distributions, so that many facet values tie at the cut of 50.
  const traveller = `t${Math.floor(r.traveller ** 2 / 120)}`;
  return doc(i, {
    type: r.type,
    title: r.title.join(' ') || `Record ${i}`,
    subtitle: i % 3 === 0 ? 'Visit of state' : 'Trade talks',
    snippet: r.text.join(' '),
    text: r.text.join(' '),
    names: r.names.join(' '),
    status: r.status,
    travellerId: traveller,
    traveller: traveller.toUpperCase(),
    country: `C${Math.floor(r.country ** 2 / 70)}`,
    year: r.year % 7 === 0 ? '' : String(r.year),
  });
}

const selArb = facetSelectionArb({
  type: ['visit', 'person', 'note'],
  status: ['planned', 'completed', 'cancelled'],
  country: ['C0', 'C1', 'C5', 'C30', 'C69', 'C999'],
  traveller: ['t0', 't1', 't7', 't40', 't119', 'zz'],
  year: ['1900', '1950', '2001', '2010'],
});

const queryArb = fc.oneof(
  fc.constantFrom(...VOCAB),
  fc.tuple(fc.constantFrom(...VOCAB), fc.constantFrom(...VOCAB)).map(([a, b]) => `${a} ${b}`),
  fc.constantFrom('sum', 'stat', 'minis', 'tradr', 'ministrial', 'vis trade'),
);

describe('best hits without a full sort', () => {
  it('TopK keeps what a full sort puts first, ties to the older slot', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 300, size: 'max' }),
        fc.integer({ min: 0, max: 80 }),
        fc.integer(),
        (raw, k, seed) => {
          const scores = Float64Array.from(raw, (x) => x / 4);
          // Offer slots in a shuffled order: the result must not depend on it.
          const slots = raw.map((_, i) => i);
          let s = seed;
          for (let i = slots.length - 1; i > 0; i--) {
            s = (Math.imul(s, 1103515245) + 12345) | 0;
            const j = Math.abs(s) % (i + 1);
            [slots[i], slots[j]] = [slots[j]!, slots[i]!];
          }
          const top = new TopK(k, scores);
          for (const d of slots) top.offer(d);
          const full = raw.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
          expect(top.sorted()).toEqual(full.slice(0, k));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('scanTally finds the count at the cut and every value above 0', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 400, size: 'max' }), fc.integer({ min: 1, max: 60 }), (raw, k) => {
        const counts = Int32Array.from(raw);
        const positive = raw.filter((x) => x > 0).sort((a, b) => b - a);
        const { values, threshold } = scanTally(counts, k);
        expect(values).toBe(positive.length);
        expect(threshold).toBe(positive.length > k ? positive[k - 1] : 1);
      }),
    );
  });

  it('returns the first k of the whole ranked list, with the same total and facet counts, whatever k', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 250, size: 'max' }),
        queryArb,
        selArb,
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 30 }),
        (rows, q, sel, k, removed) => {
          const state = createIndexState();
          const docs = rows.map(rowDoc);
          upsertDocs(state, docs);
          removeDocs(
            state,
            docs.slice(0, removed).map((d) => d.id),
          );
          const all = runQuery(state, { q, facets: sel, limit: 1_000_000 });
          const some = runQuery(state, { q, facets: sel, limit: k });
          expect(some.total).toBe(all.total);
          expect(all.hits.length).toBe(all.total);
          expect(some.facets).toEqual(all.facets);
          expect(some.hits).toEqual(all.hits.slice(0, k));
          // The whole list: score descending, then the order the documents were indexed.
          for (let i = 1; i < all.hits.length; i++) {
            const a = all.hits[i - 1]!;
            const b = all.hits[i]!;
            expect(a.score > b.score || (a.score === b.score && Number(a.recordId) < Number(b.recordId))).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('counts facets with many values (cut at 50, ties at the cut, years) exactly as countFacets', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 400, size: 'max' }),
        selArb,
        fc.integer({ min: 0, max: 40 }),
        (rows, sel, removed) => {
          const state = createIndexState();
          const docs = rows.map((r, i) => rowDoc({ ...r, text: [...r.text, 'common'] }, i));
          upsertDocs(state, docs);
          removeDocs(
            state,
            docs.slice(0, removed).map((d) => d.id),
          );
          const live = docs.slice(removed);
          const expected = countFacets(live, sel, 50);
          const r = runQuery(state, { q: 'common', facets: sel });
          for (const f of FACETS) expect(r.facets[f], f).toEqual(expected[f]);
          const listed = runQuery(state, { q: '', facets: { ...sel, type: ['visit', 'person', 'note'] } });
          const expectedListed = countFacets(live, { ...sel, type: ['visit', 'person', 'note'] }, 50);
          for (const f of FACETS) expect(listed.facets[f], f).toEqual(expectedListed[f]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('scores quality × idf × w / (w + 1.2), summed word by word', () => {
    const state = createIndexState();
    upsertDocs(state, [doc(0, { title: 'summit talks', text: 'summit' }), doc(1, { text: 'summit talks' }), doc(2, { text: 'other' })]);
    const idf = Math.log(1 + 3 / 2); // "summit" and "talks" are in 2 of 3 documents
    const scores = (q: string) => runQuery(state, { q, facets: {} }).hits.map((h) => [h.recordId, h.score]);
    expect(scores('summit')).toEqual([
      ['0', 1 * idf * (4 / (4 + 1.2))], // title (3) + text (1)
      ['1', 1 * idf * (1 / (1 + 1.2))],
    ]);
    expect(scores('summ')).toEqual([
      ['0', 0.5 * idf * (4 / (4 + 1.2))],
      ['1', 0.5 * idf * (1 / (1 + 1.2))],
    ]);
    // A fuzzy match: 0.45 over one plus its edits (here one).
    expect(scores('summat')).toEqual([
      ['0', (0.45 / 2) * idf * (4 / (4 + 1.2))],
      ['1', (0.45 / 2) * idf * (1 / (1 + 1.2))],
    ]);
    expect(scores('summit talks')).toEqual([
      ['0', 1 * idf * (4 / (4 + 1.2)) + 1 * idf * (3 / (3 + 1.2))],
      ['1', 1 * idf * (1 / (1 + 1.2)) + 1 * idf * (1 / (1 + 1.2))],
    ]);
  });

  it('lists a facet’s records in the order they were indexed when nothing is typed', () => {
    const state = createIndexState();
    upsertDocs(
      state,
      Array.from({ length: 300 }, (_, i) => doc(i, { status: i % 2 ? 'planned' : 'completed' })),
    );
    removeDocs(state, ['visit:1', 'visit:3']);
    const r = runQuery(state, { q: '', facets: { status: ['planned'] }, limit: 5 });
    expect(r.total).toBe(148);
    expect(r.hits.map((h) => h.recordId)).toEqual(['5', '7', '9', '11', '13']);
    expect(r.hits.every((h) => h.score === 0)).toBe(true);
    expect(r.terms).toEqual([]);
  });
});

describe('the terms a result highlights', () => {
  it('are the index terms its words stood for (exact, longer, near spellings), and mark those words in a hit’s text', () => {
    const state = createIndexState();
    upsertDocs(state, [
      doc(1, { title: 'Mustafa al-Kadhimi in Tehran', text: 'Summits and summitry' }),
      doc(2, { title: 'Kadhimi’s trade talks', text: 'A statement on trade' }),
      doc(3, { title: 'Summit in Riyadh', text: 'Postponed' }),
    ]);
    const r = runQuery(state, { q: 'Kadhemi summit', facets: {} });
    expect(r.hits.map((h) => h.recordId)).toEqual(['1']);
    // "summit" itself is only in a record without Kadhimi: not a term of this result.
    expect([...r.terms].sort()).toEqual(['kadhimi', 'summitry', 'summits']);
    const marked = (text: string) =>
      highlightSegments(text, r.terms)
        .filter((x) => x.match)
        .map((x) => x.text);
    expect(marked(r.hits[0]!.title)).toEqual(['Kadhimi']);
    expect(marked('Summits and summitry')).toEqual(['Summits', 'summitry']);
    expect(marked('Riyadh')).toEqual([]);

    expect(runQuery(state, { q: '', facets: { type: ['visit'] } }).terms).toEqual([]);
    expect(runQuery(state, { q: 'kadhimi trade', facets: {} }).terms).toEqual(['kadhimi', 'trade']);
  });
});

describe('what a query word expands to', () => {
  /** Documents with the words "pa0".."pa99", word j in j + 1 documents; and "pax" in one. */
  function prefixState() {
    const state = createIndexState();
    const docs: SearchDoc[] = [];
    for (let j = 0; j < 100; j++) for (let c = 0; c <= j; c++) docs.push(doc(docs.length, { text: `pa${j}` }));
    docs.push(doc(docs.length, { text: 'pa' }));
    upsertDocs(state, docs);
    return { state, docs };
  }

  it(`keeps the word itself and its ${MAX_EXPANSIONS} most frequent prefix matches`, () => {
    const { state } = prefixState();
    const r = runQuery(state, { q: 'pa', facets: {}, limit: 100_000 });
    const found = new Set(r.hits.map((h) => Number(h.recordId)));
    // Words pa36..pa99 (the 64 most frequent) and "pa" itself; pa0..pa35 are dropped.
    const kept = Array.from({ length: MAX_EXPANSIONS }, (_, i) => 99 - i);
    const expectedTotal = kept.reduce((a, j) => a + j + 1, 0) + 1;
    expect(r.total).toBe(expectedTotal);
    expect(found.has(5050)).toBe(true); // the exact "pa"
    // A longer prefix has fewer expansions and finds them all.
    const pa1 = 2 + Array.from({ length: 10 }, (_, i) => 10 + i + 1).reduce((a, b) => a + b); // pa1, pa10..pa19
    expect(runQuery(state, { q: 'pa1', facets: {}, limit: 0 }).total).toBe(pa1);
  });

  it('sees words indexed after the query was first asked, and answers the same after compaction and a restore', () => {
    const state = createIndexState();
    upsertDocs(
      state,
      Array.from({ length: 2000 }, (_, i) => doc(i, { text: `ministerial meeting ${i % 2 ? 'kadhimi' : ''}` })),
    );
    expect(runQuery(state, { q: 'kadhemi', facets: {} }).total).toBe(1000);
    expect(runQuery(state, { q: 'kadh', facets: {} }).total).toBe(1000);
    upsertDocs(state, [doc(5000, { text: 'kadhemi' }), doc(5001, { text: 'kadhami' })]);
    expect(runQuery(state, { q: 'kadhemi', facets: {} }).total).toBe(1002);
    expect(runQuery(state, { q: 'kadh', facets: {} }).total).toBe(1002);
    removeDocs(
      state,
      Array.from({ length: 1000 }, (_, i) => `visit:${2 * i + 1}`),
    );
    compact(state);
    expect(runQuery(state, { q: 'kadhemi', facets: {} }).total).toBe(2);
    const restored = restoreIndex(serializeIndex(state));
    expect(runQuery(restored, { q: 'kadhemi', facets: {} }).total).toBe(2);
    expect(runQuery(state, { q: 'ministrial', facets: {} }).total).toBe(1000);
  });
});
