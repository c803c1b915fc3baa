/**
 * MiniSearch configured to do what the app's engine does (shared/search/engine.ts): the same
 * documents, tokeniser and term folding, the same field weights as boosts, prefix matching, the
 * same fuzzy edit limits and the same discount for prefix and fuzzy matches, every word required.
 * The benchmark's full-text and ranking cases compare the two engines with it. Pure: runs in Node
 * and in a worker.
 */
import MiniSearch from 'minisearch';
import { fuzzyFor, processTerm, tokenize, type SearchDoc } from '../shared/search';
import { FIELD_WEIGHTS, FUZZY_QUALITY, MAX_FUZZY_EDITS, PREFIX_QUALITY } from '../shared/search/engine';

export type MiniDoc = Pick<SearchDoc, 'id' | (typeof FIELD_WEIGHTS)[number][0]> & Partial<SearchDoc>;

export function createMiniSearch(storeFields: (keyof SearchDoc)[] = []): MiniSearch<MiniDoc> {
  return new MiniSearch<MiniDoc>({
    idField: 'id',
    fields: FIELD_WEIGHTS.map(([f]) => f),
    storeFields,
    tokenize,
    processTerm: (t) => processTerm(t) ?? false,
    searchOptions: {
      boost: Object.fromEntries(FIELD_WEIGHTS.map(([f, w]) => [f, w])),
      prefix: true,
      fuzzy: (t) => fuzzyFor(t),
      maxFuzzy: MAX_FUZZY_EDITS,
      combineWith: 'AND',
      weights: { prefix: PREFIX_QUALITY, fuzzy: FUZZY_QUALITY },
    },
  });
}
