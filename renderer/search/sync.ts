/**
 * Keeps the search index in step with the database: build from scratch in batches, persist to
 * and restore from the `searchIndex` store, catch up on what changed since it was persisted, and
 * apply live changes. Takes the database as a parameter: the worker passes its own connection,
 * tests a fake-indexeddb one. Only reads the record tables; writes only `searchIndex`.
 */
import type { Table } from 'dexie';
import type { ContextEvent, Note, Person, Source, Visit } from '../../shared/model';
import { eventDoc, noteDoc, personDoc, sourceDoc, visitDoc, type PeopleById, type SearchDoc, type SearchType } from '../../shared/search';
import type { LegationDB } from '../db/database';
import {
  INDEX_FORMAT,
  SEARCH_TABLES,
  advanceWatermark,
  createIndexState,
  indexedIds,
  removeDocs,
  assembleIndex,
  indexParts,
  restoreIndex,
  upsertDocs,
  type IndexState,
  type SearchTable,
  type IndexMeta,
  type IndexPart,
} from '../../shared/search/engine';

export const META_KEY = 'index:meta';
const JOURNAL_KEY = 'index:journal';
/** Rows of changes recorded as they are heard (recordJournal). */
const JOURNAL_ROWS = 'index:journal:';
const partKey = (i: number) => `index:part:${i}`;

/** Rows read per step while building: small enough to keep queries answered and progress shown (≤ 500 ms apart) in between. */
export const BUILD_BATCH = 500;

const TYPE_OF: Record<SearchTable, SearchType> = { people: 'person', visits: 'visit', sources: 'source', notes: 'note', events: 'event' };

interface Row {
  id: string;
  createdAt?: string;
  updatedAt: string;
  deletedAt: string | null;
}

/**
 * Changes seen but not yet in a persisted index, per table: ids, or 'all' when a bulk write
 * did not say which rows (Dexie reports writes of 50 rows or more as the whole table).
 */
export type Journal = Partial<Record<SearchTable, string[] | 'all'>>;

/**
 * Changes heard and not yet applied, per table: ids in a set, or 'all'. The search worker hears a
 * report for every write (a large import sends thousands, 49 ids each); adding one costs
 * its own ids, not a copy of everything pending.
 */
export class PendingChanges {
  private tables: Partial<Record<SearchTable, Set<string> | 'all'>> = {};

  add(j: Journal): void {
    for (const t of SEARCH_TABLES) {
      const a = j[t];
      if (a === undefined) continue;
      const cur = this.tables[t];
      if (a === 'all' || cur === 'all') this.tables[t] = 'all';
      else if (cur) for (const id of a) cur.add(id);
      else this.tables[t] = new Set(a);
    }
  }

  isEmpty(): boolean {
    return SEARCH_TABLES.every((t) => this.tables[t] === undefined);
  }

  /** What is pending, as a journal. */
  journal(): Journal {
    const out: Journal = {};
    for (const t of SEARCH_TABLES) {
      const cur = this.tables[t];
      if (cur !== undefined) out[t] = cur === 'all' ? 'all' : [...cur];
    }
    return out;
  }

  /** What is pending, as a journal; nothing is pending afterwards. */
  take(): Journal {
    const out = this.journal();
    this.tables = {};
    return out;
  }
}

export function journalIsEmpty(j: Journal): boolean {
  return SEARCH_TABLES.every((t) => j[t] === undefined);
}

function table(db: LegationDB, t: SearchTable): Table<Row, string> {
  return db[t] as unknown as Table<Row, string>;
}

/**
 * Names of the people visits refer to (traveller and hosts), deleted or not: a visit keeps showing
 * who travelled. With `cache` (one pass over a table), people read for earlier batches are not read
 * again and those read now are added to it; a person changed meanwhile is its own change, which
 * re-indexes the visits naming them.
 */
async function peopleOf(db: LegationDB, visits: readonly Visit[], cache?: NameCache): Promise<PeopleById> {
  const ids = new Set<string>();
  for (const v of visits) {
    if (!cache?.has(v.travellerId)) ids.add(v.travellerId);
    for (const h of v.hostIds) if (!cache?.has(h)) ids.add(h);
  }
  const map: NameCache = cache ?? new Map<string, Pick<Person, 'name' | 'aliases'>>();
  if (ids.size === 0) return map;
  const rows = await db.people.bulkGet([...ids]);
  for (const p of rows) if (p) map.set(p.id, { name: p.name, aliases: p.aliases });
  return map;
}

/** What visits show of the people they name, by id (kept for one pass over a table). */
type NameCache = Map<string, Pick<Person, 'name' | 'aliases'>>;

/** Documents for live rows of a table, and the ids of its deleted ones. */
async function docsFor(
  db: LegationDB,
  t: SearchTable,
  rows: readonly Row[],
  people?: NameCache,
): Promise<{ docs: SearchDoc[]; gone: string[] }> {
  const live = rows.filter((r) => !r.deletedAt);
  const gone = rows.filter((r) => r.deletedAt).map((r) => `${TYPE_OF[t]}:${r.id}`);
  switch (t) {
    case 'people':
      return { docs: (live as unknown as Person[]).map(personDoc), gone };
    case 'visits': {
      const visits = live as unknown as Visit[];
      const names = await peopleOf(db, visits, people);
      return { docs: visits.map((v) => visitDoc(v, names)), gone };
    }
    case 'sources':
      return { docs: (live as unknown as Source[]).map(sourceDoc), gone };
    case 'notes':
      return { docs: (live as unknown as Note[]).map(noteDoc), gone };
    case 'events':
      return { docs: (live as unknown as ContextEvent[]).map(eventDoc), gone };
  }
}

/** Work between two steps of a long change (progress, and a turn for queries). */
type Step = () => void | Promise<void>;

/**
 * Indexes (or removes) these rows. People changes re-index the indexed visits that name them, in
 * batches with `onStep` between them (a head of state may have thousands); visits not indexed yet
 * are left to their own change, which reads the names then.
 */
async function applyRows(
  db: LegationDB,
  state: IndexState,
  t: SearchTable,
  rows: readonly Row[],
  onStep?: Step,
  names?: NameCache,
): Promise<number> {
  const { docs, gone } = await docsFor(db, t, rows, names);
  // People whose change may show in visits indexed before it (see namesMayBeStale), judged on the index as it was.
  const before =
    t === 'people' ? rows.map((r) => ({ known: state.stamps.has(`person:${r.id}`), fp: state.fingerprints.get(`person:${r.id}`) })) : [];
  let n = upsertDocs(state, docs) + removeDocs(state, gone);
  for (const r of rows) {
    advanceWatermark(state, t, r.updatedAt);
    state.stamps.set(`${TYPE_OF[t]}:${r.id}`, r.updatedAt);
  }
  const ids = t === 'people' ? rows.filter((r, i) => namesMayBeStale(state, r, before[i]!)).map((r) => r.id) : [];
  if (ids.length > 0) {
    const [asTraveller, asHost] = await Promise.all([
      db.visits.where('travellerId').anyOf(ids).primaryKeys(),
      db.visits.where('hostIds').anyOf(ids).primaryKeys(),
    ]);
    const naming = [...new Set([...asTraveller, ...asHost])].filter((id) => state.fingerprints.has(`visit:${id}`));
    for (let i = 0; i < naming.length; i += BUILD_BATCH) {
      if (i > 0) await onStep?.();
      n += await applyIds(db, state, 'visits', naming.slice(i, i + BUILD_BATCH));
    }
  }
  return n;
}

/**
 * May visits already indexed show an older version of this person (their name or aliases)? A
 * visit reads the names from the people table when it is indexed, and every change set and build
 * indexes people before visits, so a person the index has never seen can only be out of date in a
 * visit if the person was edited after it was created (a visit indexed in between read the old
 * row). A person it has seen is, if its document changed. Looking the visits up for every person
 * of a first import (an index read of every visit naming them) costs far more than it finds.
 */
function namesMayBeStale(state: IndexState, r: Row, before: { known: boolean; fp: string | undefined }): boolean {
  if (!before.known) return r.updatedAt !== r.createdAt;
  return state.fingerprints.get(`person:${r.id}`) !== before.fp;
}

/**
 * Applies changes to rows named by id (missing rows were deleted for good). `byRange`: the ids are
 * sorted and fill most of the key range from the first to the last, which is read in one request
 * (the rows not named are left out) instead of a request per id.
 */
export async function applyIds(
  db: LegationDB,
  state: IndexState,
  t: SearchTable,
  ids: readonly string[],
  onStep?: Step,
  names?: NameCache,
  byRange = false,
): Promise<number> {
  if (ids.length === 0) return 0;
  let present: Row[];
  let missing: string[];
  if (byRange) {
    const wanted = new Set(ids);
    present = (await table(db, t).where(':id').between(ids[0]!, ids.at(-1)!, true, true).toArray()).filter((r) => wanted.has(r.id));
    const found = new Set(present.map((r) => r.id));
    missing = ids.filter((id) => !found.has(id)).map((id) => `${TYPE_OF[t]}:${id}`);
  } else {
    const rows = await table(db, t).bulkGet([...ids]);
    present = rows.filter((r): r is Row => r !== undefined);
    missing = ids.filter((_, i) => rows[i] === undefined).map((id) => `${TYPE_OF[t]}:${id}`);
  }
  for (const id of missing) state.stamps.delete(id);
  return removeDocs(state, missing) + (await applyRows(db, state, t, present, onStep, names));
}

/** Per table, the rows indexed from what bulk writes handed over (id → the updatedAt indexed). */
export type HandedRows = Partial<Record<SearchTable, Map<string, string>>>;

/** Is this a row as the tables hold them (what `applyRows` needs to trust of a handed-over row)? */
function isRow(x: unknown): x is Row {
  const r = x as Partial<Row> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.id === 'string' &&
    typeof r.updatedAt === 'string' &&
    (r.deletedAt === null || typeof r.deletedAt === 'string')
  );
}

/**
 * Indexes the rows a bulk write handed over as it committed them (see BulkWriteNotice.rows), by
 * table in index order (people before the visits naming them), in steps of BUILD_BATCH; notes each
 * row's updatedAt in `handed`. Rows that are not rows, and tables the index does not cover, are
 * left to the journal (read back as any change). Returns how many documents changed.
 */
export async function applyHandedRows(
  db: LegationDB,
  state: IndexState,
  rows: Record<string, unknown[]>,
  handed: HandedRows,
  onStep?: Step,
): Promise<number> {
  let changed = 0;
  const names: NameCache = new Map();
  for (const t of SEARCH_TABLES) {
    const list = (rows[t] ?? []).filter(isRow);
    if (t === 'people') for (const p of list as unknown as Person[]) names.set(p.id, { name: p.name, aliases: p.aliases });
    for (let i = 0; i < list.length; i += BUILD_BATCH) {
      if (i > 0) await onStep?.();
      const part = list.slice(i, i + BUILD_BATCH);
      changed += await applyRows(db, state, t, part, onStep, names);
      const m = (handed[t] ??= new Map());
      for (const r of part) m.set(r.id, r.updatedAt);
    }
  }
  return changed;
}

/**
 * The journal without the rows already indexed from handed-over rows and unchanged since: their
 * updatedAt in the table is still the one indexed (read from the updatedAt index, a key range per
 * distinct stamp: an import's rows share one). A row edited, deleted or removed since stays.
 */
export async function withoutHanded(db: LegationDB, journal: Journal, handed: HandedRows): Promise<Journal> {
  const out: Journal = { ...journal };
  for (const t of SEARCH_TABLES) {
    const ids = journal[t];
    const mine = handed[t];
    if (!mine || mine.size === 0 || ids === undefined || ids === 'all') continue;
    const tb = table(db, t);
    const stamps = [...new Set(mine.values())];
    const current = await Promise.all(stamps.map((stamp) => tb.where('updatedAt').equals(stamp).primaryKeys()));
    const unchanged = new Set<string>();
    current.forEach((list, i) => {
      for (const id of list) if (mine.get(id) === stamps[i]) unchanged.add(id);
    });
    const left = ids.filter((id) => !unchanged.has(id));
    if (left.length > 0) out[t] = left;
    else delete out[t];
  }
  return out;
}

/**
 * Distinct updatedAt values read one by one at most (see readStamps); past this many, every row's
 * stamp is read by one cursor over the index.
 */
export const STAMP_GROUPS = 256;

/**
 * Every row's updatedAt, by id, from the updatedAt index alone. IndexedDB reads the primary keys of
 * a key range at once, but an index's own keys only a step per row (a cursor, slow on a large
 * table). Rows share their stamps in bulk (an import, a restore: one stamp for all), so the distinct
 * stamps are read first (a cursor that skips duplicates), then each one's ids at once; a table where
 * more than STAMP_GROUPS stamps differ is read row by row, as before.
 */
async function readStamps(tb: Table<Row, string>): Promise<Map<string, unknown>> {
  const stampOf = new Map<string, unknown>();
  const distinct = await tb
    .orderBy('updatedAt')
    .limit(STAMP_GROUPS + 1)
    .uniqueKeys();
  if (distinct.length <= STAMP_GROUPS) {
    const groups = await Promise.all(distinct.map((stamp) => tb.where('updatedAt').equals(stamp).primaryKeys()));
    groups.forEach((ids, i) => {
      for (const id of ids) stampOf.set(id, distinct[i]);
    });
  } else {
    const [stamps, ids] = await Promise.all([tb.orderBy('updatedAt').keys(), tb.orderBy('updatedAt').primaryKeys()]);
    ids.forEach((id, i) => stampOf.set(id, stamps[i]));
  }
  return stampOf;
}

export interface Progress {
  done: number;
  total: number;
}

/**
 * Makes the index agree with a whole table: new and changed rows indexed, deleted and vanished
 * ones removed. Which rows changed is read from the keys alone (every row's id and updatedAt, from
 * the primary key and the updatedAt index) against the stamps of the rows read before; only those
 * rows are read whole. A bulk write (Dexie reports 50 rows or more as "the whole table") into a
 * large table then costs two key reads and the rows written, not a read of every row.
 * When most rows are to be read (a first build), they are read in key order in batches instead.
 * `onBatch` is called after every batch with the rows it accounts for (progress; a chance for
 * queries to run).
 */
export async function reconcileTable(
  db: LegationDB,
  state: IndexState,
  t: SearchTable,
  onBatch?: (rowsRead: number) => void | Promise<void>,
): Promise<number> {
  const type = TYPE_OF[t];
  const tb = table(db, t);
  const [ids, stampOf] = await db.transaction('r', tb, () => Promise.all([tb.toCollection().primaryKeys(), readStamps(tb)]));
  const present = new Set<string>();
  const need: string[] = [];
  for (const id of ids) {
    const key = `${type}:${id}`;
    present.add(key);
    const stamp = stampOf.get(id);
    if (stamp === undefined || state.stamps.get(key) !== stamp) need.push(id);
  }
  let changed = 0;
  const names: NameCache = new Map(); // the people the visits name, read once for the whole pass
  if (need.length * 4 >= ids.length) {
    // Most rows are new to the index: read them in key order (range reads beat bulkGet), between
    // the first and last of each batch of the ids present now. Rows written meanwhile are heard
    // and indexed as their own change: during an import the table grows faster than a read
    // reaches its end, and chasing it kept the index from being ready until the import was over.
    const sorted = [...need].sort();
    for (let i = 0; i < sorted.length; i += BUILD_BATCH) {
      const last = Math.min(i + BUILD_BATCH, sorted.length) - 1;
      const rows: Row[] = await tb.where(':id').between(sorted[i]!, sorted[last]!, true, true).toArray();
      changed += await applyRows(db, state, t, rows, () => onBatch?.(0), names);
      await onBatch?.(last - i + 1);
    }
  } else {
    if (ids.length > need.length) await onBatch?.(ids.length - need.length);
    for (let i = 0; i < need.length; i += BUILD_BATCH) {
      const batch = need.slice(i, i + BUILD_BATCH);
      changed += await applyIds(db, state, t, batch, () => onBatch?.(0), names);
      await onBatch?.(batch.length);
    }
  }
  const vanished = indexedIds(state, type).filter((id) => !present.has(id));
  for (const id of [...state.stamps.keys()]) if (id.startsWith(`${type}:`) && !present.has(id)) state.stamps.delete(id);
  return changed + removeDocs(state, vanished);
}

/** Builds the index from every table, people first (visits show their names). */
export async function buildIndex(
  db: LegationDB,
  onProgress?: (p: Progress) => void,
  into: IndexState = createIndexState(),
): Promise<IndexState> {
  const counts = await Promise.all(SEARCH_TABLES.map((t) => table(db, t).count()));
  const total = counts.reduce((a, b) => a + b, 0);
  let done = 0;
  onProgress?.({ done, total });
  for (const t of SEARCH_TABLES) {
    await reconcileTable(db, into, t, async (n) => {
      done += n;
      onProgress?.({ done: Math.min(done, total), total });
      // Lets queued messages (queries) run between batches.
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    });
  }
  return into;
}

/**
 * Brings a restored index up to date with the database: rows written since its watermark, rows
 * added or removed behind its back (by id), and the journal of changes seen but not persisted.
 * Returns how many documents changed.
 */
export async function catchUp(db: LegationDB, state: IndexState, journal: Journal = {}): Promise<number> {
  // Every table's reads at once, in one transaction (a request per table, one after another, made
  // most of a reopen's time); applied table by table, people first.
  const keyed = SEARCH_TABLES.filter((t) => journal[t] !== 'all');
  const reads =
    keyed.length === 0
      ? []
      : await db.transaction(
          'r',
          keyed.map((t) => table(db, t)),
          () =>
            Promise.all(
              keyed.map((t) => {
                const tb = table(db, t);
                const wm = state.watermarks[t];
                return Promise.all([
                  wm === '' ? tb.toArray() : tb.where('updatedAt').aboveOrEqual(wm).toArray(),
                  tb.toCollection().primaryKeys(),
                  tb.orderBy('deletedAt').primaryKeys(),
                ]);
              }),
            ),
        );
  let changed = 0;
  for (const t of SEARCH_TABLES) {
    const j = journal[t];
    if (j === 'all') {
      changed += await reconcileTable(db, state, t);
      continue;
    }
    const [recent, ids, deleted] = reads[keyed.indexOf(t)]!;
    changed += await applyRows(db, state, t, recent);
    const dead = new Set(deleted);
    const type = TYPE_OF[t];
    const live = new Set<string>();
    const missing: string[] = [];
    for (const id of ids) {
      if (dead.has(id)) continue;
      const key = `${type}:${id}`;
      live.add(key);
      if (!state.fingerprints.has(key)) missing.push(id);
    }
    const extra = indexedIds(state, type).filter((id) => !live.has(id));
    changed += removeDocs(state, extra);
    changed += await applyIds(db, state, t, [...new Set([...missing, ...(j ?? [])])]);
  }
  return changed;
}

export interface PersistedIndex {
  state: IndexState;
  journal: Journal;
}

/** The persisted index, or null when there is none (or it is of another format or damaged: it is then rebuilt). */
export async function loadIndex(db: LegationDB): Promise<PersistedIndex | null> {
  const meta = (await db.searchIndex.get(META_KEY))?.value as IndexMeta | undefined;
  if (!meta || meta.format !== INDEX_FORMAT || !Number.isInteger(meta.parts) || meta.parts < 0) return null;
  const rows = await db.searchIndex.bulkGet(Array.from({ length: meta.parts }, (_, i) => partKey(i)));
  if (rows.some((r) => r === undefined || typeof r.value !== 'object' || r.value === null)) return null;
  const journal = await readJournal(db);
  try {
    const state = restoreIndex(
      assembleIndex(
        meta,
        rows.map((r) => r!.value as IndexPart),
      ),
    );
    return { state, journal };
  } catch {
    return null;
  }
}

/** Thrown inside the save's transaction to abort it: the index stays as it was last saved. */
class SaveGivenUp extends Error {}

export interface SaveOptions {
  /**
   * Asked before each part is written: true gives the save up (its transaction is aborted, so
   * the index saved before stays whole). The worker gives way to new writes: saving a large index
   * takes seconds, and indexing what the user just changed matters more.
   */
  giveUp?: () => boolean;
  /** Part sizes (tests: many small parts). */
  sizes?: { strings: number; postings: number };
}

/**
 * Writes the index (its parts, then the bookkeeping) and the journal of changes it does not
 * include yet, in one transaction: a crash leaves the previous index or this one, never a mix.
 * Parts are written one request after another, each made just before it is written, so queries
 * (and status messages) are answered between them. The index must not change until it resolves.
 * Resolves false when `giveUp` stopped it.
 */
export async function saveIndex(db: LegationDB, state: IndexState, pending: Journal = {}, options: SaveOptions = {}): Promise<boolean> {
  if (options.giveUp?.()) return false;
  const { meta, count, part } = indexParts(state, options.sizes);
  try {
    await db.transaction('rw', db.searchIndex, async () => {
      const old = (await db.searchIndex.get(META_KEY))?.value as Partial<IndexMeta> | undefined;
      for (let i = 0; i < count; i++) {
        if (options.giveUp?.()) throw new SaveGivenUp();
        await db.searchIndex.put({ key: partKey(i), value: part(i) });
      }
      const before = typeof old?.parts === 'number' ? old.parts : 0;
      if (before > count) await db.searchIndex.bulkDelete(Array.from({ length: before - count }, (_, i) => partKey(count + i)));
      // Rows of the layout before parts (format 3 and older).
      await db.searchIndex.where('key').startsWith('index:chunk:').delete();
      await db.searchIndex.put({ key: META_KEY, value: meta });
      // Changes recorded so far are in this index or in `pending` (they are heard before they are recorded).
      await db.searchIndex.where('key').startsWith(JOURNAL_ROWS).delete();
      await db.searchIndex.put({ key: JOURNAL_KEY, value: pending });
    });
    return true;
  } catch (e) {
    if (e instanceof SaveGivenUp) return false;
    throw e;
  }
}

let journalSeq = 0;
const journalSession = Math.random().toString(36).slice(2, 10);

/**
 * Adds changes to the persisted journal (so they are redone if the app closes before the next
 * save): a row of their own, one write with no read (a large import reports thousands of writes;
 * rewriting one growing journal each time cost more than the import). A save of the index removes
 * the rows it covers; loading merges them.
 */
export async function recordJournal(db: LegationDB, add: Journal): Promise<void> {
  const key = `${JOURNAL_ROWS}${Date.now().toString(36).padStart(9, '0')}:${journalSession}:${(journalSeq++).toString(36)}`;
  await db.searchIndex.put({ key, value: add });
}

/** The persisted journal: what the last save left pending, and every change recorded since. */
async function readJournal(db: LegationDB): Promise<Journal> {
  const pending = new PendingChanges();
  pending.add(((await db.searchIndex.get(JOURNAL_KEY))?.value as Journal | undefined) ?? {});
  const rows = await db.searchIndex.where('key').startsWith(JOURNAL_ROWS).toArray();
  for (const r of rows) if (r.value && typeof r.value === 'object') pending.add(r.value);
  return pending.journal();
}

interface RangeNode {
  from?: unknown;
  to?: unknown;
  l?: RangeNode | null;
  r?: RangeNode | null;
}

/** The single keys of a Dexie RangeSet, or null when it holds a real range (a bulk or range write). */
function rangeKeys(node: RangeNode | null | undefined, out: string[]): boolean {
  if (!node || node.from === undefined) return true;
  if (!rangeKeys(node.l, out)) return false;
  if (typeof node.from !== 'string' || node.from !== node.to) return false;
  out.push(node.from);
  return rangeKeys(node.r, out);
}

/**
 * Reads a Dexie `storagemutated` change set ({ "idb://<db>/<table>/": RangeSet of primary keys, … })
 * into a journal for our tables of database `dbName`.
 */
export function journalFromMutation(parts: Record<string, unknown>, dbName: string): Journal {
  const journal: Journal = {};
  if ('all' in parts) {
    for (const t of SEARCH_TABLES) journal[t] = 'all';
    return journal;
  }
  for (const t of SEARCH_TABLES) {
    const part = parts[`idb://${dbName}/${t}/`] as RangeNode | undefined;
    if (!part) continue;
    const keys: string[] = [];
    if (!rangeKeys(part, keys)) journal[t] = 'all';
    else if (keys.length > 0) journal[t] = keys;
  }
  return journal;
}

/**
 * Applies a journal to the index, in steps of BUILD_BATCH rows; `onStep` is called after each
 * (progress while a large import is taken in). Returns how many documents changed.
 */
export async function applyJournal(
  db: LegationDB,
  state: IndexState,
  journal: Journal,
  onStep?: () => void | Promise<void>,
): Promise<number> {
  let changed = 0;
  for (const t of SEARCH_TABLES) {
    const j = journal[t];
    if (j === undefined) continue;
    if (j === 'all') {
      changed += await reconcileTable(db, state, t, onStep);
      continue;
    }
    // Ids naming half the table or more (a dataset import, taken in when it is over): read in key
    // order, a range per batch. The ranges do not overlap, so they hold at most the whole table:
    // twice the rows named, read in one request per batch instead of one per row.
    const byRange = j.length >= BUILD_BATCH && j.length * 2 >= (await table(db, t).count());
    const ids = byRange ? [...j].sort() : j;
    const names: NameCache = new Map(); // the people the visits name, read once for the whole pass
    for (let i = 0; i < ids.length; i += BUILD_BATCH) {
      changed += await applyIds(db, state, t, ids.slice(i, i + BUILD_BATCH), onStep, names, byRange);
      if (i + BUILD_BATCH < ids.length) await onStep?.();
    }
  }
  return changed;
}
