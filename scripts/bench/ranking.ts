/**
 * Ranking quality of full-text search: nDCG@10 of the app's engine (shared/search/engine.ts) and of
 * MiniSearch configured alike (bench/minisearch-like-app.ts) on the judged queries of
 * bench/ranking/queries.json, over the bundled Office of the Historian records indexed as the
 * app's worker indexes them (people, visits, sources).
 *
 *   npx tsx scripts/bench/ranking.ts        (or: npm run bench -- --only ranking)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importHsg } from '../../shared/importers/hsg';
import { personDoc, sourceDoc, visitDoc, type SearchDoc } from '../../shared/search';
import { createIndexState, runQuery, upsertDocs } from '../../shared/search/engine';
import { createMiniSearch } from '../../bench/minisearch-like-app';
import { readBundledHsg } from '../cli/bundled-hsg';

const QUERIES = fileURLToPath(new URL('../../bench/ranking/queries.json', import.meta.url));

export interface RankingSet {
  queries: { q: string; kind: string; need: string; rule: string; judgments: [string, number, string][] }[];
}

export interface RankingResult {
  queries: { q: string; kind: string; ours: number; mini: number; oursTotal: number; miniTotal: number }[];
  ours: number;
  mini: number;
  documents: number;
}

/** Discounted cumulative gain of a ranked list of grades (2^g − 1 over log2 of the rank + 1). */
function dcg(grades: readonly number[]): number {
  return grades.reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
}

/** nDCG@k of `ranked` (document ids, best first) against the judgments (unjudged: 0). */
export function ndcg(ranked: readonly string[], judged: ReadonlyMap<string, number>, k = 10): number {
  const ideal = dcg([...judged.values()].sort((a, b) => b - a).slice(0, k));
  if (ideal === 0) return 0;
  return dcg(ranked.slice(0, k).map((id) => judged.get(id) ?? 0)) / ideal;
}

export function rankingDocuments(): SearchDoc[] {
  const data = importHsg(readBundledHsg());
  const people = new Map(data.people.map((p) => [p.id, p]));
  return [...data.people.map(personDoc), ...data.visits.map((v) => visitDoc(v, people)), ...data.sources.map(sourceDoc)];
}

export function benchRanking(set: RankingSet = JSON.parse(readFileSync(QUERIES, 'utf8')) as RankingSet): RankingResult {
  const docs = rankingDocuments();
  const state = createIndexState();
  upsertDocs(state, docs);
  const mini = createMiniSearch();
  mini.addAll(docs);
  const queries = set.queries.map((query) => {
    const judged = new Map(query.judgments.map(([id, g]) => [id, g]));
    const r = runQuery(state, { q: query.q, facets: {}, limit: 10 });
    const m = mini.search(query.q);
    return {
      q: query.q,
      kind: query.kind,
      ours: ndcg(
        r.hits.map((h) => `${h.type}:${h.recordId}`),
        judged,
      ),
      mini: ndcg(
        m.map((h) => String(h.id)),
        judged,
      ),
      oursTotal: r.total,
      miniTotal: m.length,
    };
  });
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return { queries, ours: mean(queries.map((q) => q.ours)), mini: mean(queries.map((q) => q.mini)), documents: docs.length };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = benchRanking();
  const f = (x: number) => x.toFixed(3);
  process.stdout.write(`nDCG@10 over ${r.queries.length} judged queries, ${r.documents} documents\n`);
  for (const q of r.queries) {
    process.stdout.write(
      `${q.q.padEnd(22)} ${q.kind.padEnd(13)} ours ${f(q.ours)} (${q.oursTotal} hits)  MiniSearch ${f(q.mini)} (${q.miniTotal} hits)\n`,
    );
  }
  process.stdout.write(`mean: ours ${f(r.ours)}, MiniSearch ${f(r.mini)}\n`);
}
