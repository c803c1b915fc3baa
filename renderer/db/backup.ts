import { buildBackup, parseBackup, serializeBackup, TABLE_NAMES, type BackupParseResult, type BackupTables } from '../../shared/backup';
import { db } from './instance';
import {
  RESTORE_LOCK,
  abandonRestore,
  beginRestore,
  clearRestoreJournalInTransaction,
  takeUnfinishedRestore,
  type RestoreJournalEntry,
} from './restore-journal';
import { clearUndo } from './undo';

/** Reads every user table in one read transaction (a consistent snapshot) and serialises it. */
export async function exportBackupText(appVersion: string): Promise<{ text: string; counts: Record<string, number> }> {
  const tables = await db.transaction('r', db.recordTables, async () => {
    const out = {} as Record<string, unknown[]>;
    for (const name of TABLE_NAMES) out[name] = await db.table(name).toArray();
    // endKey is derived by the database (see database.ts), not part of the backup format.
    out.visits = (out.visits as { endKey?: string }[]).map(({ endKey: _derived, ...v }) => v);
    return out as unknown as BackupTables;
  });
  const counts = Object.fromEntries(TABLE_NAMES.map((n) => [n, tables[n].length]));
  return { text: serializeBackup(buildBackup(tables, { name: 'Legation', version: appVersion }, new Date().toISOString())), counts };
}

export { parseBackup };
export type { BackupParseResult };

/**
 * Replaces the whole database with a validated backup: all or nothing (one rw transaction over
 * every table; any failure rolls everything back). Call only with the result of parseBackup.
 * A restore cut off by a crash is reported at the next launch (see restore-journal.ts); while it
 * runs, its Web Lock tells other windows so.
 */
export async function restoreBackup(
  result: Extract<BackupParseResult, { ok: true }>,
  options: { fileName?: string; onWriting?: () => void } = {},
): Promise<void> {
  const { tables } = result.backup;
  const run = async () => {
    await beginRestore(db, options.fileName ?? 'a backup');
    options.onWriting?.();
    try {
      await db.transaction('rw', [...db.recordTables, db.meta], async () => {
        for (const name of TABLE_NAMES) {
          const table = db.table(name);
          await table.clear();
          await table.bulkAdd(tables[name]);
        }
        // A restored profile counts as seeded: never re-seed on top of the user's data.
        await db.meta.put({ key: 'seed', value: { version: 1, at: new Date().toISOString(), restored: true } });
        await clearRestoreJournalInTransaction(db);
      });
    } catch (e) {
      await abandonRestore(db).catch(() => undefined);
      throw e;
    }
  };
  if (typeof navigator !== 'undefined' && 'locks' in navigator) await navigator.locks.request(RESTORE_LOCK, run);
  else await run();
  clearUndo();
}

let unfinished: Promise<RestoreJournalEntry | null> | null = null;

/**
 * At launch: the restore a crash cut off, or null. Read once per page load (the journal entry is
 * cleared as it is read), so every caller in this window gets the same answer.
 */
export function unfinishedRestore(): Promise<RestoreJournalEntry | null> {
  unfinished ??= takeUnfinishedRestore(db);
  return unfinished;
}
