/**
 * The search index itself: an inverted index (term → documents, with a weight) whose term
 * dictionary is MiniSearch's radix tree (SearchableMap: prefix and fuzzy lookups), plus what keeps
 * it in step with the database (a fingerprint per document, and the newest updatedAt seen per
 * table). Plain functions with no database or DOM access, so they run in the worker and in Vitest.
 *
 * Why not MiniSearch's full index: on a large database its per-result scoring and result objects
 * made a query matching thousands of visits slower than a linear scan, and restoring it from JSON
 * cost a good part of a rebuild (bench/RESULTS.md). Here a query touches posting arrays and typed accumulators only,
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
  type FacetCounts,
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
} from './index';

/** The tables the index covers. */
export const SEARCH_TABLES = ['people', 'visits', 'sources', 'notes', 'events'] as const;
export type SearchTable = (typeof SEARCH_TABLES)[number];

/** Bump when documents or the index's shape change: a persisted index of another format is rebuilt. */
export const INDEX_FORMAT = 6;

export type Watermarks = Record<SearchTable, string>;

/** Indexed fields and their weight: a word in the title or a name counts more than one in a long text. */
export const FIELD_WEIGHTS: readonly [keyof SearchDoc, number][] = [
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
export const PREFIX_QUALITY = 0.5;
export const FUZZY_QUALITY = 0.45;
/** Most edits a fuzzy match may take (a fraction of the word's length below that: fuzzyFor). */
export const MAX_FUZZY_EDITS = 2;

/**
 * A fuzzy term's quality: FUZZY_QUALITY divided by one plus its edits. A rare word two edits away
 * ("Gorbach" for "gorbachov") otherwise outranked the common one a single edit away ("Gorbachev"):
 * on the judged queries of bench/ranking this raised nDCG@10 and lowered it on none.
 */
export function fuzzyQuality(distance: number): number {
  return FUZZY_QUALITY / (1 + distance);
}

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
  /**
   * Each slot's facet values as tally codes (see `tallyCode`; DEAD in every facet: a removed slot),
   * slot by slot: the codes of slot d at [d * FACETS.length, (d + 1) * FACETS.length); the array
   * has room to grow. Per facet: the values (value code = position), and a slot holding each (for
   * its label).
   */
  facetCodes: Int32Array;
  facetValues: string[][];
  facetIndex: Map<string, number>[];
  facetSample: number[][];
  /** Document id → fingerprint of what is indexed. Also the set of indexed documents. */
  fingerprints: Map<string, string>;
  /**
   * Document id ("visit:…") → the updatedAt of the row as it was last read, for every row read so
   * far, live or deleted (sync.ts keeps it): comparing it with the table's updatedAt index tells
   * which rows changed without reading them.
   */
  stamps: Map<string, string>;
  /** Per table, the largest updatedAt indexed so far ('' before anything). */
  watermarks: Watermarks;
}

function emptyWatermarks(): Watermarks {
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
    stamps: new Map(),
    watermarks: emptyWatermarks(),
  };
}

function emptyFacets(): Pick<IndexState, 'facetCodes' | 'facetValues' | 'facetIndex' | 'facetSample'> {
  return {
    facetCodes: new Int32Array(0),
    facetValues: FACETS.map(() => []),
    facetIndex: FACETS.map(() => new Map<string, number>()),
    facetSample: FACETS.map(() => []),
  };
}

/** Six facets: collect() counts them written out, and this fails to compile when there are more or fewer. */
const NF: 6 = FACETS.length;
/** The facet codes of a removed slot (a query reads them, not `stored`, to skip it). */
const DEAD = -1;

/**
 * Where facet `fi`'s value `code` (-1: the slot has no value there) is counted in a query's one
 * tally array: the facets' counters interleaved, so counting a result is six increments of one
 * typed array with no branch (a tally per facet took five times as long on broad queries); the
 * first NF counters take the slots with no value and are never read.
 */
function tallyCode(fi: number, code: number): number {
  return (code + 1) * NF + fi;
}

/** Room in facetCodes for this slot's codes. */
function facetRoom(state: IndexState, slot: number): Int32Array {
  const need = (slot + 1) * NF;
  if (state.facetCodes.length < need) {
    const grown = new Int32Array(Math.max(need, state.facetCodes.length * 2, 1024 * NF));
    grown.set(state.facetCodes);
    state.facetCodes = grown;
  }
  return state.facetCodes;
}

function indexFacets(state: IndexState, slot: number, doc: StoredDoc): void {
  const codes = facetRoom(state, slot);
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
    codes[slot * NF + fi] = tallyCode(fi, code);
  });
}

function reindexFacets(state: IndexState): void {
  Object.assign(state, emptyFacets());
  state.facetCodes = new Int32Array(state.stored.length * NF);
  state.stored.forEach((s, slot) => {
    if (s) indexFacets(state, slot, s);
    else state.facetCodes.fill(DEAD, slot * NF, (slot + 1) * NF);
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
function docTerms(doc: SearchDoc): Map<string, number> {
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
  state.facetCodes.fill(DEAD, slot * NF, (slot + 1) * NF);
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
  packPostings(state);
  return written;
}

/**
 * Turns the posting lists grown as arrays back into typed arrays. An array of small numbers takes
 * 8 bytes an entry and more as it grows; typed, a posting takes 6 (slot and weight): at 100,000
 * visits a built index took about a third more memory than the same index restored (typed) until
 * this (bench/RESULTS.md). The next append to a list makes it an array again (`mutable`).
 */
function packPostings(state: IndexState): void {
  const { postDocs, postWeights } = state;
  for (let t = 0; t < postDocs.length; t++) {
    const docs = postDocs[t]!;
    if (!Array.isArray(docs)) continue;
    postDocs[t] = Int32Array.from(docs);
    postWeights[t] = Uint16Array.from(postWeights[t]!);
  }
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
  packPostings(state);
}

/** Ids of the indexed documents of one type ("visit:…"). */
export function indexedIds(state: IndexState, type: string): string[] {
  const prefix = `${type}:`;
  const out: string[] = [];
  for (const id of state.fingerprints.keys()) if (id.startsWith(prefix)) out.push(id);
  return out;
}

/**
 * At most this many index terms stand for one query word besides the word itself: the prefix and
 * fuzzy matches found in the most documents are kept. A short prefix ("st", "pr") in a large
 * index starts hundreds of words, most of them rare, and walking all their postings made the
 * first keystrokes of a query the slowest; a whole word, even misspelt ("Kadhemi"), has a handful
 * of prefix and fuzzy matches and keeps them all.
 */
export const MAX_EXPANSIONS = 64;

/** Values listed per facet (the rest are only counted in `distinct`). */
const FACET_LIMIT = 50;

/**
 * How finishFacetCounts orders each facet's values before keeping the first FACET_LIMIT: years
 * newest first, kinds in their fixed order (a handful of values: all are handed over), the others
 * by count (largest first, then by label). Only values that can be among the first FACET_LIMIT
 * (and the chosen ones) are handed to it; the tests compare the result with countFacets.
 */
const FACET_ORDER = FACETS.map((f) => (f === 'year' ? 'value' : f === 'kind' ? 'all' : 'count'));

/** The terms one query word stands for, in lookup order (which fixes the order scores are summed in). */
interface Expansion {
  ids: number[];
  terms: string[];
  quality: number[];
}

/** Index terms a query word stands for: itself, longer words it starts, and words one or two edits away. */
function expand(state: IndexState, word: string): Expansion {
  const out: Expansion = { ids: [], terms: [], quality: [] };
  const at = new Map<number, number>();
  const put = (term: string, id: number, quality: number) => {
    const i = at.get(id);
    if (i === undefined) {
      at.set(id, out.ids.length);
      out.ids.push(id);
      out.terms.push(term);
      out.quality.push(quality);
    } else if (out.quality[i]! < quality) out.quality[i] = quality;
  };
  for (const [term, id] of state.terms.atPrefix(word)) put(term, id, term === word ? 1 : PREFIX_QUALITY);
  const fuzzy = fuzzyFor(word);
  if (fuzzy !== false) {
    const edits = Math.min(MAX_FUZZY_EDITS, Math.round(word.length * fuzzy));
    if (edits > 0) {
      for (const [term, [id, distance]] of state.terms.fuzzyGet(word, edits)) {
        if (distance > 0) put(term, id, fuzzyQuality(distance));
      }
    }
  }
  return capExpansion(state, out, word);
}

/**
 * Expansions of recently queried words. A query is typed a letter at a time (each keystroke asks
 * again with the earlier words unchanged), asked again for more hits and after every change to
 * the index; a fuzzy lookup of a long word (two edits) costs more than the rest of a typical
 * query. Valid while the postings are unchanged: the same term tree (compaction makes a new one)
 * and no document added since (the only way terms or postings grow; a removal changes neither).
 */
const expansionCache = { terms: null as SearchableMap<number> | null, slots: -1, words: new Map<string, Expansion>() };
const EXPANSION_CACHE_WORDS = 256;

function expandCached(state: IndexState, word: string): Expansion {
  const cache = expansionCache;
  if (cache.terms !== state.terms || cache.slots !== state.stored.length) {
    cache.terms = state.terms;
    cache.slots = state.stored.length;
    cache.words.clear();
  }
  let ex = cache.words.get(word);
  if (ex) {
    cache.words.delete(word); // most recently used last
  } else {
    ex = expand(state, word);
    if (cache.words.size >= EXPANSION_CACHE_WORDS) cache.words.delete(cache.words.keys().next().value!);
  }
  cache.words.set(word, ex);
  return ex;
}

/** Forgets the cached expansions (benchmarks: a first query's cost). */
export function clearExpansionCache(): void {
  expansionCache.terms = null;
  expansionCache.words.clear();
}

/** Keeps the word itself and its MAX_EXPANSIONS most frequent other terms, in their lookup order. */
function capExpansion(state: IndexState, ex: Expansion, word: string): Expansion {
  const exact = ex.terms.indexOf(word);
  if (ex.ids.length - (exact === -1 ? 0 : 1) <= MAX_EXPANSIONS) return ex;
  const df = (i: number) => state.postDocs[ex.ids[i]!]!.length;
  const ranked = ex.ids.map((_, i) => i).filter((i) => i !== exact);
  ranked.sort((a, b) => df(b) - df(a) || a - b);
  const keep = new Set(ranked.slice(0, MAX_EXPANSIONS));
  if (exact !== -1) keep.add(exact);
  const out: Expansion = { ids: [], terms: [], quality: [] };
  ex.ids.forEach((id, i) => {
    if (!keep.has(i)) return;
    out.ids.push(id);
    out.terms.push(ex.terms[i]!);
    out.quality.push(ex.quality[i]!);
  });
  return out;
}

// Scratch buffers reused across queries (grown as the index grows): per slot, its score and the
// words it matched (a bit per word). All zero between queries: a query clears what it wrote.
let scores = new Float64Array(0);
let masks = new Uint32Array(0);
let touched = new Int32Array(0);
let complete = new Int32Array(0);

/**
 * The k best of a stream of slots by score (higher first, then the older slot: the order of a
 * full sort), without sorting them all: a binary heap whose root is the worst slot kept, so a slot
 * that does not beat it costs one comparison.
 */
export class TopK {
  private readonly heap: Int32Array;
  size = 0;
  constructor(
    readonly k: number,
    private readonly scores: Float64Array,
  ) {
    this.heap = new Int32Array(k);
  }

  /** Does slot a rank before slot b? */
  private before(a: number, b: number): boolean {
    const sa = this.scores[a]!;
    const sb = this.scores[b]!;
    return sa > sb || (sa === sb && a < b);
  }

  offer(d: number): void {
    const h = this.heap;
    if (this.size < this.k) {
      let i = this.size++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!this.before(h[p]!, d)) break;
        h[i] = h[p]!;
        i = p;
      }
      h[i] = d;
    } else if (this.k > 0 && this.before(d, h[0]!)) {
      const n = this.size;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && this.before(h[l]!, h[r]!) ? r : l; // the child ranking last
        if (!this.before(d, h[c]!)) break;
        h[i] = h[c]!;
        i = c;
      }
      h[i] = d;
    }
  }

  /** The slots kept, best first. */
  sorted(): number[] {
    const s = this.scores;
    return Array.from(this.heap.subarray(0, this.size)).sort((a, b) => s[b]! - s[a]! || a - b);
  }
}

/** How many hits a request's limit asks for (a fraction rounds down; none for 0, a negative or NaN). */
function hitCount(limit: number, n: number): number {
  return Number.isNaN(limit) || limit <= 0 ? 0 : Math.min(n, Math.floor(limit));
}

/** w / (w + 1.2) for the usual small weights, looked up instead of divided (the same doubles). */
const SATURATION = Float64Array.from({ length: 256 }, (_, w) => w / (w + 1.2));

/** Documents the query's first word reached (their slots are in `touched`), and those every word reached (in `complete`). */
let reached = 0;
let completed = 0;

/**
 * Adds one term's postings to the scores of the documents every earlier word matched (the first
 * word: any document), marking this word's bit; with the last word, a document marked for the
 * first time has every word. Returns whether any document took the term.
 */
function scorePostings(docs: number[] | Int32Array, weights: number[] | Uint16Array, qi: number, bit: number, last: boolean): boolean {
  const need = bit - 1; // every earlier word must have matched
  let used = false;
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i]!;
    const m = masks[d]!;
    if ((m & need) >>> 0 !== need) continue;
    if (m === 0) touched[reached++] = d; // only the first word reaches unmarked documents
    if (last && (m & bit) === 0) complete[completed++] = d;
    const w = weights[i]!;
    scores[d] = scores[d]! + qi * (w < 256 ? SATURATION[w]! : w / (w + 1.2));
    masks[d] = m | bit;
    used = true;
  }
  return used;
}

/**
 * One pass over the candidates: the documents every word reached (`scored`) or, with no words,
 * every live slot. Those passing every chosen facet are counted for all facets and handed to
 * `keep`; those failing exactly one are counted for that facet only (the rule of countFacets in
 * shared/search/facets.ts, which the tests hold it to). Returns how many passed.
 */
function collect(
  state: IndexState,
  scored: boolean,
  active: readonly number[],
  allowed: readonly Uint8Array[],
  tally: Int32Array,
  keep: (d: number) => void,
): number {
  const codes = state.facetCodes;
  const nActive = active.length;
  const count = scored ? completed : state.stored.length;
  let total = 0;
  if (nActive === 0) {
    // No facet chosen (what a typed query starts with): every live candidate counts for every facet.
    for (let i = 0; i < count; i++) {
      const d = scored ? complete[i]! : i;
      const at = d * NF;
      if (codes[at] === DEAD) continue;
      total++;
      // Written out: a loop over the facets here took three times as long.
      tally[codes[at]!]!++;
      tally[codes[at + 1]!]!++;
      tally[codes[at + 2]!]!++;
      tally[codes[at + 3]!]!++;
      tally[codes[at + 4]!]!++;
      tally[codes[at + 5]!]!++;
      keep(d);
    }
    return total;
  }
  for (let i = 0; i < count; i++) {
    const d = scored ? complete[i]! : i;
    const at = d * NF;
    if (codes[at] === DEAD) continue;
    let failures = 0;
    let failed = -1;
    for (let a = 0; a < nActive; a++) {
      const fi = active[a]!;
      if (allowed[a]![codes[at + fi]!] === 0) {
        failures++;
        failed = fi;
        if (failures > 1) break;
      }
    }
    if (failures === 0) {
      total++;
      for (let fi = 0; fi < NF; fi++) tally[codes[at + fi]!]!++;
      keep(d);
    } else if (failures === 1) tally[codes[at + failed]!]!++;
  }
  return total;
}

/**
 * Answers a query: the best `limit` hits, the total, and facet counts over every result. Words
 * combine with AND; each matches exactly, as a prefix, or (longer than 3 letters) with an edit
 * per 5 letters. Empty text with a facet chosen lists the facet's records; empty text and no
 * facet returns nothing.
 *
 * Cost: the postings of the query's terms, then one pass over the documents they reached (facet
 * tallies in typed arrays, the best `limit` kept in a heap); only the hits returned become objects.
 */
export function runQuery(state: IndexState, req: SearchRequest): SearchResult {
  const began = performance.now();
  const anyFacet = FACETS.some((f) => (req.facets[f]?.length ?? 0) > 0);
  const qWords = [...new Set(queryTerms(req.q))].slice(0, 32);
  const limit = req.limit ?? DEFAULT_HIT_LIMIT;
  if (qWords.length === 0 && !anyFacet) {
    return { hits: [], total: 0, facets: countFacets([], req.facets), terms: [], tookMs: performance.now() - began };
  }
  const n = state.stored.length;
  if (scores.length < n) {
    scores = new Float64Array(n * 2);
    masks = new Uint32Array(n * 2);
    touched = new Int32Array(n * 2);
    complete = new Int32Array(n * 2);
  }
  const scored = qWords.length > 0;
  const matchedTerms = new Set<string>();
  reached = 0;
  completed = 0;
  try {
    if (scored) {
      const live = n - state.dead;
      for (let k = 0; k < qWords.length; k++) {
        const bit = (1 << k) >>> 0;
        const ex = expandCached(state, qWords[k]!);
        for (let e = 0; e < ex.ids.length; e++) {
          const docs = state.postDocs[ex.ids[e]!]!;
          const qi = ex.quality[e]! * Math.log(1 + live / docs.length);
          if (scorePostings(docs, state.postWeights[ex.ids[e]!]!, qi, bit, k === qWords.length - 1)) matchedTerms.add(ex.terms[e]!);
        }
      }
    }

    // Facets: the chosen values as flags per tally code.
    const tally = tallyFor(state);
    const active: number[] = [];
    const allowed: Uint8Array[] = [];
    FACETS.forEach((f, fi) => {
      const values = req.facets[f];
      if (!values || values.length === 0) return;
      const flags = new Uint8Array(tally.length);
      for (const v of values) {
        const c = state.facetIndex[fi]!.get(v);
        if (c !== undefined) flags[tallyCode(fi, c)] = 1;
      }
      active.push(fi);
      allowed.push(flags);
    });
    const k = hitCount(limit, n);
    const top = scored ? new TopK(k, scores) : null;
    const listed: number[] = []; // without words: the first `limit` in slot order
    const total = collect(state, scored, active, allowed, tally, (d) => {
      if (top) top.offer(d);
      else if (listed.length < k) listed.push(d);
    });
    const best = top ? top.sorted() : listed;
    const hits: SearchHit[] = best.map((d) => {
      const s = state.stored[d]!;
      // The stored fields (in their order, as a spread would copy them, but faster) and the score.
      return {
        type: s.type,
        recordId: s.recordId,
        title: s.title,
        subtitle: s.subtitle,
        snippet: s.snippet,
        href: s.href,
        status: s.status,
        country: s.country,
        travellerId: s.travellerId,
        traveller: s.traveller,
        kind: s.kind,
        year: s.year,
        score: scores[d]!,
      };
    });
    return { hits, total, facets: finishFacets(state, tally, req), terms: [...matchedTerms], tookMs: performance.now() - began };
  } finally {
    // Clear what the words wrote (the next query starts from zero).
    for (let i = 0; i < reached; i++) {
      const d = touched[i]!;
      scores[d] = 0;
      masks[d] = 0;
    }
  }
}

/**
 * Labelled facet counts from the value tallies. For a facet listed by count, only its values that
 * can be among the FACET_LIMIT largest (count at least the FACET_LIMIT-th largest, ties included)
 * and the chosen ones are handed to finishFacetCounts, which sorts and labels what it is given:
 * with 17,000 travellers a broad query would otherwise sort and label them all. `distinct` still
 * counts every value.
 */
function finishFacets(state: IndexState, tally: Int32Array, req: SearchRequest): FacetCounts {
  const counts: FacetTallies = new Map();
  const distinct: number[] = [];
  FACETS.forEach((f, fi) => {
    const order = FACET_ORDER[fi]!;
    const names = state.facetValues[fi]!;
    const { values, threshold } = scanTally(tally, order === 'count' ? FACET_LIMIT : Infinity, {
      at: tallyCode(fi, 0),
      step: NF,
      length: names.length,
    });
    distinct.push(values);
    const chosen = new Set<number>();
    for (const v of req.facets[f] ?? []) {
      const c = state.facetIndex[fi]!.get(v);
      if (c !== undefined) chosen.add(c);
    }
    // Newest years: the FACET_LIMIT largest values (all distinct) among those counted.
    let newest: Set<number> | null = null;
    if (order === 'value' && values > FACET_LIMIT) {
      const codes = Array.from(nonzero.subarray(0, values));
      codes.sort((a, b) => (names[a]! < names[b]! ? 1 : names[a]! > names[b]! ? -1 : 0));
      newest = new Set(codes.slice(0, FACET_LIMIT));
    }
    const m = new Map<string, { count: number; doc: StoredDoc }>();
    for (let i = 0; i < values; i++) {
      const c = nonzero[i]!;
      const count = tally[tallyCode(fi, c)]!;
      if ((count >= threshold && (!newest || newest.has(c))) || chosen.has(c)) m.set(names[c]!, { count, doc: labelDoc(state, fi, c) });
    }
    counts.set(f, m);
  });
  const out = finishFacetCounts(counts, req.facets, FACET_LIMIT);
  FACETS.forEach((f, fi) => (out[f].distinct = distinct[fi]!));
  return out;
}

// The facet tally reused across queries (see tallyCode).
let tallyScratch = new Int32Array(0);

/** A zeroed tally with a counter for every facet value of the index. */
function tallyFor(state: IndexState): Int32Array {
  const len = tallyCode(0, Math.max(...state.facetValues.map((v) => v.length)));
  if (tallyScratch.length < len) tallyScratch = new Int32Array(Math.max(16 * NF, len * 2));
  return tallyScratch.subarray(0, len).fill(0);
}

/** Codes with a count above 0, ascending (filled by scanTally). */
let nonzero = new Int32Array(0);

/**
 * How many values have a count above 0 (their codes in `nonzero`, ascending), and the k-th
 * largest count (1 when k or fewer are above 0: all are kept), by a heap of the k largest seen.
 * Value c's count is `counts[at + c * step]`, for c below `length` (by default, `counts[c]`).
 */
export function scanTally(
  counts: Int32Array,
  k: number,
  { at = 0, step = 1, length = counts.length }: { at?: number; step?: number; length?: number } = {},
): { values: number; threshold: number } {
  if (nonzero.length < length) nonzero = new Int32Array(length * 2);
  const heap = Number.isFinite(k) ? new Int32Array(k) : null; // a min-heap
  let size = 0;
  let values = 0;
  for (let c = 0; c < length; c++) {
    const x = counts[at + c * step]!;
    if (x <= 0) continue;
    nonzero[values++] = c;
    if (!heap) continue;
    if (size < k) {
      let i = size++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (heap[p]! <= x) break;
        heap[i] = heap[p]!;
        i = p;
      }
      heap[i] = x;
    } else if (x > heap[0]!) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        const r = l + 1;
        const m = r < size && heap[r]! < heap[l]! ? r : l;
        if (heap[m]! >= x) break;
        heap[i] = heap[m]!;
        i = m;
      }
      heap[i] = x;
    }
  }
  return { values, threshold: heap && values > k ? heap[0]! : 1 };
}

/** A live document with this facet value, to label it by (the first one indexed may since have been removed: the next found is kept). */
function labelDoc(state: IndexState, fi: number, code: number): StoredDoc {
  const sample = state.facetSample[fi]!;
  const first = state.stored[sample[code]!];
  if (first) return first;
  const codes = state.facetCodes;
  for (let d = 0; d < state.stored.length; d++) {
    if (codes[d * NF + fi] === tallyCode(fi, code) && state.stored[d]) {
      sample[code] = d;
      return state.stored[d]!;
    }
  }
  return state.stored.find((x) => x !== null)!;
}

/** What is persisted: typed postings, the term list, stored fields by column, and the bookkeeping. */
export interface SerializedIndex {
  format: number;
  watermarks: Watermarks;
  ids: string[];
  fingerprints: string[];
  /** The stamps map as two aligned arrays. */
  stampIds: string[];
  stampValues: string[];
  termList: string[];
  /** postings of term t: postDocs[offsets[t] .. offsets[t + 1]) */
  offsets: Int32Array;
  postDocs: Int32Array;
  postWeights: Uint16Array;
  slotIds: string[];
  /** Stored fields per slot, one array per field (IndexedDB clones string arrays without any parsing). */
  columns: string[][];
}

/**
 * The saved index is written as many small parts (a slice of one array each), one request at a
 * time: cloning the whole index for IndexedDB in one request held the worker for seconds (no
 * query answered, no progress reported). A part holds at most this many strings ...
 */
const PART_STRINGS = 20_000;
/** ... or this many postings (typed arrays clone as one copy). */
const PART_POSTINGS = 1 << 20;

type StringField = 'ids' | 'fingerprints' | 'stampIds' | 'stampValues' | 'termList' | 'slotIds' | `column:${number}`;
type TypedField = 'offsets' | 'postDocs' | 'postWeights';

/** One slice of one of SerializedIndex's arrays: values[0] is the field's element `at`. */
export interface IndexPart {
  field: StringField | TypedField;
  at: number;
  values: string[] | Int32Array | Uint16Array;
}

/** What the parts add up to: the scalars, and the length of every array (to check the parts cover it). */
export interface IndexMeta {
  format: number;
  watermarks: Watermarks;
  lengths: Record<string, number>;
  parts: number;
}

/**
 * The index's saved form as `meta` and `count` parts, each made only when asked for (so no step
 * of saving holds the thread for long). Removed documents are dropped first. The parts read the
 * index as it is: it must not change until the last part is made.
 */
export function indexParts(
  state: IndexState,
  sizes: { strings: number; postings: number } = { strings: PART_STRINGS, postings: PART_POSTINGS },
): { meta: IndexMeta; count: number; part: (i: number) => IndexPart } {
  if (state.dead > 0) compact(state);
  const terms = state.termList.length;
  const offsets = new Int32Array(terms + 1);
  let total = 0;
  for (let t = 0; t < terms; t++) {
    offsets[t] = total;
    total += state.postDocs[t]!.length;
  }
  offsets[terms] = total;
  const ids = [...state.fingerprints.keys()];
  const fingerprints = [...state.fingerprints.values()];
  const stampIds = [...state.stamps.keys()];
  const stampValues = [...state.stamps.values()];
  const live = state.stored as StoredDoc[];
  const copyPostings = <A extends Int32Array | Uint16Array>(
    make: (n: number) => A,
    lists: (number[] | A)[],
    from: number,
    to: number,
  ): A => {
    const out = make(to - from);
    // The terms whose postings overlap [from, to): a binary search for the first one.
    let lo = 0;
    let hi = terms;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (offsets[mid + 1]! <= from) lo = mid + 1;
      else hi = mid;
    }
    for (let t = lo; t < terms && offsets[t]! < to; t++) {
      const list = lists[t]!;
      const a = Math.max(from, offsets[t]!);
      const b = Math.min(to, offsets[t + 1]!);
      if (b <= a) continue;
      const slice = list.slice(a - offsets[t]!, b - offsets[t]!);
      out.set(slice, a - from);
    }
    return out;
  };
  const sources: { field: IndexPart['field']; length: number; step: number; slice: (from: number, to: number) => IndexPart['values'] }[] = [
    { field: 'ids', length: ids.length, step: sizes.strings, slice: (a, b) => ids.slice(a, b) },
    { field: 'fingerprints', length: fingerprints.length, step: sizes.strings, slice: (a, b) => fingerprints.slice(a, b) },
    { field: 'stampIds', length: stampIds.length, step: sizes.strings, slice: (a, b) => stampIds.slice(a, b) },
    { field: 'stampValues', length: stampValues.length, step: sizes.strings, slice: (a, b) => stampValues.slice(a, b) },
    { field: 'termList', length: terms, step: sizes.strings, slice: (a, b) => state.termList.slice(a, b) },
    { field: 'slotIds', length: state.slotIds.length, step: sizes.strings, slice: (a, b) => state.slotIds.slice(a, b) },
    { field: 'offsets', length: offsets.length, step: sizes.postings, slice: (a, b) => offsets.slice(a, b) },
    {
      field: 'postDocs',
      length: total,
      step: sizes.postings,
      slice: (a, b) => copyPostings((n) => new Int32Array(n), state.postDocs, a, b),
    },
    {
      field: 'postWeights',
      length: total,
      step: sizes.postings,
      slice: (a, b) => copyPostings((n) => new Uint16Array(n), state.postWeights, a, b),
    },
    ...STORED_FIELDS.map((f, fi) => ({
      field: `column:${fi}` as const,
      length: live.length,
      step: sizes.strings,
      slice: (a: number, b: number) => live.slice(a, b).map((d) => String(d[f])),
    })),
  ];
  const plan: { source: (typeof sources)[number]; at: number }[] = [];
  for (const source of sources) for (let at = 0; at < source.length; at += source.step) plan.push({ source, at });
  const meta: IndexMeta = {
    format: INDEX_FORMAT,
    watermarks: { ...state.watermarks },
    lengths: Object.fromEntries(sources.map((x) => [x.field, x.length])),
    parts: plan.length,
  };
  return {
    meta,
    count: plan.length,
    part: (i) => {
      const { source, at } = plan[i]!;
      return { field: source.field, at, values: source.slice(at, Math.min(source.length, at + source.step)) };
    },
  };
}

/** Puts the parts back together; throws when they do not cover every array exactly (a damaged save). */
export function assembleIndex(meta: IndexMeta, parts: readonly IndexPart[]): SerializedIndex {
  if (meta.format !== INDEX_FORMAT) throw new Error(`Search index format ${meta.format} is not ${INDEX_FORMAT}`);
  if (parts.length !== meta.parts) throw new Error('Search index parts are missing');
  const length = (field: string): number => {
    const n = meta.lengths[field];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new Error(`Search index length of ${field} is damaged`);
    return n;
  };
  const filled = new Map<string, number>();
  const fill = (field: string, at: number, n: number) => {
    if ((filled.get(field) ?? 0) !== at) throw new Error(`Search index part ${field}@${at} is out of order`);
    filled.set(field, at + n);
  };
  const strings = (field: StringField): string[] => {
    const out: string[] = [];
    for (const p of parts) {
      if (p.field !== field) continue;
      if (!Array.isArray(p.values)) throw new Error(`Search index part ${field} is damaged`);
      fill(field, p.at, p.values.length);
      for (const v of p.values) out.push(v);
    }
    if (out.length !== length(field)) throw new Error(`Search index ${field} is incomplete`);
    return out;
  };
  const typed = <A extends Int32Array | Uint16Array>(field: TypedField, make: (n: number) => A): A => {
    const out = make(length(field));
    for (const p of parts) {
      if (p.field !== field) continue;
      if (Array.isArray(p.values) || p.at + p.values.length > out.length) throw new Error(`Search index part ${field} is damaged`);
      fill(field, p.at, p.values.length);
      out.set(p.values, p.at);
    }
    if ((filled.get(field) ?? 0) !== out.length) throw new Error(`Search index ${field} is incomplete`);
    return out;
  };
  return {
    format: meta.format,
    watermarks: meta.watermarks,
    ids: strings('ids'),
    fingerprints: strings('fingerprints'),
    stampIds: strings('stampIds'),
    stampValues: strings('stampValues'),
    termList: strings('termList'),
    offsets: typed('offsets', (n) => new Int32Array(n)),
    postDocs: typed('postDocs', (n) => new Int32Array(n)),
    postWeights: typed('postWeights', (n) => new Uint16Array(n)),
    slotIds: strings('slotIds'),
    columns: STORED_FIELDS.map((_, fi) => strings(`column:${fi}`)),
  };
}

/** A compact copy of the index (removed documents dropped first): its parts, put together. */
export function serializeIndex(state: IndexState, sizes?: { strings: number; postings: number }): SerializedIndex {
  const { meta, count, part } = indexParts(state, sizes);
  return assembleIndex(
    meta,
    Array.from({ length: count }, (_, i) => part(i)),
  );
}

/** The index from its saved form: no tokenising, only the term tree is rebuilt. */
export function restoreIndex(s: SerializedIndex): IndexState {
  if (s.format !== INDEX_FORMAT) throw new Error(`Search index format ${s.format} is not ${INDEX_FORMAT}`);
  if (s.ids.length !== s.fingerprints.length || s.stampIds.length !== s.stampValues.length || s.offsets.length !== s.termList.length + 1) {
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
  const stamps = new Map<string, string>();
  s.stampIds.forEach((id, i) => stamps.set(id, s.stampValues[i]!));
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
    stamps,
    watermarks: { ...emptyWatermarks(), ...s.watermarks },
  };
  reindexFacets(state);
  return state;
}
