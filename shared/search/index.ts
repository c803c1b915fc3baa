/** Full-text search: documents, text folding, facets and the query contract (pure; the index lives in renderer/db/search). */
export * from './documents';
export * from './facets';
export * from './query';
export * from './text';
