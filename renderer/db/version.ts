import type { EntityTable } from 'dexie';
import type { Clock } from '../../shared/model';
import { ConflictError } from './errors';

/**
 * Optimistic concurrency: a record's version is its `updatedAt`.
 *
 * Why not a new revision counter: every record already has `updatedAt`, and every write path that
 * changes a record (forms, imports, restore, undo, the search index's catch-up) already sets it:
 * a counter would need a schema version, a backup-format change and every writer to remember to
 * bump it, and one that forgot would defeat the check. What a counter gives for free, `updatedAt`
 * gets here: a versioned write stamps a time strictly after the version it replaces
 * (`nextVersion`), so two windows writing in the same millisecond still make two versions. An
 * undo that puts back an older record puts back its older `updatedAt` too, with its content: a
 * form that started from that version loses nothing by saving over it.
 *
 * The check runs inside the write's transaction (`expectVersion`), after reading the record in
 * it: IndexedDB runs read-write transactions on a store one at a time, so nothing can slip in
 * between the check and the write.
 */

/** Throws a ConflictError carrying the stored record when it is not at the version the save started from. */
export function expectVersion<T extends { id: string; updatedAt: string }>(what: string, stored: T, expected: string): void {
  if (stored.updatedAt !== expected) throw new ConflictError(what, stored);
}

/** Now, but strictly after `previous` (another window's clock may have stamped this very millisecond). */
export function nextVersion(clock: Clock, previous: string): string {
  const now = clock.now();
  if (now > previous) return now;
  const t = Date.parse(previous);
  return Number.isNaN(t) ? now : new Date(t + 1).toISOString();
}

/** The clock as a versioned write of a record at `previous` sees it (for shared operations that call `clock.now()`). */
export function clockAfter(clock: Clock, previous: string): Clock {
  return { ...clock, now: () => nextVersion(clock, previous) };
}

/**
 * An undo: puts `prev` back in `table`, unless the record changed again since `version` (the
 * version the undone write made): then a ConflictError and nothing is written, so an undo in one
 * window never erases a later edit made in another. One read-write transaction.
 */
export async function putBack<T extends { id: string; updatedAt: string }>(
  table: EntityTable<T, 'id'>,
  what: string,
  prev: T,
  version: string,
): Promise<void> {
  await table.db.transaction('rw', table, async () => {
    const now = await table.where('id').equals(prev.id).first();
    if (now) expectVersion(what, now, version);
    await table.put(prev);
  });
}
