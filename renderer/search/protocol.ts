/** Messages between the search client (window) and the search worker. */
import type { SearchRequest, SearchStatus } from '../../shared/search';
import type { PackedResult } from '../../shared/search/wire';

export type SearchWorkerRequest =
  | { type: 'init'; dbName: string }
  | { type: 'query'; id: number; request: SearchRequest }
  | { type: 'rebuild' }
  /** Persist now if anything is unsaved (the window is going away). */
  | { type: 'flush' };

export type SearchWorkerMessage =
  | { type: 'status'; status: SearchStatus }
  | { type: 'result'; id: number; result: PackedResult }
  | { type: 'error'; id: number; message: string };
