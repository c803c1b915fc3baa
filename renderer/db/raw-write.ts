import Dexie, {
  RangeSet,
  mergeRanges,
  type DBCore,
  type DBCoreMutateResponse,
  type IndexableType,
  type Middleware,
  type Transaction,
} from 'dexie';

/**
 * Adding many rows without Dexie's per-row change tracking, for dataset imports.
 *
 * Every write through a Dexie table goes through its observability middleware, which records
 * each row's key in every index (15 on visits) in range trees and merges them into its
 * transaction's change set, so that live queries in every window can tell whether the write
 * touched what they read. For an import that is most of the CPU it spends outside IndexedDB
 * itself: the range-tree work (addRange, rebalance, cmp) cost more than all the IndexedDB requests.
 *
 * `addUntracked` hands rows to the DBCore under every middleware (IndexedDB's requests, with
 * Dexie's error handling), then records the change as a whole: the rows' primary keys, exactly
 * (the search index reads which rows to index from them), and every index of the table as
 * changed throughout (an import touches almost every value of every index anyway). Dexie
 * reports that change set when the transaction commits, to this context's live queries, its
 * query cache and every other window and worker, as for any write of its own.
 *
 * What the middlewares above would have done to the rows is the caller's to do (visits: endKey,
 * see `withIndexKeys` in database.ts).
 */

/** The DBCore under every middleware, per database (set each time the database opens). */
const baseCores = new WeakMap<Dexie, DBCore>();

/** Registers the database's base DBCore for `addUntracked` (the lowest middleware of all: nothing between it and IndexedDB). */
export function baseCoreMiddleware(db: Dexie): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'baseCore',
    level: -100,
    create: (down) => {
      baseCores.set(db, down);
      return down;
    },
  };
}

type ChangeSet = Record<string, RangeSet>;

/**
 * Adds `rows` to `tableName` in the current read-write transaction of `db` (it must include the
 * table). Resolves with Dexie's answer: a row whose key is taken fails alone (ConstraintError in
 * `failures`, by position) without aborting the transaction, as with bulkAdd.
 */
export async function addUntracked(db: Dexie, tableName: string, rows: readonly object[]): Promise<DBCoreMutateResponse> {
  const core = baseCores.get(db);
  const tx = Dexie.currentTransaction as (Transaction & { idbtrans?: IDBTransaction & { mutatedParts?: ChangeSet } }) | null;
  if (!core || !tx?.idbtrans || tx.db !== db) throw new Error(`addUntracked: no open read-write transaction of ${db.name}`);
  if (tx.mode !== 'readwrite' || !tx.storeNames.includes(tableName))
    throw new Error(`addUntracked: the transaction does not write ${tableName}`);
  const idbtrans = tx.idbtrans;
  const table = core.table(tableName);
  const res = await table.mutate({ trans: idbtrans, type: 'add', values: rows });
  const added = ((res.results ?? []) as IndexableType[]).filter((key, i) => key !== undefined && !(i in res.failures));
  if (added.length > 0) {
    const part = (index: string) => `idb://${db.name}/${tableName}/${index}`;
    const keys = () => new RangeSet().addKeys(added);
    const all = () => new RangeSet(core.MIN_KEY as IndexableType, core.MAX_KEY as IndexableType);
    const change: ChangeSet = { [part('')]: keys(), [part(':dels')]: keys() };
    for (const index of table.schema.indexes) if (index.name) change[part(index.name)] = all();
    const parts = (idbtrans.mutatedParts ??= {});
    for (const [name, set] of Object.entries(change)) {
      const had = parts[name];
      if (had) mergeRanges(had, set);
      else parts[name] = set;
    }
  }
  return res;
}
