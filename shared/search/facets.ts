/**
 * Facets of search results: counts per value over the whole result set, and narrowing. Values
 * of one facet combine with OR (visits that are planned or postponed), facets with AND (and in
 * Iran). A facet's counts are taken over the results narrowed by every *other* facet, so a
 * count says how many results choosing that value would add or leave — the usual faceted
 * search behaviour, and what `naiveFacetCounts` in the tests spells out.
 */
import { VISIT_KINDS } from '../model';
import { countryName } from '../places';
import type { SearchType, StoredDoc } from './documents';

export const FACETS = ['type', 'status', 'country', 'traveller', 'kind', 'year'] as const;
export type FacetName = (typeof FACETS)[number];

export const FACET_LABELS: Record<FacetName, string> = {
  type: 'Type',
  status: 'Status',
  country: 'Host country',
  traveller: 'Traveller',
  kind: 'Kind of visit',
  year: 'Year',
};

/** Selected values per facet; a missing or empty list leaves that facet open. */
export type FacetSelection = Partial<Record<FacetName, readonly string[]>>;

export interface FacetValue {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

export interface FacetCount {
  values: FacetValue[];
  /** Distinct values in the results (more than `values` holds when the list was cut). */
  distinct: number;
}

export type FacetCounts = Record<FacetName, FacetCount>;

const TYPE_LABELS: Record<SearchType, string> = { visit: 'Visits', person: 'People', source: 'Sources', note: 'Notes', event: 'Events' };

/** The doc's value for a facet ('' when it has none: such docs are not counted). */
export function facetValue(doc: StoredDoc, facet: FacetName): string {
  switch (facet) {
    case 'type':
      return doc.type;
    case 'status':
      return doc.status;
    case 'country':
      return doc.country;
    case 'traveller':
      return doc.travellerId;
    case 'kind':
      return doc.kind;
    case 'year':
      return doc.year;
  }
}

function facetLabel(doc: StoredDoc | undefined, facet: FacetName, value: string): string {
  switch (facet) {
    case 'type':
      return TYPE_LABELS[value as SearchType] ?? value;
    case 'country':
      return countryName(value);
    case 'traveller':
      return doc?.traveller || 'Unknown traveller';
    case 'status':
    case 'kind':
      return value.charAt(0).toUpperCase() + value.slice(1);
    case 'year':
      return value;
  }
}

/** Facets with at least one selected value, with their values as sets. */
function activeFacets(selection: FacetSelection): [FacetName, ReadonlySet<string>][] {
  const out: [FacetName, ReadonlySet<string>][] = [];
  for (const f of FACETS) {
    const values = selection[f];
    if (values && values.length > 0) out.push([f, new Set(values)]);
  }
  return out;
}

/** Labels compare as `localeCompare` compares them (the same default collation), through one collator made once. */
const LABEL_ORDER = new Intl.Collator();

const KIND_ORDER = new Map<string, number>(VISIT_KINDS.map((k, i) => [k, i]));

/**
 * Counts every facet in one pass over the results. A doc failing no selected facet counts for
 * all facets; failing exactly one, it counts for that facet only (choosing another value there
 * would bring it in); failing two or more, for none. Each facet keeps its `limit` largest values
 * plus every selected value (count 0 if no result has it).
 */
export function countFacets(docs: Iterable<StoredDoc>, selection: FacetSelection, limit = 50): FacetCounts {
  const active = activeFacets(selection);
  const counts = new Map<FacetName, Map<string, { count: number; doc: StoredDoc }>>(FACETS.map((f) => [f, new Map()]));
  const bump = (f: FacetName, doc: StoredDoc) => {
    const v = facetValue(doc, f);
    if (v === '') return;
    const m = counts.get(f)!;
    const c = m.get(v);
    if (c) c.count++;
    else m.set(v, { count: 1, doc });
  };
  for (const doc of docs) {
    let failed: FacetName | null = null;
    let failures = 0;
    for (const [f, values] of active) {
      if (!values.has(facetValue(doc, f))) {
        failures++;
        failed = f;
        if (failures > 1) break;
      }
    }
    if (failures === 0) for (const f of FACETS) bump(f, doc);
    else if (failures === 1 && failed) bump(failed, doc);
  }
  return finishFacetCounts(counts, selection, limit);
}

/** Value tallies per facet (with a document to label each value by) → sorted, cut, labelled counts. */
export type FacetTallies = Map<FacetName, Map<string, { count: number; doc: StoredDoc }>>;

export function finishFacetCounts(counts: FacetTallies, selection: FacetSelection, limit = 50): FacetCounts {
  const out = {} as FacetCounts;
  for (const f of FACETS) {
    const selected = new Set(selection[f] ?? []);
    const all = [...counts.get(f)!.entries()].map(([value, c]) => ({
      value,
      label: facetLabel(c.doc, f, value),
      count: c.count,
      selected: selected.has(value),
    }));
    const order =
      f === 'year'
        ? (a: FacetValue, b: FacetValue) => (a.value < b.value ? 1 : a.value > b.value ? -1 : 0)
        : f === 'kind'
          ? (a: FacetValue, b: FacetValue) => (KIND_ORDER.get(a.value) ?? 99) - (KIND_ORDER.get(b.value) ?? 99)
          : (a: FacetValue, b: FacetValue) => b.count - a.count || LABEL_ORDER.compare(a.label, b.label);
    all.sort(order);
    const kept = all.slice(0, limit);
    for (const v of all.slice(limit)) if (v.selected) kept.push(v);
    for (const value of selected) {
      if (!all.some((v) => v.value === value)) kept.push({ value, label: facetLabel(undefined, f, value), count: 0, selected: true });
    }
    out[f] = { values: kept, distinct: all.length };
  }
  return out;
}
