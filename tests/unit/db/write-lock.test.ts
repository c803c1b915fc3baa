import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSeed } from '../../../shared/seed';
import { LegationDB, SCHEMA_VERSION, WRITE_LOCK_STORE } from '../../../renderer/db/database';

/**
 * Read-write transactions run one at a time (renderer/db/database.ts, oneWriterAtATime): the
 * workaround for Chromium losing the whole database after a crash while two writers overlapped.
 */

/** The version-2 schema as it shipped (frozen here, like the version-1 copy in migration.test.ts). */
const V2_STORES = {
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
};

let seq = 0;
const opened: Dexie[] = [];
function dbName(): string {
  seq++;
  return `legation-write-lock-${process.pid}-${seq}`;
}

async function openNew(): Promise<LegationDB> {
  const db = new LegationDB(dbName());
  opened.push(db);
  await db.open();
  return db;
}

afterEach(async () => {
  for (const d of opened.splice(0)) {
    d.close();
    await Dexie.delete(d.name);
  }
});

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

describe('one writer at a time', () => {
  it('a version-2 database opens at version 3 with every record as it was and an empty lock store', async () => {
    const name = dbName();
    const seed = buildSeed();
    const v2 = new Dexie(name);
    v2.version(2).stores(V2_STORES);
    await v2.open();
    await v2.table('visits').bulkAdd(seed.visits.map((v) => ({ ...v, endKey: v.end?.to ?? v.start?.to ?? '' })));
    await v2.table('people').bulkAdd(seed.people);
    await v2.table('meta').put({ key: 'import:hsg', value: { state: 'running', done: 3000 } });
    const before = { visits: await v2.table('visits').toArray(), people: await v2.table('people').toArray() };
    v2.close();

    const db = new LegationDB(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(3);
    expect(await db.visits.toArray()).toEqual(before.visits);
    expect(await db.people.toArray()).toEqual(before.people);
    expect((await db.meta.get('import:hsg'))?.value).toEqual({ state: 'running', done: 3000 });
    expect(db.backendDB().objectStoreNames.contains(WRITE_LOCK_STORE)).toBe(true);
    expect(await db.table(WRITE_LOCK_STORE).count()).toBe(0);
  });

  it('every read-write transaction also locks the lock store; a read-only one does not', async () => {
    const db = await openNew();
    const scope = () => [...Dexie.currentTransaction.idbtrans.objectStoreNames];
    const rw = await db.transaction('rw', db.notes, async () => {
      await db.notes.count();
      return scope();
    });
    expect(rw.sort()).toEqual(['notes', WRITE_LOCK_STORE].sort());
    const ro = await db.transaction('r', db.notes, async () => {
      await db.notes.count();
      return scope();
    });
    expect(ro).toEqual(['notes']);
    // A lone write (Dexie's own implicit transaction) too.
    let implicit: string[] = [];
    const hooked = (_k: unknown, _o: unknown, tx: { idbtrans: IDBTransaction }) => {
      implicit = [...tx.idbtrans.objectStoreNames];
    };
    db.meta.hook('creating', hooked);
    await db.meta.put({ key: 'k', value: 1 });
    db.meta.hook('creating').unsubscribe(hooked);
    expect(implicit.sort()).toEqual(['meta', WRITE_LOCK_STORE].sort());
  });

  it('two writers of different tables run one after the other; a reader is not held by a writer of other tables', async () => {
    const db = await openNew();
    const order: string[] = [];
    // A long writer: twenty writes, each awaited (the transaction stays open between them).
    const long = db.transaction('rw', db.visits, db.meta, async () => {
      for (let i = 0; i < 20; i++) {
        await db.meta.put({ key: `long-${i}`, value: i });
        order.push(`long ${i}`);
      }
    });
    await tick();
    // A second writer, of another table, asked for while the first is open.
    const other = db.transaction('rw', db.searchIndex, async () => {
      await db.searchIndex.put({ key: 'index:journal:1', value: 'x' });
      order.push('other writer');
    });
    // A reader of a third table, asked for at the same time.
    const reader = db.transaction('r', db.notes, async () => {
      await db.notes.count();
      order.push('reader');
    });
    await Promise.all([long, other, reader]);
    const lastLong = order.indexOf('long 19');
    expect(order.indexOf('other writer')).toBeGreaterThan(lastLong);
    expect(order.indexOf('reader')).toBeLessThan(lastLong);
    expect(order.filter((e) => e.startsWith('long'))).toHaveLength(20);
  });
});
