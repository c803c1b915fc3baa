import type { LegationDB } from './database';
import { db as appDb } from './instance';
import { SEED_KEY } from './seed';

/** What the app remembers, until the user dismisses it, when the browser engine reset the database. */
export interface DataLossRecord {
  /** When the app found out (ISO timestamp). */
  at: string;
  /** The browser engine's own words, e.g. "IndexedDB (database was corrupt): Unknown corruption". */
  message: string;
}

export const DATA_LOSS_KEY = 'storage:dataLoss';

/**
 * Asks IndexedDB, before Dexie opens the database, whether the browser engine has just thrown the
 * database away. Chromium does that when it finds a database damaged at open (after a crash, for
 * instance): it deletes it, creates an empty one, and says so only in that one open's
 * `upgradeneeded` event (`dataLoss: "total"`), which Dexie does not pass on. Without this check
 * the app would open an empty database as if it were a first run and seed the sample article,
 * and the user would never learn what happened to their records.
 *
 * Opens without a version: an existing, sound database just opens (and is closed at once). A new
 * or reset one raises `upgradeneeded`; the check reads the loss and aborts that upgrade, so nothing
 * is created here and Dexie creates the schema as on a first run. Resolves with the engine's
 * message when data was lost, else null; never rejects (a failed check must not stop the app).
 */
export function probeDataLoss(name: string, factory: IDBFactory = indexedDB): Promise<string | null> {
  return new Promise((resolve) => {
    let lost: string | null = null;
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name);
    } catch {
      resolve(null);
      return;
    }
    request.onupgradeneeded = (event) => {
      const e = event as IDBVersionChangeEvent & { dataLoss?: string; dataLossMessage?: string };
      if (e.dataLoss && e.dataLoss !== 'none') {
        lost = e.dataLossMessage?.trim() || 'The browser engine found the database damaged and started it afresh.';
      }
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      request.result.close();
      resolve(lost);
    };
    request.onerror = (event) => {
      // The aborted upgrade of a new or reset database ends here (AbortError): expected.
      event.preventDefault();
      resolve(lost);
    };
  });
}

/**
 * Records a loss found by `probeDataLoss` in the fresh database, and marks it as seeded so the
 * sample article is not added to it: the user's records were not sample data, and a restored
 * backup should not come back mixed with it. One transaction.
 */
export async function recordDataLoss(database: LegationDB, message: string, at = new Date().toISOString()): Promise<void> {
  await database.transaction('rw', database.meta, async () => {
    await database.meta.put({ key: DATA_LOSS_KEY, value: { at, message } satisfies DataLossRecord });
    if (!(await database.meta.get(SEED_KEY))) await database.meta.put({ key: SEED_KEY, value: { skipped: 'data loss', at } });
  });
}

/** The loss to tell the user about, if one was recorded and not dismissed. */
export async function dataLossNotice(database: LegationDB = appDb): Promise<DataLossRecord | null> {
  const v = (await database.meta.get(DATA_LOSS_KEY))?.value as Partial<DataLossRecord> | undefined;
  return v && typeof v.at === 'string' && typeof v.message === 'string' ? { at: v.at, message: v.message } : null;
}

/** The user has read the notice. */
export async function dismissDataLoss(database: LegationDB = appDb): Promise<void> {
  await database.meta.delete(DATA_LOSS_KEY);
}
