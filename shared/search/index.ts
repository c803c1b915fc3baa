/**
 * Full-text search, the pure parts: documents, text folding, facets, the query contract; the engine
 * (`./engine`, an index over MiniSearch's radix tree) and the result's wire format (`./wire`) are
 * imported by path. The worker that holds the index and keeps it in step is renderer/search.
 */
export * from './documents';
export * from './facets';
export * from './query';
export * from './text';
