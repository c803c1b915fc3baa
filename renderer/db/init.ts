import type Dexie from 'dexie';
import { db } from './instance';
import { probeDataLoss, recordDataLoss } from './data-loss';
import { ensureSeeded } from './seed';
import { requestPersistentStorage } from './storage';

export type DatabaseStatus = { state: 'ready'; seeded: boolean; persistent: boolean } | { state: 'failed'; message: string };

const NEWER_DATABASE_MESSAGE = 'This database was written by a newer version of Legation. Update the app to open it; nothing was changed.';

/**
 * True when the database on disk has a higher schema version than this build declares. Dexie 4
 * no longer refuses such a database with a VersionError (it opens it as it is, see
 * tests/unit/db/migration.test.ts), so an older build would otherwise read and write a schema it
 * does not know. Dexie stores version n as IndexedDB version n × 10.
 */
export function newerSchemaOnDisk(database: Dexie): boolean {
  return database.isOpen() && database.backendDB().version / 10 > database.verno;
}

export interface DatabaseWatchers {
  /** Another window upgraded (or deleted) the database: this window has closed it and must reload. */
  onOutdated: () => void;
  /**
   * Opening waits for another window still holding an older version open (it has not closed on
   * "versionchange", e.g. an older build). Called so the window can say what it waits for; the
   * open completes by itself once the other window closes or reloads.
   */
  onBlocked?: () => void;
}

/**
 * Opens the database, seeds a new profile, asks for persistent storage, and watches for another
 * window upgrading the schema: that window needs us to close, so we close and ask to reload.
 * Refuses a database written by a newer build (a downgrade) with a message, without writing.
 * First asks whether the browser engine has just reset a damaged database (data-loss.ts): the
 * loss is then recorded for every screen to show (DataLossBanner) and the empty database is not
 * seeded.
 */
export async function initDatabase(watch: (() => void) | DatabaseWatchers): Promise<DatabaseStatus> {
  const watchers: DatabaseWatchers = typeof watch === 'function' ? { onOutdated: watch } : watch;
  try {
    db.on('versionchange', () => {
      db.close();
      watchers.onOutdated();
      return false;
    });
    db.on('blocked', () => watchers.onBlocked?.());
    const lost = await probeDataLoss(db.name);
    await db.open();
    if (newerSchemaOnDisk(db)) {
      db.close();
      return { state: 'failed', message: NEWER_DATABASE_MESSAGE };
    }
    if (lost) await recordDataLoss(db, lost);
    const seeded = await ensureSeeded(db);
    const persistent = await requestPersistentStorage();
    return { state: 'ready', seeded, persistent };
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    if (name === 'VersionError') return { state: 'failed', message: NEWER_DATABASE_MESSAGE };
    return { state: 'failed', message: `The database could not be opened: ${e instanceof Error ? e.message : String(e)}` };
  }
}
