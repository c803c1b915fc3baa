/**
 * The search index's memory at N visits, in Node: the JS heap after GC with the index built (and
 * after a save and restore, as after reopening the app) minus the heap before it, the generated
 * data held throughout; and the least the stored fields' strings take, whatever holds them.
 *
 *   node --expose-gc --import tsx scripts/bench/index-memory.ts [--visits 100000] [--seed 1]
 */
import { loadavg } from 'node:os';
import { generateDataset } from '../../shared/generate';
import { eventDoc, noteDoc, personDoc, sourceDoc, visitDoc, type SearchDoc } from '../../shared/search';
import { createIndexState, restoreIndex, serializeIndex, upsertDocs, type IndexState } from '../../shared/search/engine';
import { fmt } from './stats';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  process.stderr.write('Run with node --expose-gc --import tsx scripts/bench/index-memory.ts\n');
  process.exit(2);
}
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const visits = Number(arg('--visits') ?? 100_000);
const seed = Number(arg('--seed') ?? 1);

function heap(): number {
  for (let i = 0; i < 3; i++) gc!();
  // Typed arrays' contents live outside the JS heap (arrayBuffers): both count.
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1024 / 1024;
}

const data = generateDataset({ visits, seed });
const byId = <T extends { id: string; deletedAt: string | null }>(rows: readonly T[]): T[] =>
  rows.filter((r) => !r.deletedAt).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
function batches(): SearchDoc[][] {
  const people = new Map(data.people.map((p) => [p.id, p]));
  return [
    byId(data.people).map(personDoc),
    byId(data.visits).map((v) => visitDoc(v, people)),
    byId(data.sources).map(sourceDoc),
    byId(data.notes).map(noteDoc),
    byId(data.events).map(eventDoc),
  ];
}

const before = heap();
let state: IndexState | null = createIndexState();
let documents = 0;
for (const docs of batches()) {
  for (let i = 0; i < docs.length; i += 2000) upsertDocs(state, docs.slice(i, i + 2000));
  documents += docs.length;
}
const built = heap() - before;
const postings = state.postDocs.reduce((n, p) => n + p.length, 0);
// The stored fields' characters (one byte each in V8's one-byte strings) and string headers: what
// any layout that keeps these strings must hold, objects or columns.
let chars = 0;
let strings = 0;
for (const d of state.stored) {
  if (!d) continue;
  for (const v of Object.values(d)) {
    chars += String(v).length;
    strings++;
  }
}
const storedFloor = (chars + strings * 16) / 1024 / 1024;
state = restoreIndex(serializeIndex(state));
const restored = heap() - before;
state = null;
const out = [
  `${visits} visits (seed ${seed}): ${documents} documents, ${postings} postings` +
    `; the stored fields' strings alone: at least ${fmt(storedFloor)} MB (${chars} characters in ${strings} strings)`,
  `index built: ${fmt(built)} MB; after a save and restore (typed postings): ${fmt(restored)} MB (JS heap and array buffers, after GC, over the heap before it)`,
  `load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(', ')}`,
];
process.stdout.write(`${out.join('\n')}\n`);
