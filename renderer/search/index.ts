/** Search's public API for screens and the benchmark (the index itself runs in a worker). */
export { searchClient, startSearchIndex, type SearchClient } from './client';
export type { FacetSelection, SearchHit, SearchReady, SearchRequest, SearchResult, SearchStatus } from '../../shared/search';
