/**
 * A search result as the worker posts it to the window: every string end to end in one string
 * (cut by `lengths`) and every number in one typed array. Cloning a result as objects (about a
 * thousand strings) cost the window's thread as much as the query itself; one string and two typed
 * arrays clone as three copies, and the window rebuilds the objects from them cheaply (figures in
 * bench/RESULTS.md).
 */
import { FACETS, STORED_FIELDS, type FacetCounts, type SearchHit, type SearchResult } from './index';

export interface PackedResult {
  /** The strings: each hit's stored fields (STORED_FIELDS order), each facet's values (value, label), then the terms. */
  text: string;
  lengths: Int32Array;
  /** Each hit's score; per facet (FACETS order) its value count and distinct, then each value's count and selected (1/0). */
  numbers: Float64Array;
  hits: number;
  total: number;
  tookMs: number;
}

export function packResult(r: SearchResult): PackedResult {
  const strings: string[] = [];
  const numbers: number[] = [];
  for (const h of r.hits) {
    for (const f of STORED_FIELDS) strings.push(h[f]);
    numbers.push(h.score);
  }
  for (const f of FACETS) {
    const c = r.facets[f];
    numbers.push(c.values.length, c.distinct);
    for (const v of c.values) {
      strings.push(v.value, v.label);
      numbers.push(v.count, v.selected ? 1 : 0);
    }
  }
  for (const t of r.terms) strings.push(t);
  return {
    text: strings.join(''),
    lengths: Int32Array.from(strings, (s) => s.length),
    numbers: Float64Array.from(numbers),
    hits: r.hits.length,
    total: r.total,
    tookMs: r.tookMs,
  };
}

export function unpackResult(p: PackedResult): SearchResult {
  const { text, lengths, numbers } = p;
  let si = 0;
  let at = 0;
  let ni = 0;
  const str = (): string => {
    const len = lengths[si++]!;
    const s = text.slice(at, at + len);
    at += len;
    return s;
  };
  const num = (): number => numbers[ni++]!;
  const hits: SearchHit[] = [];
  for (let i = 0; i < p.hits; i++) {
    // Written out in STORED_FIELDS order (a test holds the two together).
    hits.push({
      type: str() as SearchHit['type'],
      recordId: str(),
      title: str(),
      subtitle: str(),
      snippet: str(),
      href: str(),
      status: str(),
      country: str(),
      travellerId: str(),
      traveller: str(),
      kind: str(),
      year: str(),
      score: num(),
    });
  }
  const facets = {} as FacetCounts;
  for (const f of FACETS) {
    const n = num();
    const distinct = num();
    const values: FacetCounts[typeof f]['values'] = [];
    for (let i = 0; i < n; i++) {
      const value = str();
      const label = str();
      values.push({ value, label, count: num(), selected: num() === 1 });
    }
    facets[f] = { values, distinct };
  }
  const terms: string[] = [];
  while (si < lengths.length) terms.push(str());
  return { hits, total: p.total, facets, terms, tookMs: p.tookMs };
}
