import type { LegationDB } from './database';

/**
 * A restore is one IndexedDB transaction: cut off by a crash, it changes nothing. But after the
 * relaunch nothing would tell the user that the backup they chose was never restored. So a restore
 * first commits a journal entry (in the meta table, its own small transaction), and the restore's
 * transaction deletes it together with everything else it writes. An entry found at the next
 * launch is a restore that did not happen. (localStorage is no place for it: Chromium writes it to
 * disk some seconds later, and a crash in between loses it.)
 */
export interface RestoreJournalEntry {
  fileName: string;
  /** ISO timestamp. */
  startedAt: string;
}

export const RESTORE_JOURNAL_KEY = 'restore:journal';
export const RESTORE_LOCK = 'legation:restore';

/** True while a restore holds its Web Lock in some window of this profile. */
export type RestoreRunning = () => Promise<boolean>;

const browserRestoreRunning: RestoreRunning = async () => {
  if (typeof navigator === 'undefined' || !('locks' in navigator)) return false;
  const state = await navigator.locks.query();
  return (state.held ?? []).some((l) => l.name === RESTORE_LOCK);
};

/** Before the restore's transaction: the entry the next launch looks for, committed. */
export async function beginRestore(db: LegationDB, fileName: string, now = new Date()): Promise<void> {
  const entry: RestoreJournalEntry = { fileName, startedAt: now.toISOString() };
  await db.meta.put({ key: RESTORE_JOURNAL_KEY, value: entry });
}

/** Inside the restore's transaction: the entry goes with the commit, and only with it. */
export function clearRestoreJournalInTransaction(db: LegationDB): Promise<void> {
  return db.meta.delete(RESTORE_JOURNAL_KEY);
}

/** After a restore that failed in front of the user: they have been told, so the next launch says nothing. */
export async function abandonRestore(db: LegationDB): Promise<void> {
  await db.meta.delete(RESTORE_JOURNAL_KEY);
}

function asEntry(value: unknown): RestoreJournalEntry | null {
  const e = value as Partial<RestoreJournalEntry> | null;
  return e && typeof e.fileName === 'string' && typeof e.startedAt === 'string' ? { fileName: e.fileName, startedAt: e.startedAt } : null;
}

/**
 * At launch: the restore that was cut off, if any, reported once (the entry is cleared as it is
 * read). Null when there was none, or while another window is restoring right now.
 */
export async function takeUnfinishedRestore(
  db: LegationDB,
  running: RestoreRunning = browserRestoreRunning,
): Promise<RestoreJournalEntry | null> {
  const record = await db.meta.get(RESTORE_JOURNAL_KEY);
  if (!record) return null;
  if (await running()) return null;
  await db.meta.delete(RESTORE_JOURNAL_KEY);
  return asEntry(record.value);
}
