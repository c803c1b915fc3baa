import { buildBackup, parseBackup, serializeBackup, TABLE_NAMES, type BackupParseResult, type BackupTables } from '../../shared/backup';
import { db } from './instance';
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
 */
export async function restoreBackup(result: Extract<BackupParseResult, { ok: true }>): Promise<void> {
  const { tables } = result.backup;
  await db.transaction('rw', [...db.recordTables, db.meta], async () => {
    for (const name of TABLE_NAMES) {
      const table = db.table(name);
      await table.clear();
      await table.bulkAdd(tables[name]);
    }
    // A restored profile counts as seeded: never re-seed on top of the user's data.
    await db.meta.put({ key: 'seed', value: { version: 1, at: new Date().toISOString(), restored: true } });
  });
  clearUndo();
}
