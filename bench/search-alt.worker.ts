/**
 * The full-text case's two baselines, each doing the app's search work in a worker of its own, on
 * the documents the app's worker indexes (the same generated data, the same document builders):
 * - MiniSearch configured like the app's engine (bench/minisearch-like-app.ts), its results' facets
 *   counted over every match and the 50 best handed back;
 * - a like-for-like scan: every document's folded tokens held as one string, each query word
 *   matched as a whole token or a token's prefix (the engine's exact and prefix matching; not its
 *   fuzzy one), the 50 best kept by the engine's own heap and facets counted over every match.
 * Both answer in the app's wire format (shared/search/wire.ts), so the window unpacks the same way.
 */
import { generateDataset, type GeneratedDataset } from '../shared/generate';
import {
  countFacets,
  eventDoc,
  noteDoc,
  personDoc,
  processTerm,
  queryTerms,
  sourceDoc,
  tokenize,
  visitDoc,
  STORED_FIELDS,
  type SearchDoc,
  type SearchHit,
  type SearchResult,
  type StoredDoc,
} from '../shared/search';
import { FIELD_WEIGHTS, PREFIX_QUALITY, TopK } from '../shared/search/engine';
import { packResult, type PackedResult } from '../shared/search/wire';
import { createMiniSearch } from './minisearch-like-app';

export type AltRequest = { type: 'prepare'; visits: number; seed: number } | { type: 'mini' | 'scan'; q: string };
export type AltReply =
  | { type: 'ready'; documents: number; miniMs: number; scanMs: number }
  | { type: 'result'; packed: PackedResult }
  | { type: 'error'; message: string };

const scope = self as unknown as { onmessage: ((e: MessageEvent<AltRequest>) => void) | null; postMessage(m: AltReply): void };

const byId = <T extends { id: string; deletedAt: string | null }>(rows: readonly T[]): T[] =>
  rows.filter((r) => !r.deletedAt).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** The app worker's documents, table by table in id order (the order its build reads them). */
function documents(d: GeneratedDataset): SearchDoc[] {
  const people = new Map(d.people.map((p) => [p.id, p]));
  return [
    ...byId(d.people).map(personDoc),
    ...byId(d.visits).map((v) => visitDoc(v, people)),
    ...byId(d.sources).map(sourceDoc),
    ...byId(d.notes).map(noteDoc),
    ...byId(d.events).map(eventDoc),
  ];
}

function stored(doc: SearchDoc): StoredDoc {
  const out = {} as Record<string, unknown>;
  for (const f of STORED_FIELDS) out[f] = doc[f];
  return out as unknown as StoredDoc;
}

let mini: ReturnType<typeof createMiniSearch> | null = null;
let docs: StoredDoc[] = [];
let texts: string[] = [];
let scanScores = new Float64Array(0);

function prepare(visits: number, seed: number): AltReply {
  const all = documents(generateDataset({ visits, seed }));
  docs = all.map(stored);
  let t0 = performance.now();
  mini = createMiniSearch([...STORED_FIELDS]);
  mini.addAll(all);
  const miniMs = performance.now() - t0;
  t0 = performance.now();
  texts = all.map((doc) => {
    const terms = new Set<string>();
    for (const [field] of FIELD_WEIGHTS) {
      for (const token of tokenize(doc[field])) {
        const t = processTerm(token);
        if (t !== null) terms.add(t);
      }
    }
    return ` ${[...terms].join(' ')} `;
  });
  scanScores = new Float64Array(texts.length);
  return { type: 'ready', documents: all.length, miniMs, scanMs: performance.now() - t0 };
}

function hitOf(doc: StoredDoc, score: number): SearchHit {
  return { ...doc, score };
}

function miniQuery(q: string): SearchResult {
  const began = performance.now();
  const results = mini!.search(q);
  const matched = results as unknown as StoredDoc[];
  const terms = new Set<string>();
  const hits = results.slice(0, 50).map((r) => {
    for (const t of r.terms) terms.add(t);
    return hitOf(stored(r as unknown as SearchDoc), r.score);
  });
  return { hits, total: results.length, facets: countFacets(matched, {}, 50), terms: [...terms], tookMs: performance.now() - began };
}

function scanQuery(q: string): SearchResult {
  const began = performance.now();
  const words = [...new Set(queryTerms(q))].map((w) => ` ${w}`);
  const top = new TopK(50, scanScores);
  const matched: StoredDoc[] = [];
  if (words.length > 0) {
    outer: for (let i = 0; i < texts.length; i++) {
      const text = texts[i]!;
      let score = 0;
      for (const w of words) {
        const at = text.indexOf(w);
        if (at < 0) continue outer;
        score += text.startsWith(' ', at + w.length) || text.includes(`${w} `) ? 1 : PREFIX_QUALITY;
      }
      scanScores[i] = score;
      matched.push(docs[i]!);
      top.offer(i);
    }
  }
  const hits = top.sorted().map((i) => hitOf(docs[i]!, scanScores[i]!));
  return {
    hits,
    total: matched.length,
    facets: countFacets(matched, {}, 50),
    terms: words.map((w) => w.slice(1)),
    tookMs: performance.now() - began,
  };
}

scope.onmessage = (e) => {
  const m = e.data;
  try {
    if (m.type === 'prepare') scope.postMessage(prepare(m.visits, m.seed));
    else if (!mini) scope.postMessage({ type: 'error', message: 'prepare first' });
    else scope.postMessage({ type: 'result', packed: packResult(m.type === 'mini' ? miniQuery(m.q) : scanQuery(m.q)) });
  } catch (err) {
    scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
