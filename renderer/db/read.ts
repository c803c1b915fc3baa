import { Dexie } from 'dexie';
import type { LegationDB } from './database';
import { db } from './instance';

/** The record tables a screen's read model may read. */
export type RecordTables = Pick<LegationDB, 'visits' | 'people' | 'sources' | 'evidence' | 'meetings' | 'notes' | 'events'>;

/**
 * The door through which a screen's read model (`features/<screen>/*-data.ts`) reads the tables:
 * one read-only transaction over the tables it names, so that what it returns is a consistent
 * snapshot even while another window writes, and a write from inside fails. Screens themselves
 * use the repositories and live queries, never this.
 */
export function readTables<T>(names: readonly (keyof RecordTables)[], read: (tables: RecordTables) => Promise<T>): Promise<T> {
  return db.transaction(
    'r',
    names.map((name) => db[name]),
    // async, so that Dexie keeps the transaction open across the read model's own awaits.
    async () => read(db),
  );
}

/** The key after every other, for index ranges open at the top. */
export const MAX_KEY: unknown = Dexie.maxKey;
