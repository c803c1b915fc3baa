/**
 * The search index itself: an inverted index (term → documents, with a weight) whose term
 * dictionary is MiniSearch's radix tree (SearchableMap: prefix and fuzzy lookups), plus what keeps
 * it in step with the database (a fingerprint per document, and the newest updatedAt seen per
 * table). Plain functions with no database or DOM access, so they run in the worker and in Vitest.
 *
 * Why not MiniSearch's full index: with 100,000 visits its per-result scoring and result objects
 * made a query matching thousands of visits slower than a linear scan, and restoring it from JSON
 * took a quarter of a rebuild. Here a query touches posting arrays and typed accumulators only,
 * materialises the few hits it returns, and the persisted form is typed arrays (no parsing).
 */
import SearchableMap from 'minisearch/SearchableMap';
import {
  DEFAULT_HIT_LIMIT,
  FACETS,
  STORED_FIELDS,
  countFacets,
  facetValue,
  finishFacetCounts,
  fuzzyFor,
  type FacetTallies,
  processTerm,
  queryTerms,
  tokenize,
  docFingerprint,
  type SearchDoc,
  type SearchHit,
  type SearchRequest,
  type SearchResult,
  type StoredDoc,
} from '../../../shared/search';

/** The tables the index covers. */
export const SEARCH_TABLES = ['people', 'visits', 'sources', 'notes', 'events'] as const;
export type SearchTable = (typeof SEARCH_TABLES)[number];

/** Bump when documents or the index's shape change: a persisted index of another format is rebuilt. */
export const INDEX_FORMAT = 3;

export type Watermarks = Record<SearchTable, string>;

/** Indexed fields and their weight: a word in the title or a name counts more than one in a long text. */
const FIELD_WEIGHTS: readonly [keyof SearchDoc, number][] = [
  ['title', 3],
  ['names', 3],
  ['place', 2],
  ['tags', 2],
  ['text', 1],
  ['kind', 1],
  ['status', 1],
  ['year', 1],
];

/** How much a prefix or a fuzzy match counts against an exact one. */
const PREFIX_QUALITY = 0.5;
const FUZZY_QUALITY = 0.45;
/** A fuzzy term's quality also falls with each edit. */
const MAX_FUZZY_EDITS = 2;

export interface IndexState {
  /** Term → term number: a radix tree for prefix and fuzzy lookups, and a hash map for exact ones. */
  terms: SearchableMap<number>;
  termIds: Map<string, number>;
  termList: string[];
  /** Per term: document slots and weights (typed after a restore, arrays once appended to). */
  postDocs: (number[] | Int32Array)[];
  postWeights: (number[] | Uint16Array)[];
  /** Per slot: the stored fields (null once removed) and its document id. */
  stored: (StoredDoc | null)[];
  slotIds: string[];
  /** Document id → slot of its live version. */
  slots: Map<string, number>;
  dead: number;
  /** Per facet: value code of each slot (-1: none), the values, and a slot holding each (for its label). */
  facetCodes: number[][];
  facetValues: string[][];
  facetIndex: Map<string, number>[];
  facetSample: number[][];
  /** Document id → fingerprint of what is indexed. Also the set of indexed documents. */
  fingerprints: Map<string, string>;
  /** Per table, the largest updatedAt indexed so far ('' before anything). */
  watermarks: Watermarks;
}

export function emptyWatermarks(): Watermarks {
  return { people: '', visits: '', sources: '', notes: '', events: '' };
}

export function createIndexState(): IndexState {
  return {
    terms: new SearchableMap<number>(),
    termIds: new Map(),
    termList: [],
    postDocs: [],
    postWeights: [],
    stored: [],
    slotIds: [],
    slots: new Map(),
    dead: 0,
    ...emptyFacets(),
    fingerprints: new Map(),
    watermarks: emptyWatermarks(),
  };
}

function emptyFacets(): Pick<IndexState, 'facetCodes' | 'facetValues' | 'facetIndex' | 'facetSample'> {
  return {
    facetCodes: FACETS.map(() => []),
    facetValues: FACETS.map(() => []),
    facetIndex: FACETS.map(() => new Map<string, number>()),
    facetSample: FACETS.map(() => []),
  };
}

function indexFacets(state: IndexState, slot: number, doc: StoredDoc): void {
  FACETS.forEach((f, fi) => {
    const v = facetValue(doc, f);
    let code = -1;
    if (v !== '') {
      const index = state.facetIndex[fi]!;
      const known = index.get(v);
      if (known === undefined) {
        code = state.facetValues[fi]!.length;
        state.facetValues[fi]!.push(v);
        state.facetSample[fi]!.push(slot);
        index.set(v, code);
      } else code = known;
    }
    state.facetCodes[fi]![slot] = code;
  });
}

function reindexFacets(state: IndexState): void {
  Object.assign(state, emptyFacets());
  state.stored.forEach((s, slot) => {
    if (s) indexFacets(state, slot, s);
    else for (const codes of state.facetCodes) codes[slot] = -1;
  });
}

/** Raises a table's watermark to `updatedAt` if it is newer. */
export function advanceWatermark(state: IndexState, table: SearchTable, updatedAt: string): void {
  if (updatedAt > state.watermarks[table]) state.watermarks[table] = updatedAt;
}

function storedOf(doc: SearchDoc): StoredDoc {
  const out = {} as Record<string, unknown>;
  for (const f of STORED_FIELDS) out[f] = doc[f];
  return out as unknown as StoredDoc;
}

/** Folded terms of a document with their summed field weights. */
export function docTerms(doc: SearchDoc): Map<string, number> {
  const weights = new Map<string, number>();
  for (const [field, w] of FIELD_WEIGHTS) {
    const value = doc[field];
    if (!value) continue;
    for (const token of tokenize(value)) {
      const t = processTerm(token);
      if (t === null) continue;
      weights.set(t, Math.min(65535, (weights.get(t) ?? 0) + w));
    }
  }
  return weights;
}

function mutable<T extends number[] | Int32Array | Uint16Array>(list: T[], i: number): number[] {
  const cur = list[i]!;
  if (Array.isArray(cur)) return cur;
  const copy = Array.from(cur);
  list[i] = copy as T;
  return copy;
}

function addDoc(state: IndexState, doc: SearchDoc): void {
  const slot = state.stored.length;
  const stored = storedOf(doc);
  state.stored.push(stored);
  state.slotIds.push(doc.id);
  state.slots.set(doc.id, slot);
  indexFacets(state, slot, stored);
  for (const [term, w] of docTerms(doc)) {
    let id = state.termIds.get(term);
    if (id === undefined) {
      id = state.termList.length;
      state.termList.push(term);
      state.terms.set(term, id);
      state.termIds.set(term, id);
      state.postDocs.push([]);
      state.postWeights.push([]);
    }
    mutable(state.postDocs, id).push(slot);
    mutable(state.postWeights, id).push(w);
  }
}

function killSlot(state: IndexState, id: string): void {
  const slot = state.slots.get(id);
  if (slot === undefined) return;
  state.slots.delete(id);
  state.stored[slot] = null;
  state.dead++;
}

/** Adds new documents and replaces changed ones; unchanged ones (same fingerprint) are skipped. Returns how many were written. */
export function upsertDocs(state: IndexState, docs: readonly SearchDoc[]): number {
  let written = 0;
  for (const doc of docs) {
    const fp = docFingerprint(doc);
    if (state.fingerprints.get(doc.id) === fp) continue;
    killSlot(state, doc.id);
    addDoc(state, doc);
    state.fingerprints.set(doc.id, fp);
    written++;
  }
  maybeCompact(state);
  return written;
}

/** Removes documents (deleted records). Unknown ids are ignored. Returns how many were removed. */
export function removeDocs(state: IndexState, ids: Iterable<string>): number {
  let removed = 0;
  for (const id of ids) {
    if (!state.fingerprints.delete(id)) continue;
    killSlot(state, id);
    removed++;
  }
  maybeCompact(state);
  return removed;
}

/** Drops removed and replaced documents from the postings once they are a quarter of the slots. */
function maybeCompact(state: IndexState): void {
  if (state.dead < 1000 || state.dead * 4 < state.stored.length) return;
  compact(state);
}

export function compact(state: IndexState): void {
  const renumber = new Int32Array(state.stored.length).fill(-1);
  const stored: StoredDoc[] = [];
  const slotIds: string[] = [];
  state.stored.forEach((s, i) => {
    if (s === null) return;
    renumber[i] = stored.length;
    stored.push(s);
    slotIds.push(state.slotIds[i]!);
  });
  const terms = new SearchableMap<number>();
  const termIds = new Map<string, number>();
  const termList: string[] = [];
  const postDocs: number[][] = [];
  const postWeights: number[][] = [];
  state.termList.forEach((term, t) => {
    const docs = state.postDocs[t]!;
    const weights = state.postWeights[t]!;
    const d: number[] = [];
    const w: number[] = [];
    for (let i = 0; i < docs.length; i++) {
      const to = renumber[docs[i]!]!;
      if (to === -1) continue;
      d.push(to);
      w.push(weights[i]!);
    }
    if (d.length === 0) return;
    terms.set(term, termList.length);
    termIds.set(term, termList.length);
    termList.push(term);
    postDocs.push(d);
    postWeights.push(w);
  });
  Object.assign(state, { terms, termIds, termList, postDocs, postWeights, stored, slotIds, dead: 0 });
  state.slots = new Map(slotIds.map((id, i) => [id, i]));
  reindexFacets(state);
}

/** Ids of the indexed documents of one type ("visit:…"). */
export function indexedIds(state: IndexState, type: string): string[] {
  const prefix = `${type}:`;
  const out: string[] = [];
  for (const id of state.fingerprints.keys()) if (id.startsWith(prefix)) out.push(id);
  return out;
}

/** Index terms a query word stands for: itself, longer words it starts, and words one or two edits away. */
function expand(state: IndexState, word: string): Map<number, { term: string; quality: number }> {
  const out = new Map<number, { term: string; quality: number }>();
  const put = (term: string, id: number, quality: number) => {
    const had = out.get(id);
    if (!had || had.quality < quality) out.set(id, { term, quality });
  };
  for (const [term, id] of state.terms.atPrefix(word)) put(term, id, term === word ? 1 : PREFIX_QUALITY);
  const fuzzy = fuzzyFor(word);
  if (fuzzy !== false) {
    const edits = Math.min(MAX_FUZZY_EDITS, Math.round(word.length * fuzzy));
    if (edits > 0) {
      for (const [term, [id, distance]] of state.terms.fuzzyGet(word, edits)) {
        if (distance > 0) put(term, id, FUZZY_QUALITY * (1 - distance / (word.length + 1)));
      }
    }
  }
  return out;
}

// Scratch buffers reused across queries (grown as the index grows).
let scores = new Float64Array(0);
let masks = new Uint32Array(0);
let toReset: number[] = [];

function words(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) {
    const t = processTerm(token);
    if (t !== null) out.push(t);
  }
  return out;
}

/**
 * Answers a query: the best `limit` hits, the total, and facet counts over every result. Words
 * combine with AND; each matches exactly, as a prefix, or (longer than 3 letters) with an edit
 * per 5 letters. Empty text with a facet chosen lists the facet's records; empty text and no
 * facet returns nothing.
 */
export function runQuery(state: IndexState, req: SearchRequest): SearchResult {
  const began = performance.now();
  const anyFacet = FACETS.some((f) => (req.facets[f]?.length ?? 0) > 0);
  const qWords = [...new Set(queryTerms(req.q))].slice(0, 32);
  const limit = req.limit ?? DEFAULT_HIT_LIMIT;
  if (qWords.length === 0 && !anyFacet) {
    return { hits: [], total: 0, facets: countFacets([], req.facets), tookMs: performance.now() - began };
  }
  const n = state.stored.length;
  let matched: number[];
  const matchedTerms = new Set<string>();
  if (scores.length < n || masks.length < n) {
    scores = new Float64Array(n * 2);
    masks = new Uint32Array(n * 2);
  }
  if (qWords.length === 0) {
    matched = [];
    for (let i = 0; i < n; i++) if (state.stored[i]) matched.push(i);
  } else {
    const live = n - state.dead;
    const touched: number[] = [];
    qWords.forEach((word, k) => {
      const bit = 1 << k;
      const need = bit - 1; // every earlier word must have matched
      for (const [id, { term, quality }] of expand(state, word)) {
        const docs = state.postDocs[id]!;
        const weights = state.postWeights[id]!;
        const idf = Math.log(1 + live / docs.length);
        let used = false;
        for (let i = 0; i < docs.length; i++) {
          const d = docs[i]!;
          const m = masks[d]!;
          if ((m & need) !== need) continue;
          if (k === 0 && m === 0) touched.push(d);
          const w = weights[i]!;
          scores[d] = scores[d]! + quality * idf * (w / (w + 1.2));
          masks[d] = m | bit;
          used = true;
        }
        if (used) matchedTerms.add(term);
      }
    });
    const full = qWords.length === 32 ? 0xffffffff : (1 << qWords.length) - 1;
    matched = [];
    for (const d of touched) {
      if (masks[d] === full && state.stored[d]) matched.push(d);
      masks[d] = 0;
    }
    // Scores are read while sorting, then cleared for the next query.
    toReset = touched;
  }
  const { passing, facets } = tallyFacets(state, matched, req);
  if (qWords.length > 0) passing.sort((a, b) => scores[b]! - scores[a]! || a - b);
  const hits: SearchHit[] = passing.slice(0, limit).map((d) => {
    const s = state.stored[d]!;
    const seen = new Set(words(`${s.title} ${s.subtitle} ${s.snippet}`));
    return { ...s, score: scores[d]!, terms: [...matchedTerms].filter((t) => seen.has(t)) };
  });
  flushReset();
  return { hits, total: passing.length, facets, tookMs: performance.now() - began };
}

function flushReset(): void {
  for (const d of toReset) scores[d] = 0;
  toReset = [];
}

/**
 * Facet counts over the matches and the matches passing every chosen facet, in one pass over
 * value codes (the rule of countFacets in shared/search/facets.ts, which the tests hold it to).
 */
function tallyFacets(state: IndexState, matched: readonly number[], req: SearchRequest) {
  const active: [number, Set<number>][] = [];
  FACETS.forEach((f, fi) => {
    const values = req.facets[f];
    if (!values || values.length === 0) return;
    const codes = new Set<number>();
    for (const v of values) {
      const c = state.facetIndex[fi]!.get(v);
      if (c !== undefined) codes.add(c);
    }
    active.push([fi, codes]);
  });
  const tallies = FACETS.map((_, fi) => new Int32Array(state.facetValues[fi]!.length));
  const codes = state.facetCodes;
  const passing: number[] = [];
  for (const d of matched) {
    let failures = 0;
    let failed = -1;
    for (const [fi, set] of active) {
      if (!set.has(codes[fi]![d]!)) {
        failures++;
        failed = fi;
        if (failures > 1) break;
      }
    }
    if (failures === 0) {
      passing.push(d);
      for (let fi = 0; fi < tallies.length; fi++) {
        const c = codes[fi]![d]!;
        if (c >= 0) tallies[fi]![c]!++;
      }
    } else if (failures === 1) {
      const c = codes[failed]![d]!;
      if (c >= 0) tallies[failed]![c]!++;
    }
  }
  const counts: FacetTallies = new Map();
  FACETS.forEach((f, fi) => {
    const m = new Map<string, { count: number; doc: StoredDoc }>();
    tallies[fi]!.forEach((count, code) => {
      if (count > 0)
        m.set(state.facetValues[fi]![code]!, { count, doc: state.stored[state.facetSample[fi]![code]!] ?? labelDoc(state, fi, code) });
    });
    counts.set(f, m);
  });
  return { passing, facets: finishFacetCounts(counts, req.facets) };
}

/** A live document with this facet value (the first one indexed may since have been removed). */
function labelDoc(state: IndexState, fi: number, code: number): StoredDoc {
  const codes = state.facetCodes[fi]!;
  for (let d = 0; d < codes.length; d++) if (codes[d] === code && state.stored[d]) return state.stored[d]!;
  return state.stored.find((x) => x !== null)!;
}

/** What is persisted: typed postings, the term list, stored fields as JSON chunks, and the bookkeeping. */
export interface SerializedIndex {
  format: number;
  watermarks: Watermarks;
  ids: string[];
  fingerprints: string[];
  termList: string[];
  /** postings of term t: postDocs[offsets[t] .. offsets[t + 1]) */
  offsets: Int32Array;
  postDocs: Int32Array;
  postWeights: Uint16Array;
  slotIds: string[];
  /** Stored fields per slot, one array per field (IndexedDB clones string arrays without any parsing). */
  columns: string[][];
  /** Kept for older layouts that stored JSON chunks; always empty now. */
  chunks: string[];
}

/** A compact copy of the index for saving (removed documents dropped first). */
export function serializeIndex(state: IndexState): SerializedIndex {
  if (state.dead > 0) compact(state);
  let total = 0;
  for (const p of state.postDocs) total += p.length;
  const offsets = new Int32Array(state.termList.length + 1);
  const postDocs = new Int32Array(total);
  const postWeights = new Uint16Array(total);
  let at = 0;
  state.termList.forEach((_, t) => {
    offsets[t] = at;
    postDocs.set(state.postDocs[t]!, at);
    postWeights.set(state.postWeights[t]!, at);
    at += state.postDocs[t]!.length;
  });
  offsets[state.termList.length] = at;
  const live = state.stored as StoredDoc[];
  const columns = STORED_FIELDS.map((f) => live.map((d) => String(d[f])));
  return {
    format: INDEX_FORMAT,
    watermarks: { ...state.watermarks },
    ids: [...state.fingerprints.keys()],
    fingerprints: [...state.fingerprints.values()],
    termList: [...state.termList],
    offsets,
    postDocs,
    postWeights,
    slotIds: [...state.slotIds],
    columns,
    chunks: [],
  };
}

/** The index from its saved form: no tokenising, only the term tree is rebuilt. */
export function restoreIndex(s: SerializedIndex): IndexState {
  if (s.format !== INDEX_FORMAT) throw new Error(`Search index format ${s.format} is not ${INDEX_FORMAT}`);
  if (s.ids.length !== s.fingerprints.length || s.offsets.length !== s.termList.length + 1) {
    throw new Error('Search index bookkeeping is damaged');
  }
  if (s.columns.length !== STORED_FIELDS.length || s.columns.some((c) => c.length !== s.slotIds.length)) {
    throw new Error('Search index documents are damaged');
  }
  const stored: StoredDoc[] = s.slotIds.map((_, slot) => {
    const d = {} as Record<string, string>;
    STORED_FIELDS.forEach((f, fi) => (d[f] = s.columns[fi]![slot]!));
    return d as unknown as StoredDoc;
  });
  const terms = new SearchableMap<number>();
  const termIds = new Map<string, number>();
  const postDocs: Int32Array[] = [];
  const postWeights: Uint16Array[] = [];
  s.termList.forEach((term, t) => {
    terms.set(term, t);
    termIds.set(term, t);
    postDocs.push(s.postDocs.subarray(s.offsets[t], s.offsets[t + 1]));
    postWeights.push(s.postWeights.subarray(s.offsets[t], s.offsets[t + 1]));
  });
  const fingerprints = new Map<string, string>();
  s.ids.forEach((id, i) => fingerprints.set(id, s.fingerprints[i]!));
  const state: IndexState = {
    terms,
    termIds,
    termList: [...s.termList],
    postDocs,
    postWeights,
    stored,
    slotIds: [...s.slotIds],
    slots: new Map(s.slotIds.map((id, i) => [id, i])),
    dead: 0,
    ...emptyFacets(),
    fingerprints,
    watermarks: { ...emptyWatermarks(), ...s.watermarks },
  };
  reindexFacets(state);
  return state;
}
