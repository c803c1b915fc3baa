import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/instance';
import { ensureSeeded } from '../../../renderer/db/seed';
import { exportBackupText, parseBackup, restoreBackup } from '../../../renderer/db';
import { RESTORE_JOURNAL_KEY, beginRestore, takeUnfinishedRestore } from '../../../renderer/db/restore-journal';

const idle = () => Promise.resolve(false);

async function backup() {
  const parsed = parseBackup((await exportBackupText('0.0.0')).text);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed;
}

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
  await ensureSeeded(db);
});

describe('the restore journal', () => {
  it('a restore that finished leaves nothing to report', async () => {
    await restoreBackup(await backup(), { fileName: 'monday.json' });
    expect(await db.meta.get(RESTORE_JOURNAL_KEY)).toBeUndefined();
    expect(await takeUnfinishedRestore(db, idle)).toBeNull();
  });

  it('a restore cut off before its transaction committed is reported once, with its file name and time', async () => {
    // What a crash leaves: the journal entry committed, the restore's transaction never.
    await beginRestore(db, 'friday.json', new Date('2026-12-04T17:30:00Z'));
    expect(await takeUnfinishedRestore(db, idle)).toEqual({ fileName: 'friday.json', startedAt: '2026-12-04T17:30:00.000Z' });
    expect(await takeUnfinishedRestore(db, idle)).toBeNull();
    expect(await db.visits.count()).toBe(3);
  });

  it('says nothing while another window is restoring, and keeps the entry for later', async () => {
    await beginRestore(db, 'wednesday.json');
    expect(await takeUnfinishedRestore(db, () => Promise.resolve(true))).toBeNull();
    expect(await takeUnfinishedRestore(db, idle)).toMatchObject({ fileName: 'wednesday.json' });
  });

  it('a restore that fails clears its entry: the user is told then, not at the next launch', async () => {
    const parsed = await backup();
    const visits = parsed.backup.tables.visits;
    const broken = { ...parsed, backup: { ...parsed.backup, tables: { ...parsed.backup.tables, visits: [visits[0]!, visits[0]!] } } };
    await expect(restoreBackup(broken, { fileName: 'dup.json' })).rejects.toThrow();
    expect(await db.meta.get(RESTORE_JOURNAL_KEY)).toBeUndefined();
    expect(await db.visits.count()).toBe(3);
  });
});
