import Dexie, { type DBCore, type DBCoreMutateRequest, type DexieOptions, type EntityTable, type Middleware } from 'dexie';
import type { ContextEvent, Evidence, Meeting, Note, Person, Source, Visit } from '../../shared/model';
import { baseCoreMiddleware } from './raw-write';

export interface MetaRecord {
  key: string;
  value: unknown;
}

/** A stored chunk of a derived structure (the persisted search index). Never part of a backup. */
export interface SearchIndexRecord {
  key: string;
  value: unknown;
}

/** A long import's progress, written with each batch so an interrupted import can say how far it got and resume. */
export interface ImportJobRecord {
  id: string;
  kind: string;
  state: 'running' | 'done' | 'cancelled';
  updatedAt: string;
  [field: string]: unknown;
}

/** The IndexedDB database name. Like the app:// origin it lives under, it must never change. */
export const DB_NAME = 'legation';

/** The schema version this build writes. An older build refuses a database with a higher one (Dexie's VersionError). */
export const SCHEMA_VERSION = 3;

/** The empty store every read-write transaction also locks (see `oneWriterAtATime`). */
export const WRITE_LOCK_STORE = 'writeLock';

/**
 * `endKey` is the last day a visit may cover (end.to, else start.to; '' when unknown). It is a
 * storage detail like `startKey` but derived, not part of the shared model or of backups: the
 * database computes it on every write (see `visitIndexKeys`), so no write path can forget it.
 */
export function visitEndKey(v: Pick<Visit, 'start' | 'end'>): string {
  return v.end?.to ?? v.start?.to ?? '';
}

type WithEndKey = Visit & { endKey?: string };

/** The visit as the database stores it: with its endKey (the same object when it has it already). */
export function withIndexKeys(v: WithEndKey): WithEndKey {
  const endKey = visitEndKey(v);
  return v.endKey === endKey ? v : { ...v, endKey };
}

/** Dexie middleware: every add/put on `visits` (including modify() and update()) gets its endKey. */
const visitIndexKeys: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'visitIndexKeys',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      if (name !== 'visits') return table;
      return {
        ...table,
        mutate: (req: DBCoreMutateRequest) => {
          if (req.type === 'add' || req.type === 'put') {
            return table.mutate({ ...req, values: (req.values as WithEndKey[]).map(withIndexKeys) });
          }
          return table.mutate(req);
        },
      };
    },
  }),
};

/**
 * Dexie middleware: every read-write transaction, in every window and worker, also has the empty
 * `writeLock` store in its scope, so IndexedDB runs them one at a time; readers are not held by
 * it (they never lock that store), only by writers of the stores they read, as before.
 *
 * Why: Chromium (seen in 156) can find the whole database corrupt after a crash, delete it and
 * start afresh ("IndexedDB (database was corrupt): Unknown corruption", dataLoss "total") when the
 * process died while a long read-write transaction was open and another read-write transaction, on
 * other stores, had committed after it began: recovering the open transaction fails. Killing the
 * browser in the middle of a dataset import lost everything in about half the tries (the search
 * index had saved its journal between the import's writes); reduced to raw IndexedDB, a long
 * writer plus a short writer of another store, killed: 3 of 6 databases lost, none of 10 without
 * the second writer, none of 8 with it held by a shared store as here. Remove when Chromium's
 * IndexedDB recovers such a crash: tests/e2e/faults.spec.ts ("the browser killed in the middle of
 * a … import") run a few times without this middleware shows it.
 *
 * A database opened without the store (an older schema) is left as it is.
 */
const oneWriterAtATime: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'oneWriterAtATime',
  create: (down) => {
    const hasLock = down.schema.tables.some((t) => t.name === WRITE_LOCK_STORE);
    if (!hasLock) return down;
    return {
      ...down,
      transaction: (stores, mode, options) =>
        down.transaction(
          mode === 'readwrite' && !stores.includes(WRITE_LOCK_STORE) ? [...stores, WRITE_LOCK_STORE] : stores,
          mode,
          options,
        ),
    };
  },
};

/**
 * The one Dexie database of the app. Versions are append-only: never edit a released
 * `version(n)`; add `version(n + 1)` with an `upgrade()` for every data change.
 *
 * Index notes: `startKey` is start.from ('' when unknown), so ISO strings sort by date; the
 * compound indexes serve the Visits list's filter + date sort without scanning other rows.
 * `deletedAt` is null on live rows and null is not an IndexedDB key, so that index holds the
 * deleted rows only (a small set to subtract).
 */
export class LegationDB extends Dexie {
  visits!: EntityTable<Visit, 'id'>;
  people!: EntityTable<Person, 'id'>;
  sources!: EntityTable<Source, 'id'>;
  evidence!: EntityTable<Evidence, 'id'>;
  meetings!: EntityTable<Meeting, 'id'>;
  events!: EntityTable<ContextEvent, 'id'>;
  notes!: EntityTable<Note, 'id'>;
  meta!: EntityTable<MetaRecord, 'key'>;
  searchIndex!: EntityTable<SearchIndexRecord, 'key'>;
  importJobs!: EntityTable<ImportJobRecord, 'id'>;

  constructor(name: string = DB_NAME, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      visits:
        'id, status, place.country, travellerId, startKey, updatedAt, tourId, *tags, *hostIds, [status+startKey], [place.country+startKey], [travellerId+startKey]',
      people: 'id, name, *aliases, updatedAt',
      sources: 'id, title, publishedOn, updatedAt',
      evidence: 'id, [recordType+recordId], recordId, sourceId',
      meetings: 'id, visitId, *participantIds',
      events: 'id, date.from',
      notes: 'id, targetKey, updatedAt',
      meta: 'key',
    });
    // Version 2: the list and search of a large database. Adds endKey (date-range filters from an
    // index), deletedAt indexes, one compound index for status + country + date, updatedAt on
    // every searchable table (incremental search index), and two derived stores.
    this.version(2)
      .stores({
        visits:
          'id, status, place.country, travellerId, startKey, endKey, updatedAt, deletedAt, tourId, *tags, *hostIds, [status+startKey], [place.country+startKey], [travellerId+startKey], [status+place.country+startKey]',
        people: 'id, name, *aliases, updatedAt, deletedAt',
        sources: 'id, title, publishedOn, updatedAt, deletedAt',
        evidence: 'id, [recordType+recordId], recordId, sourceId',
        meetings: 'id, visitId, *participantIds, updatedAt',
        events: 'id, date.from, updatedAt, deletedAt',
        notes: 'id, targetKey, updatedAt, deletedAt',
        meta: 'key',
        searchIndex: 'key',
        importJobs: 'id, state, updatedAt',
      })
      .upgrade(async (tx) => {
        await tx
          .table('visits')
          .toCollection()
          .modify((v: WithEndKey) => {
            v.endKey = visitEndKey(v);
          });
      });
    // Version 3: an empty store that serialises writers (see oneWriterAtATime). No data changes.
    this.version(3).stores({ [WRITE_LOCK_STORE]: 'key' });
    this.use(visitIndexKeys);
    this.use(oneWriterAtATime);
    this.use(baseCoreMiddleware(this));
  }

  /** Every table holding user records, in the order a backup lists them. */
  get recordTables() {
    return [this.people, this.sources, this.visits, this.meetings, this.events, this.evidence, this.notes] as const;
  }
}
