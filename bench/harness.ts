/**
 * The benchmark harness page: built together with the app (bench/vite.config.ts) so it shares the
 * app's origin and IndexedDB. It imports the app's real modules and exposes `window.bench`, which
 * scripts/bench/run.ts calls through Playwright's page.evaluate. Each call returns plain figures
 * (milliseconds unless named otherwise); the runner interleaves app and baseline calls.
 */
import '../shared/jitless';
import { Dexie } from 'dexie';
import type { Visit } from '../shared/model';
import { benchSearchQueries, datasetToHsgXml, generateDataset, type GeneratedDataset } from '../shared/generate';
import { buildReportModel, renderCsv, renderIcs, renderJson, renderMarkdown, type ReportInput } from '../shared/reports';
import { db } from '../renderer/db/instance';
import { visitEndKey } from '../renderer/db/database';
import { saveDatasetImport } from '../renderer/db/dataset-import';
import { startDatasetImport } from '../renderer/features/import/dataset-import-client';
import { HSG_IMPORT_TIMESTAMP } from '../shared/importers';
import * as visitQuery from '../renderer/db/visits/query';
import * as search from '../renderer/search';
import { unpackResult } from '../shared/search/wire';
import type { AltReply, AltRequest } from './search-alt.worker';

type Q = { status: Visit['status']; country: string; from: string; to: string };

const RAW_DB = 'bench-raw';
const RAW_TABLES = ['sources', 'people', 'visits'] as const;
const ALL_TABLES = () => [db.people, db.sources, db.visits, db.meetings, db.events, db.evidence, db.notes, db.meta, db.searchIndex];

let cached: { key: string; data: GeneratedDataset } | null = null;

/** The generated dataset (cached per page): generation is not measured. */
function dataset(visits: number, seed: number): GeneratedDataset {
  const key = `${visits}:${seed}`;
  if (cached?.key !== key) cached = { key, data: generateDataset({ visits, seed }) };
  return cached.data;
}

function withEndKey(v: Visit): Visit & { endKey: string } {
  return { ...v, endKey: visitEndKey(v) };
}

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

/**
 * The raw baseline database: object stores with exactly the keyPath and indexes of the app's
 * sources, people and visits tables (read from the Dexie schema, so they cannot drift).
 */
async function openRaw(): Promise<IDBDatabase> {
  if (!db.isOpen()) await db.open();
  const specs = RAW_TABLES.map((name) => ({ name, schema: db.table(name).schema }));
  const open = indexedDB.open(RAW_DB, 1);
  open.onupgradeneeded = () => {
    const raw = open.result;
    for (const { name, schema } of specs) {
      const store = raw.createObjectStore(name, { keyPath: schema.primKey.keyPath as string });
      for (const ix of schema.indexes) {
        store.createIndex(ix.name, ix.keyPath as string | string[], { multiEntry: ix.multi, unique: ix.unique });
      }
    }
  };
  return req(open);
}

let raw: IDBDatabase | null = null;
async function rawDb(): Promise<IDBDatabase> {
  raw ??= await openRaw();
  return raw;
}

async function resetRaw(): Promise<void> {
  const r = await rawDb();
  const tx = r.transaction([...RAW_TABLES], 'readwrite');
  for (const t of RAW_TABLES) tx.objectStore(t).clear();
  await done(tx);
}

async function resetApp(): Promise<void> {
  await db.transaction('rw', ALL_TABLES(), async () => {
    for (const t of ALL_TABLES()) await t.clear();
  });
}

/** ONE raw transaction putting the same objects (visits with the endKey the app's middleware adds). */
/** Puts between two acknowledgements the raw import watches: the app reports progress as each call of 49 rows is acknowledged. */
const RAW_ACK_EVERY = 49;

/**
 * The raw baseline: every put in one transaction. Also notes when IndexedDB acknowledged every
 * 49th put (a listener on one request in 49 costs nothing measurable), so that a pause of the
 * backend shows in the baseline as it would in the app's progress: the longest gap between two
 * once every put is issued, and where each gap over 500 ms began (records acknowledged).
 */
async function rawImport(
  data: Pick<GeneratedDataset, 'sources' | 'people' | 'visits'>,
): Promise<{ ms: number; maxAckGap: number; ackGaps: string[] }> {
  const r = await rawDb();
  const t0 = performance.now();
  const tx = r.transaction([...RAW_TABLES], 'readwrite');
  const stores = { sources: tx.objectStore('sources'), people: tx.objectStore('people'), visits: tx.objectStore('visits') };
  let last = Infinity;
  let maxAckGap = 0;
  const ackGaps: string[] = [];
  let n = 0;
  const watch = (req: IDBRequest) => {
    if (++n % RAW_ACK_EVERY !== 0) return;
    const at = n;
    req.onsuccess = () => {
      const now = performance.now();
      if (now - last > maxAckGap) maxAckGap = now - last;
      if (now - last > 500)
        ackGaps.push(`${((last - t0) / 1000).toFixed(1)} s +${Math.round(now - last)} ms (${at - RAW_ACK_EVERY} acknowledged)`);
      last = now;
    };
  };
  for (const s of data.sources) watch(stores.sources.put(s));
  for (const p of data.people) watch(stores.people.put(p));
  for (const v of data.visits) watch(stores.visits.put(withEndKey(v)));
  // Acknowledgements reach this thread only once it has issued every put: gaps count from there.
  last = performance.now();
  await done(tx);
  return { ms: performance.now() - t0, maxAckGap, ackGaps };
}

export interface LongTask {
  start: number;
  duration: number;
}
interface LongTasks {
  stop(): LongTask[];
}
function watchLongTasks(): LongTasks {
  const tasks: LongTask[] = [];
  let obs: PerformanceObserver | null = null;
  try {
    obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
    });
    obs.observe({ type: 'longtask', buffered: false });
  } catch {
    // longtask is Chromium-only; the runner reports "not measured" when the list is absent.
  }
  return {
    stop: () => {
      if (obs) for (const e of obs.takeRecords()) tasks.push({ start: e.startTime, duration: e.duration });
      obs?.disconnect();
      return tasks;
    },
  };
}

const sleepFrame = () => new Promise<void>((r) => setTimeout(r, 0));

/** H2's search module (statically imported: the build fails loudly if it goes away). */
function loadSearch(): Promise<typeof search | null> {
  return Promise.resolve(typeof search.searchClient === 'function' ? search : null);
}

/** Waits until the search index is ready and holds at least `documents` documents. */
async function searchCaughtUp(
  documents: number,
  onProgress: (label: string) => void = () => undefined,
  timeoutMs = 300_000,
): Promise<{ ms: number; documents: number } | null> {
  const mod = await loadSearch();
  if (!mod) return null;
  const client = mod.searchClient();
  const t0 = performance.now();
  return new Promise((resolve) => {
    let finished = false;
    const check = () => {
      const s = client.status();
      if (!finished && s.phase === 'ready' && s.documents >= documents) {
        finished = true;
        unsubscribe();
        resolve({ ms: performance.now() - t0, documents: s.documents });
      } else if (!finished && (s.phase === 'failed' || performance.now() - t0 > timeoutMs)) {
        finished = true;
        unsubscribe();
        resolve(null);
      }
    };
    const unsubscribe = client.subscribe((s) => {
      // Progress: the index building or loading, or a ready index taking in more documents.
      if (s.phase === 'indexing' || s.phase === 'loading' || s.phase === 'ready')
        onProgress(
          s.phase === 'indexing' ? `indexing ${s.done}/${s.total}` : s.phase === 'ready' ? `ready, ${s.documents} documents` : s.phase,
        );
      check();
    });
    const timer = setInterval(() => {
      check();
      if (finished) clearInterval(timer);
    }, 50);
    check();
  });
}

/** When the search worker last committed a save of the index (its meta row), as this page heard it (Dexie storagemutated). */
let lastIndexSave = -1;
function rangeHas(node: RangeNode | null | undefined, key: string): boolean {
  if (!node || node.from === undefined) return false;
  if (node.from === '' && node.to === '\uffff') return true; // Dexie's "the whole table"
  if (typeof node.from === 'string' && typeof node.to === 'string' && node.from <= key && key <= node.to) return true;
  return rangeHas(node.l, key) || rangeHas(node.r, key);
}
interface RangeNode {
  from?: unknown;
  to?: unknown;
  l?: RangeNode | null;
  r?: RangeNode | null;
}
Dexie.on('storagemutated', (parts: Record<string, unknown>) => {
  const range = parts[`idb://${db.name}/searchIndex/`] as RangeNode | undefined;
  if (range && rangeHas(range, 'index:meta')) lastIndexSave = performance.now();
});

const bench = {
  /** The generated dataset's sizes (and generation time), generating it if needed. */
  generate(visits: number, seed: number) {
    const t0 = performance.now();
    const d = dataset(visits, seed);
    return {
      ms: performance.now() - t0,
      counts: Object.fromEntries(Object.entries(d).map(([k, v]) => [k, (v as unknown[]).length])),
    };
  },

  async reset(): Promise<void> {
    await resetApp();
    await resetRaw();
  },

  /** Import N visits (storage only): the app's saveDatasetImport (as its worker calls it) into an empty database. */
  async importStorageApp(visits: number, seed: number, batchSize?: number): Promise<{ ms: number; progress: number }> {
    const d = dataset(visits, seed);
    await resetApp();
    let progress = 0;
    const t0 = performance.now();
    await saveDatasetImport(
      { sources: d.sources, people: d.people, visits: d.visits },
      {
        metaKey: 'bench:import',
        label: 'Benchmark',
        // As the import worker saves: over a connection of its own.
        databaseName: db.name,
        importedAt: '2000-01-01T00:00:00.000Z',
        files: 0,
        warnings: 0,
        onProgress: () => progress++,
        ...(batchSize ? { batchSize } : {}),
      },
    );
    return { ms: performance.now() - t0, progress };
  },

  /** The raw baseline: the same objects in one IndexedDB transaction, stores with the same indexes. */
  async importStorageRaw(visits: number, seed: number): Promise<{ ms: number; maxAckGap: number; ackGaps: string[] }> {
    const d = dataset(visits, seed);
    await resetRaw();
    return rawImport(d);
  },

  /**
   * Import N visits end to end: HSG XML files → the app's import worker (parse, validate) →
   * saveDatasetImport → the search index caught up. Records the main thread's long tasks and
   * the gaps between progress reports.
   */
  async importEndToEnd(
    visits: number,
    seed: number,
  ): Promise<{
    ms: number;
    parseMs: number;
    saveMs: number;
    indexMs: number | null;
    longTasks: (LongTask & { phase: string })[];
    maxGap: number;
    gapPhase: string;
    records: number;
    /** The search index while the import runs: seconds since the start → its status, every ~10 s. */
    searchTimeline: string[];
    /** Every gap over 500 ms between progress reports: when it began, how long, where. */
    gaps: string[];
    /** When each stage of the reading first reported, in ms since the start (where the parse time goes). */
    stages: { stage: string; at: number }[];
  }> {
    const d = dataset(visits, seed);
    await resetApp();
    const files = datasetToHsgXml(d).map((f) => ({ name: f.name, file: new File([f.text], f.name, { type: 'text/xml' }) }));
    await sleepFrame();
    const long = watchLongTasks();
    const t0 = performance.now();
    let last = t0;
    let maxGap = 0;
    let phase = 'parse';
    let gapPhase = '';
    let lastLabel = 'start';
    let stored = 0;
    const gaps: string[] = [];
    const stages: { stage: string; at: number }[] = [];
    const tick = (label = phase) => {
      const now = performance.now();
      if (now - last > 500) gaps.push(`${fmtS(last - t0)} s +${Math.round(now - last)} ms (${phase}, ${stored} stored, to "${label}")`);
      if (now - last > maxGap) {
        maxGap = now - last;
        gapPhase = `${phase}: from "${lastLabel}" to "${label}"`;
      }
      last = now;
      lastLabel = label;
    };
    const searchTimeline: string[] = [];
    let stopTimeline = () => {};
    const fmtS = (ms: number) => (ms / 1000).toFixed(1);
    let t1 = t0;
    const task = startDatasetImport(
      files,
      { dbName: db.name, metaKey: 'bench:hsg', label: 'Benchmark (HSG XML)', importedAt: HSG_IMPORT_TIMESTAMP },
      {
        onParseProgress: (_done, _total, stage) => {
          if (stages.at(-1)?.stage !== stage) stages.push({ stage, at: performance.now() - t0 });
          tick(`${stage} progress`);
        },
        onParsed: () => {
          tick('parsed');
          t1 = performance.now();
          phase = 'store';
          // The import starts the search index now; follow it (not progress: the screen shows the store's).
          void loadSearch().then((mod) => {
            if (!mod) return;
            let lastAt = -Infinity;
            const un = mod.searchClient().subscribe((st) => {
              const now = performance.now();
              // Every 10 s while the import stores; every second once it is over (the catch-up).
              if (now - lastAt < (phase === 'store' ? 10_000 : 1_000) && st.phase !== 'failed') return;
              lastAt = now;
              const what =
                st.phase === 'ready'
                  ? `ready ${st.documents}${st.heldForImport ? ' (held for the import)' : ''}`
                  : st.phase === 'indexing'
                    ? `indexing ${st.done}/${st.total}`
                    : st.phase;
              searchTimeline.push(`${fmtS(now - t0)} s ${phase}: ${what}`);
            });
            stopTimeline = un;
          });
        },
        onSaveProgress: (done: number, _total: number, writing: number) => {
          stored = done + writing;
          tick('save progress');
        },
      },
    );
    const outcome = await task.done;
    if (outcome.failure) throw outcome.failure;
    const t2 = performance.now();
    phase = 'search index';
    const records = outcome.summary.records;
    const indexed = await searchCaughtUp(records, tick);
    tick('caught up');
    stopTimeline();
    const end = performance.now();
    const phaseOf = (t: number) => (t < t1 ? 'parse' : t < t2 ? 'store' : 'search index');
    return {
      ms: end - t0,
      parseMs: t1 - t0,
      saveMs: t2 - t1,
      indexMs: indexed ? end - t2 : null,
      longTasks: long.stop().map((t) => ({ ...t, phase: phaseOf(t.start) })),
      maxGap,
      gapPhase,
      records,
      searchTimeline,
      gaps,
      stages,
    };
  },

  /** The HSG XML import's records (the same objects the end-to-end case stores), into the raw baseline. */
  async importEndToEndRaw(visits: number, seed: number): Promise<{ ms: number; maxAckGap: number; ackGaps: string[] }> {
    const d = dataset(visits, seed);
    await resetRaw();
    return rawImport(d);
  },

  /** Loads the generated dataset into the app's database (not measured; bulk writes in a few transactions). */
  async load(visits: number, seed: number): Promise<{ ms: number }> {
    const d = dataset(visits, seed);
    await resetApp();
    const t0 = performance.now();
    await db.transaction('rw', ALL_TABLES(), async () => {
      await db.people.bulkPut(d.people);
      await db.sources.bulkPut(d.sources);
      await db.notes.bulkPut(d.notes);
      await db.events.bulkPut(d.events);
      await db.meetings.bulkPut(d.meetings);
      await db.evidence.bulkPut(d.evidence);
    });
    for (let i = 0; i < d.visits.length; i += 10_000) await db.visits.bulkPut(d.visits.slice(i, i + 10_000));
    return { ms: performance.now() - t0 };
  },

  /** Lets go of the generated data set (generated again when a case asks for it). */
  release(): void {
    cached = null;
  },

  /** Realistic list filters: status + a frequent host country + a date range, over the loaded data. */
  filterQueries(visits: number, seed: number): Q[] {
    const d = dataset(visits, seed);
    const counts = new Map<string, number>();
    for (const v of d.visits) if (v.status === 'completed') counts.set(v.place.country, (counts.get(v.place.country) ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 5);
    const ranges = [
      ['1945-01-01', '1999-12-31'],
      ['1960-01-01', '2024-12-31'],
      ['1990-01-01', '2010-12-31'],
    ];
    return top.map(([country], i) => {
      const [from, to] = ranges[i % ranges.length] ?? ['1900-01-01', '2030-12-31'];
      return { status: 'completed' as const, country, from: from ?? '', to: to ?? '' };
    });
  },

  /** The app's first page of 100 for a filter (H1's firstVisitPage). */
  async filterApp(q: Q): Promise<{ ms: number; rows: number } | { missing: string }> {
    const vq = visitQuery;
    if (typeof vq.firstVisitPage !== 'function') return { missing: 'renderer/db/visit-query.ts firstVisitPage is not there' };
    const t0 = performance.now();
    const rows = await vq.firstVisitPage({ filter: q, sort: { field: 'start', dir: 'desc' } }, 100);
    return { ms: performance.now() - t0, rows: rows.length };
  },

  /**
   * The raw baseline of the same page: the single request Dexie makes for a limited, reversed
   * index read where the browser has it (IndexedDB's getAll with options: query, count, direction),
   * on the app database's [status+place.country+startKey] index, newest first, 100 rows. Where the
   * browser lacks it, a cursor read of 100 rows (and `method` says so).
   */
  async filterRaw(q: Q): Promise<{ ms: number; rows: number; method: string }> {
    if (!db.isOpen()) await db.open();
    const idb = db.backendDB();
    const t0 = performance.now();
    const tx = idb.transaction('visits', 'readonly');
    const index = tx.objectStore('visits').index('[status+place.country+startKey]');
    const range = IDBKeyRange.bound([q.status, q.country, q.from], [q.status, q.country, q.to]);
    // Dexie's own test for the options form (IndexedDB 3.0 features).
    if ('getAllRecords' in IDBObjectStore.prototype) {
      const getAll = index.getAll.bind(index) as unknown as (o: {
        query: IDBKeyRange;
        count: number;
        direction: IDBCursorDirection;
      }) => IDBRequest<unknown[]>;
      const rows = await req(getAll({ query: range, count: 100, direction: 'prev' }));
      return { ms: performance.now() - t0, rows: rows.length, method: 'getAll({ query, count, direction })' };
    }
    const rows: unknown[] = [];
    await new Promise<void>((resolve, reject) => {
      const c = index.openCursor(range, 'prev');
      c.onsuccess = () => {
        const cur = c.result;
        if (!cur || rows.length >= 100) return resolve();
        rows.push(cur.value);
        cur.continue();
      };
      c.onerror = () => reject(c.error ?? new Error('cursor failed'));
    });
    return { ms: performance.now() - t0, rows: rows.length, method: 'a cursor (no getAll with options here)' };
  },

  /** Ten realistic queries: a traveller's name, a capital city, frequent remark words, a country, a tag. */
  searchQueries(visits: number, seed: number): string[] {
    return benchSearchQueries(dataset(visits, seed));
  },

  /** Starts the search index (restored or built) and says how and how fast, and when it became ready (performance.now()). */
  async searchReady(): Promise<{ source: string; ms: number; documents: number; at: number } | { missing: string }> {
    const mod = await loadSearch();
    if (!mod) return { missing: 'renderer/search is not there' };
    const client = mod.searchClient();
    const r = await client.ready();
    const s = client.status();
    return { source: r.source, ms: r.ms, documents: s.phase === 'ready' ? s.documents : 0, at: performance.now() };
  },

  /**
   * Waits until the search index has been saved since `after` (performance.now(); a save commits
   * its meta row last), up to `timeoutMs`. Resolves with the time of the save, or null.
   */
  async searchSaved(after: number, timeoutMs = 120_000): Promise<number | null> {
    const t0 = performance.now();
    while (performance.now() - t0 < timeoutMs) {
      if (lastIndexSave > after) return lastIndexSave;
      await new Promise((r) => setTimeout(r, 50));
    }
    return null;
  },

  /** Waits (up to 60 s) until the search index has been saved to the searchIndex store, so a reopen can restore it. */
  async searchPersisted(): Promise<boolean> {
    const t0 = performance.now();
    while (performance.now() - t0 < 60_000) {
      if (await db.searchIndex.get('index:meta')) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  },

  /** Rebuilds the index from the database and times it (the baseline of reopening with a persisted index). */
  async searchRebuild(): Promise<{ ms: number } | { missing: string }> {
    const mod = await loadSearch();
    if (!mod) return { missing: 'renderer/search is not there' };
    const client = mod.searchClient();
    await client.ready();
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      let seenWork = false;
      const un = client.subscribe((s) => {
        if (s.phase !== 'ready') seenWork = true;
        if (seenWork && s.phase === 'ready') {
          un();
          resolve();
        }
      });
      client.rebuild();
    });
    return { ms: performance.now() - t0 };
  },

  async searchApp(q: string): Promise<{ ms: number; total: number; engineMs: number } | { missing: string }> {
    const mod = await loadSearch();
    if (!mod) return { missing: 'renderer/search is not there' };
    const client = mod.searchClient();
    await client.ready();
    const t0 = performance.now();
    const r = await client.query(q);
    return { ms: performance.now() - t0, total: r.total, engineMs: r.tookMs };
  },

  /**
   * A round trip to a worker that only echoes (started on first use): the floor under any query
   * answered by a worker, timed like searchApp.
   */
  async searchEcho(): Promise<{ ms: number }> {
    echo ??= new Worker(new URL('./echo.worker.ts', import.meta.url), { type: 'module', name: 'echo' });
    const w = echo;
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      w.onmessage = () => resolve();
      w.postMessage({ q: 'echo' });
    });
    return { ms: performance.now() - t0 };
  },

  /**
   * The full-text baselines' worker (bench/search-alt.worker.ts): generates the same data and builds
   * MiniSearch's index and the scan's token strings (not measured; their build times are returned).
   */
  async searchAltPrepare(visits: number, seed: number): Promise<{ documents: number; miniMs: number; scanMs: number }> {
    alt?.terminate();
    alt = new Worker(new URL('./search-alt.worker.ts', import.meta.url), { type: 'module', name: 'search-alt' });
    const r = await altCall({ type: 'prepare', visits, seed });
    if (r.type !== 'ready') throw new Error(r.type === 'error' ? r.message : 'unexpected reply');
    return { documents: r.documents, miniMs: r.miniMs, scanMs: r.scanMs };
  },

  /** MiniSearch in its worker, timed like searchApp: the round trip, the result unpacked. */
  searchMini(q: string): Promise<{ ms: number; total: number; engineMs: number }> {
    return altQuery('mini', q);
  },

  /** The like-for-like scan in its worker, timed the same way. */
  searchLikeScan(q: string): Promise<{ ms: number; total: number; engineMs: number }> {
    return altQuery('scan', q);
  },

  /** Lets the baselines' worker go (its index and data are not the app's: no later case should count them). */
  searchAltStop(): void {
    alt?.terminate();
    alt = null;
  },

  /**
   * Export 1,000 visits: the app builds the report model and renders one format from the tables'
   * records (every person and event: the model picks what the visits reference). The baseline
   * serialises only the records those visits reference: the visits, their travellers, hosts,
   * delegations and meeting participants, their sources, evidence, meetings and notes, and the
   * context events the report includes, so that it grows with the export, not with the database.
   */
  exportPrepare(visits: number, seed: number): { visits: number; baselineRecords: number } {
    const d = dataset(visits, seed);
    const chosen = [...d.visits].sort((a, b) => (a.startKey < b.startKey ? -1 : 1)).slice(0, 1000);
    const ids = new Set(chosen.map((v) => v.id));
    const meetings = d.meetings.filter((m) => m.visitId && ids.has(m.visitId));
    exportInput = {
      visits: chosen,
      people: d.people,
      sources: d.sources.filter((s) => chosen.some((v) => v.sourceIds.includes(s.id))),
      evidence: d.evidence.filter((e) => ids.has(e.recordId)),
      meetings,
      notes: d.notes.filter((n) => n.target && ids.has(n.target.id)),
      events: d.events,
    };
    const personIds = new Set<string>();
    for (const v of chosen) [v.travellerId, ...v.hostIds, ...v.delegationIds].forEach((id) => personIds.add(id));
    for (const m of meetings) m.participantIds.forEach((id) => personIds.add(id));
    const model = buildReportModel(exportInput, {
      title: 'Benchmark',
      generatedAt: '2026-01-01T00:00:00.000Z',
      selectionLabel: '1,000 visits',
    });
    const eventIds = new Set(model.context.map((e) => e.id));
    exportReferenced = {
      ...exportInput,
      people: d.people.filter((p) => personIds.has(p.id)),
      events: d.events.filter((e) => eventIds.has(e.id)),
    };
    const r = exportReferenced;
    return {
      visits: chosen.length,
      baselineRecords:
        r.visits.length + r.people.length + r.sources.length + r.evidence.length + r.meetings.length + r.notes.length + r.events.length,
    };
  },

  exportApp(format: 'md' | 'csv' | 'ics' | 'json'): { ms: number; bytes: number } {
    const input = exportInput;
    if (!input) throw new Error('exportPrepare first');
    const t0 = performance.now();
    const model = buildReportModel(input, { title: 'Benchmark', generatedAt: '2026-01-01T00:00:00.000Z', selectionLabel: '1,000 visits' });
    const out =
      format === 'md'
        ? renderMarkdown(model)
        : format === 'csv'
          ? renderCsv(model)
          : format === 'ics'
            ? renderIcs(model)
            : renderJson(model);
    return { ms: performance.now() - t0, bytes: out.length };
  },

  exportBaseline(): { ms: number; bytes: number } {
    const input = exportReferenced;
    if (!input) throw new Error('exportPrepare first');
    const t0 = performance.now();
    const out = JSON.stringify(input);
    return { ms: performance.now() - t0, bytes: out.length };
  },

  /** Visit ids of the loaded data, for the UI cases' open/close cycles. */
  visitIds(visits: number, seed: number, n: number): string[] {
    return dataset(visits, seed)
      .visits.slice(0, n)
      .map((v) => v.id);
  },

  /** Deletes the benchmark databases of this profile (the app's own and the raw baseline). */
  async dropAll(): Promise<void> {
    db.close();
    raw?.close();
    raw = null;
    await Dexie.delete(db.name);
    await new Promise<void>((resolve) => {
      const r = indexedDB.deleteDatabase(RAW_DB);
      r.onsuccess = r.onerror = r.onblocked = () => resolve();
    });
  },
};

let echo: Worker | null = null;
let alt: Worker | null = null;

function altCall(m: AltRequest): Promise<AltReply> {
  const w = alt;
  if (!w) return Promise.reject(new Error('searchAltPrepare first'));
  return new Promise((resolve) => {
    w.onmessage = (e: MessageEvent<AltReply>) => resolve(e.data);
    w.postMessage(m);
  });
}

async function altQuery(type: 'mini' | 'scan', q: string): Promise<{ ms: number; total: number; engineMs: number }> {
  const t0 = performance.now();
  const r = await altCall({ type, q });
  if (r.type !== 'result') throw new Error(r.type === 'error' ? r.message : 'unexpected reply');
  const result = unpackResult(r.packed);
  return { ms: performance.now() - t0, total: result.total, engineMs: result.tookMs };
}
let exportInput: ReportInput | null = null;
let exportReferenced: ReportInput | null = null;

/** What `window.bench` offers; scripts/bench/run.ts imports this type. */
export type BenchApi = typeof bench;

declare global {
  interface Window {
    bench: BenchApi;
  }
}
window.bench = bench;
document.title = 'Legation benchmark harness (ready)';
