import { db } from './instance';
import { ensureSeeded } from './seed';
import { requestPersistentStorage } from './storage';

export type DatabaseStatus = { state: 'ready'; seeded: boolean; persistent: boolean } | { state: 'failed'; message: string };

/**
 * Opens the database, seeds a new profile, asks for persistent storage, and watches for another
 * window upgrading the schema: that window needs us to close, so we close and ask to reload.
 */
export async function initDatabase(onOutdated: () => void): Promise<DatabaseStatus> {
  try {
    db.on('versionchange', () => {
      db.close();
      onOutdated();
      return false;
    });
    await db.open();
    const seeded = await ensureSeeded(db);
    const persistent = await requestPersistentStorage();
    return { state: 'ready', seeded, persistent };
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    if (name === 'VersionError') {
      return {
        state: 'failed',
        message: 'This database was written by a newer version of Legation. Update the app to open it; nothing was changed.',
      };
    }
    return { state: 'failed', message: `The database could not be opened: ${e instanceof Error ? e.message : String(e)}` };
  }
}
