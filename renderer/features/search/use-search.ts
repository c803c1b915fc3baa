import { useEffect, useState, useSyncExternalStore } from 'react';
import { searchClient, type FacetSelection, type SearchResult, type SearchStatus } from '../../search';

/** The search index's status (building, ready…), live. Starts the index on first use. */
export function useSearchStatus(): SearchStatus {
  const client = searchClient();
  return useSyncExternalStore(
    (listener) => client.subscribe(listener),
    () => client.status(),
  );
}

export interface SearchState {
  result: SearchResult | null;
  /** The query the result answers (results stay on screen while the next one runs). */
  answered: string;
  error: string | null;
}

/**
 * Runs the query whenever it, the facets or the index change (an edit in any window updates the
 * index, which re-runs the query: results stay live).
 */
export function useSearchResults(q: string, facets: FacetSelection, limit: number, status: SearchStatus): SearchState {
  const [state, setState] = useState<SearchState>({ result: null, answered: '', error: null });
  const facetKey = JSON.stringify(facets);
  const statusKey =
    status.phase === 'ready'
      ? `ready:${status.revision}`
      : status.phase === 'indexing'
        ? `indexing:${Math.floor(status.done / 10000)}`
        : status.phase;
  const empty = q.trim() === '' && Object.values(facets).every((v) => !v || v.length === 0);
  useEffect(() => {
    if (empty) return;
    let live = true;
    searchClient()
      .query(q, JSON.parse(facetKey) as FacetSelection, limit)
      .then(
        (result) => live && setState({ result, answered: q, error: null }),
        (e: unknown) => live && setState((s) => ({ ...s, error: e instanceof Error ? e.message : String(e) })),
      );
    return () => {
      live = false;
    };
  }, [empty, q, facetKey, limit, statusKey]);
  return empty ? EMPTY : state;
}

const EMPTY: SearchState = { result: null, answered: '', error: null };
