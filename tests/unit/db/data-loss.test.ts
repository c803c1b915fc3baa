import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { LegationDB } from '../../../renderer/db/database';
import { DATA_LOSS_KEY, dataLossNotice, dismissDataLoss, probeDataLoss, recordDataLoss } from '../../../renderer/db/data-loss';
import { ensureSeeded } from '../../../renderer/db/seed';

let seq = 0;
const names: string[] = [];
function dbName(): string {
  const name = `legation-data-loss-${process.pid}-${++seq}`;
  names.push(name);
  return name;
}

afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

async function exists(name: string): Promise<boolean> {
  return (await indexedDB.databases()).some((d) => d.name === name);
}

/**
 * An IDBFactory whose open() behaves as Chromium's does right after it deleted a damaged
 * database: the one open that follows raises upgradeneeded with dataLoss "total" and the
 * engine's message (fake-indexeddb has no such state). Records whether the upgrade was aborted.
 */
function factoryAfterReset(dataLoss: string, dataLossMessage: string) {
  const seen = { aborted: false, closed: false };
  const factory = {
    open: () => {
      const request = {
        transaction: { abort: () => (seen.aborted = true) },
        result: { close: () => (seen.closed = true) },
      } as unknown as IDBOpenDBRequest;
      setTimeout(() => {
        const upgrade = Object.assign(new Event('upgradeneeded'), { oldVersion: 0, newVersion: 1, dataLoss, dataLossMessage });
        request.onupgradeneeded?.call(request, upgrade);
        const error = new Event('error', { cancelable: true });
        request.onerror?.call(request, error);
      }, 0);
      return request;
    },
  } as unknown as IDBFactory;
  return { factory, seen };
}

describe('data lost by the browser engine', () => {
  it('a new profile: nothing lost, and the check creates no database (Dexie creates it as on any first run)', async () => {
    const name = dbName();
    expect(await probeDataLoss(name)).toBeNull();
    expect(await exists(name)).toBe(false);
  });

  it('a sound database: nothing lost, nothing changed, and the check does not keep it open', async () => {
    const name = dbName();
    const db = new LegationDB(name);
    await db.open();
    await db.meta.put({ key: 'k', value: 1 });
    db.close();
    expect(await probeDataLoss(name)).toBeNull();
    const again = new LegationDB(name);
    await again.open();
    expect((await again.meta.get('k'))?.value).toBe(1);
    again.close();
    // Not held open: deleting it is not blocked.
    await Dexie.delete(name);
    expect(await exists(name)).toBe(false);
  });

  it('a database the engine reset: the engine’s message, and the empty database it made is not kept', async () => {
    const { factory, seen } = factoryAfterReset('total', 'IndexedDB (database was corrupt): Unknown corruption');
    expect(await probeDataLoss('legation', factory)).toBe('IndexedDB (database was corrupt): Unknown corruption');
    expect(seen.aborted).toBe(true);
    const silent = factoryAfterReset('total', '');
    expect(await probeDataLoss('legation', silent.factory)).toMatch(/found the database damaged/);
    const none = factoryAfterReset('none', '');
    expect(await probeDataLoss('legation', none.factory)).toBeNull();
  });

  it('a recorded loss is shown until dismissed, and the reset database is not seeded with the sample article', async () => {
    const name = dbName();
    const db = new LegationDB(name);
    await db.open();
    await recordDataLoss(db, 'IndexedDB (database was corrupt): Unknown corruption', '2026-11-29T02:00:00.000Z');
    expect(await ensureSeeded(db)).toBe(false);
    expect(await db.visits.count()).toBe(0);
    expect(await dataLossNotice(db)).toEqual({
      at: '2026-11-29T02:00:00.000Z',
      message: 'IndexedDB (database was corrupt): Unknown corruption',
    });
    await dismissDataLoss(db);
    expect(await dataLossNotice(db)).toBeNull();
    expect(await db.meta.get(DATA_LOSS_KEY)).toBeUndefined();
    db.close();
  });

  it('a loss found in a database already seeded keeps what is there (the seed marker is not rewritten)', async () => {
    const name = dbName();
    const db = new LegationDB(name);
    await db.open();
    expect(await ensureSeeded(db)).toBe(true);
    const marker = await db.meta.get('seed');
    await recordDataLoss(db, 'lost');
    expect(await db.meta.get('seed')).toEqual(marker);
    expect(await db.visits.count()).toBe(3);
    db.close();
  });
});
