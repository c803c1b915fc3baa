/**
 * The search engine alone, in Node: the "Full-text query" case of `npm run bench` without the
 * browser, the worker round trip or IndexedDB, so the engine's own cost can be profiled.
 *
 *   npx tsx scripts/bench/search-engine.ts [--visits 100000] [--seed 1] [--runs 20] [--limit 50] [--restored] [--cold] [--separate] [--like-app] [--dump FILE]
 *   node --cpu-prof --import tsx scripts/bench/search-engine.ts ...   (a CPU profile of the same)
 *
 * Generates the data set (shared/generate), builds the documents the worker builds (people first,
 * then visits, sources, notes, events, in batches, as renderer/search/sync.ts does), times
 * `runQuery` for the ten queries of bench/harness.ts, interleaved with the same linear-scan
 * baseline (every term a substring of the record's lower-cased text). `--restored` queries the
 * index after a serialize → restore round trip (typed postings, as after reopening the app).
 * `--cold` forgets the engine's cached word expansions before every query (as if each query
 * were typed for the first time). Each query is followed by its scan, as in the harness; on one
 * thread the scan (tens of MB of text) evicts the index from the CPU caches before every query,
 * which the app's worker, on another thread and maybe another core, may be spared in part:
 * `--separate` times all the queries first and all the scans after. The load average is printed:
 * on a busy machine the figures vary. `--like-app` adds a second baseline, timed after each scan:
 * the same scan returning what runQuery returns (facet counts over every match, by countFacets,
 * and the `limit` best by a simple score: earlier occurrences rank higher). `--dump` writes each
 * query's total, hits (id, score, terms) and facet counts as JSON, to compare two versions of the
 * engine.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { benchScanTexts, benchSearchQueries, generateDataset, type GeneratedDataset } from '../../shared/generate';
import { countFacets, eventDoc, noteDoc, personDoc, sourceDoc, visitDoc, type SearchDoc, type StoredDoc } from '../../shared/search';
import {
  clearExpansionCache,
  createIndexState,
  restoreIndex,
  runQuery,
  serializeIndex,
  TopK,
  upsertDocs,
  type IndexState,
} from '../../shared/search/engine';
import { fmt, summarize, table } from './stats';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const visits = Number(arg('--visits') ?? 100_000);
const seed = Number(arg('--seed') ?? 1);
const runs = Number(arg('--runs') ?? 20);
const limit = Number(arg('--limit') ?? 50);
const restored = process.argv.includes('--restored');
const cold = process.argv.includes('--cold');
const separate = process.argv.includes('--separate');
const likeApp = process.argv.includes('--like-app');
const dump = arg('--dump');
if (![visits, seed, runs, limit].every(Number.isInteger) || visits < 1 || runs < 1 || limit < 1) {
  process.stderr.write(
    'Usage: search-engine.ts [--visits N] [--seed S] [--runs R] [--limit K] [--restored] [--cold] [--separate] [--like-app] [--dump FILE]\n',
  );
  process.exit(2);
}

function scan(texts: readonly string[], q: string): number {
  const terms = q.toLowerCase().split(/\s+/).filter(Boolean);
  let total = 0;
  outer: for (const text of texts) {
    for (const t of terms) if (!text.includes(t)) continue outer;
    total++;
  }
  return total;
}

/** The baseline's records as the index's documents, aligned with benchScanTexts (same records, same order). */
function scanDocs(d: GeneratedDataset): StoredDoc[] {
  const people = new Map(d.people.map((p) => [p.id, p]));
  return [
    ...d.visits.map((v) => visitDoc(v, people)),
    ...d.people.map(personDoc),
    ...d.notes.map(noteDoc),
    ...d.sources.map(sourceDoc),
    ...d.events.map(eventDoc),
  ];
}

/**
 * The scan, returning what runQuery returns: facet counts over every match (countFacets) and the
 * `limit` best, kept by the engine's own TopK heap (an earlier occurrence scores higher).
 */
function scanLikeApp(texts: readonly string[], docs: readonly StoredDoc[], q: string): number {
  const terms = q.toLowerCase().split(/\s+/).filter(Boolean);
  if (scanScores.length < texts.length) scanScores = new Float64Array(texts.length);
  const top = new TopK(limit, scanScores);
  const matched: StoredDoc[] = [];
  outer: for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    let score = 0;
    for (const t of terms) {
      const at = text.indexOf(t);
      if (at < 0) continue outer;
      score += 1 / (1 + at);
    }
    scanScores[i] = score;
    matched.push(docs[i]!);
    top.offer(i);
  }
  countFacets(matched, {}, 50);
  return top.sorted().length;
}
let scanScores = new Float64Array(0);

const byId = <T extends { id: string; deletedAt: string | null }>(rows: readonly T[]): T[] =>
  rows.filter((r) => !r.deletedAt).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** The worker's documents, table by table in id order (the order its build reads them). */
function documents(d: GeneratedDataset): SearchDoc[][] {
  const people = new Map(d.people.map((p) => [p.id, p]));
  return [
    byId(d.people).map(personDoc),
    byId(d.visits).map((v) => visitDoc(v, people)),
    byId(d.sources).map(sourceDoc),
    byId(d.notes).map(noteDoc),
    byId(d.events).map(eventDoc),
  ];
}

const ms = (t0: number) => performance.now() - t0;
const log = (s: string) => process.stdout.write(`${s}\n`);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(', ');

let t0 = performance.now();
const data = generateDataset({ visits, seed });
log(`Generated ${visits} visits (seed ${seed}) in ${fmt(ms(t0))} ms`);

t0 = performance.now();
let state: IndexState = createIndexState();
let docCount = 0;
for (const docs of documents(data)) {
  for (let i = 0; i < docs.length; i += 2000) upsertDocs(state, docs.slice(i, i + 2000));
  docCount += docs.length;
}
log(`Indexed ${docCount} documents in ${fmt(ms(t0))} ms (${state.termList.length} terms)`);
if (restored) {
  t0 = performance.now();
  state = restoreIndex(serializeIndex(state));
  log(`Serialized and restored the index in ${fmt(ms(t0))} ms`);
}

const queries = benchSearchQueries(data);
const texts = benchScanTexts(data);
const docsForScan = likeApp ? scanDocs(data) : [];
const samples = new Map(
  queries.map((q) => [q, { app: [] as number[], scan: [] as number[], like: [] as number[], total: 0, scanTotal: 0 }]),
);

// Warm-up (not counted): compiles the hot paths and sizes the scratch buffers.
for (let i = 0; i < 3; i++) for (const q of queries) runQuery(state, { q, facets: {}, limit });

const loadBefore = load();
function timeApp(q: string): void {
  const s = samples.get(q)!;
  if (cold) clearExpansionCache();
  const t = performance.now();
  s.total = runQuery(state, { q, facets: {}, limit }).total;
  s.app.push(ms(t));
}
function timeScan(q: string): void {
  const s = samples.get(q)!;
  const t = performance.now();
  s.scanTotal = scan(texts, q);
  s.scan.push(ms(t));
  if (!likeApp) return;
  const t2 = performance.now();
  scanLikeApp(texts, docsForScan, q);
  s.like.push(ms(t2));
}
if (separate) {
  for (let run = 0; run < runs; run++) for (const q of queries) timeApp(q);
  for (let run = 0; run < runs; run++) for (const q of queries) timeScan(q);
} else {
  for (let run = 0; run < runs; run++) {
    for (const q of queries) {
      timeApp(q);
      timeScan(q);
    }
  }
}

const all = { app: [] as number[], scan: [] as number[], like: [] as number[] };
const rows = queries.map((q) => {
  const s = samples.get(q)!;
  all.app.push(...s.app);
  all.scan.push(...s.scan);
  all.like.push(...s.like);
  const a = summarize(s.app);
  const b = summarize(s.scan);
  const row = [
    `"${q}"`,
    String(s.total),
    String(s.scanTotal),
    fmt(a.median),
    fmt(a.p95),
    fmt(a.max),
    fmt(b.median),
    `${fmt(b.median / a.median)}×`,
  ];
  if (likeApp) row.push(fmt(summarize(s.like).median), `${fmt(summarize(s.like).median / a.median)}×`);
  return row;
});
const a = summarize(all.app);
const b = summarize(all.scan);
const allRow = ['all', '', '', fmt(a.median), fmt(a.p95), fmt(a.max), fmt(b.median), `${fmt(b.median / a.median)}×`];
if (likeApp) allRow.push(fmt(summarize(all.like).median), `${fmt(summarize(all.like).median / a.median)}×`);
rows.push(allRow);
log('');
const mode = [
  restored ? 'restored index' : 'built index',
  cold ? 'no cached expansions' : '',
  separate ? 'queries, then scans' : 'each query then its scan',
];
log(`runQuery at ${docCount} documents (${mode.filter(Boolean).join('; ')}), limit ${limit}, ${runs} runs per query; times in ms`);
log(`Load average (1, 5, 15 min): ${loadBefore} before, ${load()} after`);
log(
  table(
    ['query', 'hits', 'scan hits', 'median', 'p95', 'max', 'scan median', 'speedup', ...(likeApp ? ['scan like the app', 'speedup'] : [])],
    rows,
  ),
);
// No target here: the substring scan does other work than a query (other fields, no ranking, no
// facets). The targets are the browser benchmark's, against MiniSearch and a like-for-like scan.
log(`\nThe engine alone, p95 ${fmt(a.p95)} ms (the browser's target, worker round trip included: p95 ≤ 16 ms)`);

if (dump) {
  const out = queries.map((q) => {
    const r = runQuery(state, { q, facets: {}, limit });
    return {
      q,
      total: r.total,
      terms: r.terms,
      hits: r.hits.map((h) => [`${h.type}:${h.recordId}`, h.score]),
      facets: r.facets,
    };
  });
  writeFileSync(dump, JSON.stringify(out, null, 1));
  log(`Wrote ${dump}`);
}
