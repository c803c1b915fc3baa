import fc from 'fast-check';
import type { FacetName, FacetSelection, SearchDoc } from '../../../shared/search';

/** A visit document with every field empty but its id, title and link; `over` sets the rest. */
export function searchDoc(i: number, over: Partial<SearchDoc> = {}): SearchDoc {
  return {
    id: `visit:${i}`,
    type: 'visit',
    recordId: String(i),
    title: `Record ${i}`,
    subtitle: '',
    snippet: '',
    href: `#/visits/${i}`,
    status: '',
    country: '',
    travellerId: '',
    traveller: '',
    kind: '',
    year: '',
    names: '',
    place: '',
    text: '',
    tags: '',
    ...over,
  };
}

/** Facet selections drawn from these values per facet (any subset of each, any facets left out). */
export function facetSelectionArb(values: Partial<Record<FacetName, string[]>>): fc.Arbitrary<FacetSelection> {
  const parts = Object.fromEntries(Object.entries(values).map(([facet, list]) => [facet, fc.subarray(list ?? [])]));
  return fc.record(parts, { requiredKeys: [] });
}
