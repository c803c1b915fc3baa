/** Messages between the search client (window) and the search worker. */
import type { SearchRequest, SearchStatus } from '../../shared/search';
import type { PackedResult } from '../../shared/search/wire';

export type SearchWorkerRequest =
  | { type: 'init'; dbName: string }
  | { type: 'query'; id: number; request: SearchRequest }
  /** Every visit whose text matches `q` (all of them, unranked): the Visits list's Find. Answered once the index is complete. */
  | { type: 'visitIds'; id: number; q: string }
  | { type: 'rebuild' }
  /** Persist now if anything is unsaved (the window is going away). */
  | { type: 'flush' };

export type SearchWorkerMessage =
  | { type: 'status'; status: SearchStatus }
  | { type: 'result'; id: number; result: PackedResult }
  /** The answer to 'visitIds': the record ids joined by newlines (one string clones far faster than an array of thousands). */
  | { type: 'visitIds'; id: number; ids: string; count: number }
  | { type: 'error'; id: number; message: string };
