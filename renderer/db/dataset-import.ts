import type { EntityTable } from 'dexie';
import type { Person, Source, Visit } from '../../shared/model';
import { PeopleMatcher } from '../../shared/people/match';
import { BulkWriteNotice } from './bulk-write';
import { LegationDB, withIndexKeys } from './database';
import { addUntracked } from './raw-write';
import { assertIntegrity, type IntegrityWrite } from './integrity';
import { db as appDb } from './instance';
import { pushUndo } from './undo';

/**
 * Writing an imported data set (e.g. the Office of the Historian's 8,000 visits) into the
 * database: in batches, so the window stays responsive and the user can stop between batches;
 * never over the user's work.
 *
 * Rules for a record whose id is already stored (importers derive ids from the data, so a second
 * import meets its own records):
 * - identical → left alone (counted as already present);
 * - still exactly as imported (updatedAt is the importer's fixed timestamp), not deleted, but
 *   different (a newer importer or data set) → replaced;
 * - anything else (edited or deleted by the user) → left alone.
 */
export interface DatasetRecords {
  sources: Source[];
  people: Person[];
  visits: Visit[];
}

export type DatasetTable = keyof DatasetRecords;
const TABLES: readonly DatasetTable[] = ['sources', 'people', 'visits'];

export type TableCounts = Record<DatasetTable, number>;

export interface DatasetSaveCounts {
  created: TableCounts;
  updated: TableCounts;
  /** Already there: identical, or changed or deleted by the user (then kept as the user left it). */
  present: TableCounts;
}

export interface DatasetImportRun {
  state: 'running' | 'finished' | 'interrupted' | 'failed';
  label: string;
  startedAt: string;
  finishedAt: string | null;
  files: number;
  /** Records offered by the importer. */
  offered: TableCounts;
  /** Records processed so far (all of them when finished). */
  done: number;
  counts: DatasetSaveCounts;
  warnings: number;
  error?: string;
  /** SHA-256 of the chosen files' contents (see `fingerprintFiles`): resuming checks the same files are chosen again. */
  fingerprint?: string;
  /** The chosen files' names, to tell the user which files to choose again. */
  fileNames?: string[];
  /** Records in the whole run (sources + people + visits), so a resume can check it meets the same list. */
  total?: number;
  /** Set on a resumed run: how many records the earlier run had saved (skipped by this one). */
  resumedFrom?: number;
  /** Written with every batch. */
  updatedAt?: string;
  /** People of the data set recognised as people already recorded (see `linkKnownPeople`): not created, their visits linked. */
  linkedPeople?: number;
  /** People of the data set who may be someone already recorded: created, and left to People → Possible duplicates. */
  possibleDuplicates?: number;
}

export interface DatasetSaveOptions {
  /** The meta key the run is recorded under, e.g. "import:hsg". */
  metaKey: string;
  /** What the run is called in the undo label and the record: "Office of the Historian". */
  label: string;
  /** The importer's fixed updatedAt: a stored record with it is exactly as imported. */
  importedAt: string;
  files: number;
  warnings: number;
  /** Records per transaction (default 1,000). */
  batchSize?: number;
  /** Write to this database over a connection of its own, closed at the end (the import worker); default: the window's. */
  databaseName?: string;
  /** Push the run onto the window's undo stack (default true; the worker has no undo stack: its page pushes it). */
  undo?: boolean;
  /** Checked between batches: a batch is always written whole or not at all. */
  signal?: AbortSignal;
  /**
   * Progress: `done` records committed (what a restart keeps), and `writing` records of the batch
   * in hand already written but not yet committed (for a smooth bar; called at most every 200 ms).
   */
  onProgress?: (done: number, total: number, writing?: number) => void;
  /** See `DatasetImportRun.fingerprint`; recorded so that a cut-off run can be resumed. */
  fingerprint?: string;
  fileNames?: string[];
  /**
   * A cut-off run to continue (see `canResume`): when its fingerprint and total match this one,
   * the records it saved are skipped (they were committed whole batch by batch) and its counts
   * carried on; otherwise the run starts from the beginning (still safe: ids are derived from the
   * data, so records already saved are recognised).
   */
  resume?: DatasetImportRun | null;
}

export interface DatasetSaveResult {
  run: DatasetImportRun;
  /** Ids of the records this run created (what undo removes). */
  created: Record<DatasetTable, string[]>;
}

type Row = Source | Person | Visit;

function zero(): TableCounts {
  return { sources: 0, people: 0, visits: 0 };
}

/** A stored row without the fields the database derives on write (visits' endKey). */
function withoutDerived<T extends object>(row: T): T {
  if (!('endKey' in row)) return row;
  const { endKey: _derived, ...rest } = row as T & { endKey: unknown };
  return rest as T;
}

/** The three tables share what this module touches (id, updatedAt, deletedAt): one view of them. */
function table(db: LegationDB, name: DatasetTable): EntityTable<Row, 'id'> {
  const t: EntityTable<Row, 'id'> = db[name];
  return t;
}

/**
 * Rows per write call. New records are added with `addUntracked` (see raw-write.ts): no per-row
 * change tracking, and their keys reported exactly whatever the call's size, so the search index
 * still hears which rows to index. Calls of KEYED_WRITE rows, all issued at once, let the
 * progress move within a batch. Records already stored (a second import) are read and replaced
 * through Dexie, in calls of 49: Dexie reports a write of 50 rows or more as "the whole table
 * changed", and the search index would then compare every row's stamp to find the few replaced.
 */
export const KEYED_WRITE = 49;

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * Saves imported records in batches (sources, then people, then visits, so a stopped import never
 * leaves a visit without its traveller). Each batch is one rw transaction that also records the
 * run's progress under `meta[metaKey]`; a crash leaves the run marked "running", which the page
 * reports as interrupted. Resolves with the counts; rejects on a storage error (the run is then
 * recorded as failed, the batches before it stay). People already recorded are linked first, not
 * created again (see `linkKnownPeople`).
 */
export async function saveDatasetImport(given: DatasetRecords, options: DatasetSaveOptions): Promise<DatasetSaveResult> {
  const batchSize = Math.max(1, options.batchSize ?? 1000);
  // Its own connection: relaxed durability (Chromium acknowledges a commit before the OS flushes it;
  // a crash can lose the last batches, never half of one, and the run record says how far it got).
  const db = options.databaseName ? new LegationDB(options.databaseName, { chromeTransactionDurability: 'relaxed' }) : appDb;
  const linking = await linkKnownPeople(db, given);
  const records = linking.records;
  const items: { table: DatasetTable; row: Row }[] = TABLES.flatMap((t) => (records[t] as Row[]).map((row) => ({ table: t, row })));
  const total = items.length;
  const prior = options.resume;
  const startAt =
    prior && canResume(prior) && prior.fingerprint === options.fingerprint && prior.total === total ? Math.min(prior.done, total) : 0;
  const run: DatasetImportRun = {
    state: 'running',
    label: options.label,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    files: options.files,
    offered: { sources: records.sources.length, people: records.people.length, visits: records.visits.length },
    done: startAt,
    counts: startAt > 0 && prior ? structuredClone(prior.counts) : { created: zero(), updated: zero(), present: zero() },
    warnings: options.warnings,
    total,
    updatedAt: new Date().toISOString(),
    ...(options.fingerprint ? { fingerprint: options.fingerprint } : {}),
    ...(options.fileNames ? { fileNames: options.fileNames } : {}),
    ...(startAt > 0 ? { resumedFrom: startAt } : {}),
    linkedPeople: linking.linked,
    possibleDuplicates: linking.uncertain,
  };
  const created: Record<DatasetTable, string[]> = { sources: [], people: [], visits: [] };
  await db.meta.put({ key: options.metaKey, value: { ...run } });
  options.onProgress?.(startAt, total);
  let lastTick = Date.now();
  // The search index waits for the end instead of reading between the batches (see bulk-write.ts).
  const notice = new BulkWriteNotice(db.name);
  notice.begin();
  try {
    for (let i = startAt; i < total; i += batchSize) {
      if (options.signal?.aborted) break;
      const batch = items.slice(i, i + batchSize);
      const batchCreated: Record<DatasetTable, string[]> = { sources: [], people: [], visits: [] };
      // The rows this batch writes (new and replaced), handed to the search index once committed.
      const written: Record<DatasetTable, Row[]> = { sources: [], people: [], visits: [] };
      const batchCounts = { created: zero(), updated: zero(), present: zero() };
      let writing = 0;
      await db.transaction('rw', [db.sources, db.people, db.visits, db.meta], async () => {
        for (const name of TABLES) {
          const rows = batch.filter((b) => b.table === name).map((b) => b.row);
          if (rows.length === 0) continue;
          const t = table(db, name);
          // Added first: a new record (the usual case) costs one write and no read. An id that is
          // stored already fails its add (ConstraintError, which does not abort the transaction);
          // only those rows are then read and compared.
          const taken = new Set<string>();
          const values = name === 'visits' ? (rows as Visit[]).map(withIndexKeys) : rows;
          const adds = await Promise.all(
            chunks(values, KEYED_WRITE).map((part) =>
              addUntracked(db, name, part).finally(() => {
                writing += part.length;
                const now = Date.now();
                if (now - lastTick >= 200) {
                  lastTick = now;
                  options.onProgress?.(run.done, total, writing);
                }
              }),
            ),
          );
          adds.forEach((res, c) => {
            for (const [pos, err] of Object.entries(res.failures)) {
              if ((err as { name?: string } | undefined)?.name !== 'ConstraintError') throw err;
              taken.add(rows[c * KEYED_WRITE + Number(pos)]!.id);
            }
          });
          const existing = taken.size ? new Map((await t.bulkGet([...taken])).map((r) => [r!.id, r!])) : null;
          const toPut: Row[] = [];
          for (const row of rows) {
            const old = existing?.get(row.id);
            if (!old) {
              written[name].push(row);
              batchCreated[name].push(row.id);
              batchCounts.created[name]++;
            } else if (
              old.updatedAt === options.importedAt &&
              old.deletedAt === null &&
              JSON.stringify(withoutDerived(old)) !== JSON.stringify(row)
            ) {
              toPut.push(row);
              written[name].push(row);
              batchCounts.updated[name]++;
            } else {
              batchCounts.present[name]++;
            }
          }
          // All issued at once (no round trip between the calls), like one bulkPut.
          await Promise.all(chunks(toPut, 49).map((part) => t.bulkPut(part)));
        }
        // What the batch wrote (not what it left as the user had it) must reference records that are
        // there and live: in this batch, an earlier one, or the user's. A problem aborts the
        // transaction, so the batch is written whole or not at all.
        await assertIntegrity(
          db,
          TABLES.flatMap((name) => written[name].map((record) => ({ table: name, record }) as IntegrityWrite)),
          i === 0
            ? `Records 1–${batch.length} of the import were not saved.`
            : `Records ${i + 1}–${i + batch.length} of the import were not saved (the ${i.toLocaleString('en')} before them were).`,
        );
        const next: DatasetImportRun = {
          ...run,
          done: i + batch.length,
          updatedAt: new Date().toISOString(),
          counts: {
            created: add(run.counts.created, batchCounts.created),
            updated: add(run.counts.updated, batchCounts.updated),
            present: add(run.counts.present, batchCounts.present),
          },
        };
        await db.meta.put({ key: options.metaKey, value: next });
      });
      // Only once the transaction has committed do its counts become the run's.
      run.done = i + batch.length;
      run.counts = {
        created: add(run.counts.created, batchCounts.created),
        updated: add(run.counts.updated, batchCounts.updated),
        present: add(run.counts.present, batchCounts.present),
      };
      for (const name of TABLES) created[name].push(...batchCreated[name]);
      lastTick = Date.now();
      options.onProgress?.(run.done, total);
      notice.rows(written);
      notice.renew();
    }
    run.state = run.done < total ? 'interrupted' : 'finished';
  } catch (e) {
    run.state = 'failed';
    run.error = e instanceof Error ? e.message : String(e);
    throw e;
  } finally {
    notice.end();
    run.finishedAt = new Date().toISOString();
    run.updatedAt = run.finishedAt;
    await db.meta.put({ key: options.metaKey, value: { ...run } }).catch(() => undefined);
    if (db !== appDb) db.close();
    const n = created.sources.length + created.people.length + created.visits.length;
    if (n > 0 && options.undo !== false) {
      const ids = { sources: [...created.sources], people: [...created.people], visits: [...created.visits] };
      pushUndo(datasetImportUndo(options.label, ids, options.importedAt));
    }
  }
  return { run, created };
}

/**
 * The data set's people matched against the people already recorded (shared/people/match.ts), by
 * name, aliases, middle initials and spelling: one certainly someone recorded is not created, and
 * the data set's visits name the recorded person instead; one who only may be someone is created
 * and counted, for People → Possible duplicates. Records with the data set's own ids (a second
 * import, a resumed one) are not candidates, so a re-import links the same way as the first.
 */
export async function linkKnownPeople(
  db: LegationDB,
  records: DatasetRecords,
): Promise<{ records: DatasetRecords; linked: number; uncertain: number }> {
  const incoming = new Set(records.people.map((p) => p.id));
  const known = (await db.people.toArray()).filter((p) => !p.deletedAt && !incoming.has(p.id));
  if (known.length === 0 || records.people.length === 0) return { records, linked: 0, uncertain: 0 };
  const matcher = new PeopleMatcher(known);
  const to = new Map<string, string>();
  let uncertain = 0;
  for (const p of records.people) {
    const m = matcher.match(p.name, p.aliases);
    if (m.certain) to.set(p.id, m.certain.id);
    else if (m.likely.length > 0) uncertain++;
  }
  if (to.size === 0) return { records, linked: 0, uncertain };
  const map = (id: string) => to.get(id) ?? id;
  const uniq = (ids: string[]) => [...new Set(ids)];
  const visits = records.visits.map((v) => {
    if (!to.has(v.travellerId) && !v.delegationIds.some((id) => to.has(id)) && !v.hostIds.some((id) => to.has(id))) return v;
    const travellerId = map(v.travellerId);
    return {
      ...v,
      travellerId,
      delegationIds: uniq(v.delegationIds.map(map)).filter((id) => id !== travellerId),
      hostIds: uniq(v.hostIds.map(map)).filter((id) => id !== travellerId),
    };
  });
  return { records: { ...records, people: records.people.filter((p) => !to.has(p.id)), visits }, linked: to.size, uncertain };
}

/** The undo entry for an import that created `ids` (pushed by saveDatasetImport, or by the page for its worker). */
export function datasetImportUndo(label: string, ids: Record<DatasetTable, string[]>, importedAt: string) {
  return {
    label: `Import ${label}`,
    revert: async () => {
      await undoDatasetImport(ids, importedAt);
    },
  };
}

function add(a: TableCounts, b: TableCounts): TableCounts {
  return { sources: a.sources + b.sources, people: a.people + b.people, visits: a.visits + b.visits };
}

/**
 * Removes what an import created, as long as nobody changed it since (updatedAt still the
 * importer's): visits first, then people no remaining visit refers to, then sources. Removal is
 * permanent (not a soft delete) so that importing again recreates the records. In batches of
 * 1,000, each its own transaction. Returns how many records were removed.
 */
export async function undoDatasetImport(ids: Record<DatasetTable, string[]>, importedAt: string, db: LegationDB = appDb): Promise<number> {
  let removed = 0;
  const chunk = 1000;
  for (const name of ['visits', 'people', 'sources'] as const) {
    const list = ids[name];
    for (let i = 0; i < list.length; i += chunk) {
      const part = list.slice(i, i + chunk);
      removed += await db.transaction('rw', [db.sources, db.people, db.visits], async () => {
        const rows = await table(db, name).bulkGet(part);
        let doomed = rows.filter((r): r is Row => !!r && r.updatedAt === importedAt).map((r) => r.id);
        if (name === 'people' && doomed.length) {
          const used = new Set((await db.visits.where('travellerId').anyOf(doomed).toArray()).map((v) => v.travellerId));
          doomed = doomed.filter((id) => !used.has(id));
        }
        if (name === 'sources' && doomed.length) {
          const used = new Set((await db.visits.toArray()).flatMap((v) => v.sourceIds));
          doomed = doomed.filter((id) => !used.has(id));
        }
        await table(db, name).bulkDelete(doomed);
        return doomed.length;
      });
    }
  }
  return removed;
}

/** The name of the window's database, for a worker that opens its own connection to it. */
export function datasetDatabaseName(): string {
  return appDb.name;
}

/** The last recorded run under `metaKey` (a "running" one was cut off: the app closed mid-import). */
export async function lastDatasetImport(metaKey: string): Promise<DatasetImportRun | null> {
  const rec = await appDb.meta.get(metaKey);
  const v = rec?.value as DatasetImportRun | undefined;
  return v && typeof v === 'object' && typeof v.state === 'string' ? v : null;
}

/** True when `run` was cut off (app closed, stopped, or failed) before the end and knows its files, so it can be resumed. */
export function canResume(run: DatasetImportRun | null | undefined): run is DatasetImportRun & { fingerprint: string; total: number } {
  return !!run && run.state !== 'finished' && typeof run.fingerprint === 'string' && typeof run.total === 'number' && run.done < run.total;
}

/**
 * One SHA-256 over the contents of the chosen files, whatever their order or names (a folder pick
 * and a files pick of the same data agree): the hex digests of the files, sorted, hashed again.
 */
export async function fingerprintFiles(contents: readonly ArrayBuffer[]): Promise<string> {
  const hex = (b: ArrayBuffer) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
  const each = await Promise.all(contents.map(async (c) => hex(await crypto.subtle.digest('SHA-256', c))));
  each.sort();
  return hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(each.join('\n'))));
}
