/** What a search asks and answers: the contract between the index (worker) and the screens. */
import type { StoredDoc } from './documents';
import type { FacetCounts, FacetSelection } from './facets';

export interface SearchRequest {
  /** What was typed. Empty with a facet chosen lists everything in that facet. */
  q: string;
  facets: FacetSelection;
  /** How many hits to return (the best first); total and facets always cover all of them. */
  limit?: number;
}

export interface SearchHit extends StoredDoc {
  score: number;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  facets: FacetCounts;
  /**
   * The index terms the query matched: its words, and the longer words and near spellings they
   * stood for ("kadhimi" for "Kadhemi"). A hit's text highlights the words that fold to one of them
   * (`highlightSegments`): the same marks as a list per hit, which cost more to work out than the
   * rest of a query.
   */
  terms: string[];
  tookMs: number;
}

/** Where the index came from when the app opened, and how long it took to be ready. */
export interface SearchReady {
  source: 'persisted' | 'rebuilt';
  ms: number;
}

/** The index's state as the Search page shows it. */
export type SearchStatus =
  | { phase: 'starting' }
  | { phase: 'loading' }
  | { phase: 'indexing'; done: number; total: number }
  /**
   * `revision` grows with every change applied to the index (screens re-run their query).
   * `heldForImport`: a dataset import is being saved; its records are indexed when it ends.
   */
  | { phase: 'ready'; source: 'persisted' | 'rebuilt'; ms: number; documents: number; revision: number; heldForImport?: boolean }
  | { phase: 'failed'; message: string };

export const DEFAULT_HIT_LIMIT = 50;

/**
 * MiniSearch's fuzzy setting: words longer than 3 letters may be one edit away per 5 letters
 * ("Kadhemi" finds "Kadhimi"); short words must match exactly (or as a prefix).
 */
export function fuzzyFor(term: string): number | false {
  return term.length > 3 ? 0.2 : false;
}
