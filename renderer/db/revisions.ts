import Dexie from 'dexie';
import { db } from './instance';

/**
 * Table revisions: a counter per table that moves on every write to it, in this window or in
 * another window or worker (Dexie reports all of them as "storagemutated"), and on all of them when
 * the database closes (deleted, restored or upgraded elsewhere, it may come back with other rows).
 * A screen that keeps what it read can tell, without touching the database, that it is still true.
 */
const revisions = new Map<string, number>();
let closes = 0;
const listeners = new Set<() => void>();

function changed(): void {
  for (const l of listeners) l();
}

Dexie.on('storagemutated', (parts) => {
  const prefix = `idb://${db.name}/`;
  const tables = new Set<string>();
  for (const key of Object.keys(parts)) {
    if (!key.startsWith(prefix)) continue;
    tables.add(key.slice(prefix.length).split('/')[0]!);
  }
  if (tables.size === 0) return;
  for (const t of tables) revisions.set(t, (revisions.get(t) ?? 0) + 1);
  changed();
});
db.on('close', () => {
  closes++;
  changed();
});

/** The revision of these tables together: equal strings mean none of them has changed in between. */
export function revisionOf(tables: readonly string[]): string {
  return `${closes}:${tables.map((t) => revisions.get(t) ?? 0).join('.')}`;
}

/** Calls `listener` after any table's revision moves; returns the unsubscribe function. */
export function subscribeRevisions(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Values read from the database, each kept (the `size` most recent) until one of `tables` changes.
 * A value computed while a table changed is handed back but not kept: it may mix both states.
 */
export class RevisionCache<T> {
  private readonly entries = new Map<string, { revision: string; value: T }>();

  constructor(
    private readonly tables: readonly string[],
    private readonly size: number,
  ) {}

  /** The value kept for `key`, if the tables have not changed since it was read. */
  peek(key: string): T | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.revision === revisionOf(this.tables)) return e.value;
    this.entries.delete(key);
    return undefined;
  }

  /** Computes the value for `key` and keeps it when no table changed meanwhile. */
  async read(key: string, compute: () => Promise<T>): Promise<T> {
    const revision = revisionOf(this.tables);
    const value = await compute();
    if (revisionOf(this.tables) === revision) {
      this.entries.delete(key);
      this.entries.set(key, { revision, value });
      while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string);
    }
    return value;
  }
}
