import { buildSeed, SEED_VERSION } from '../../shared/seed';
import type { LegationDB } from './database';

/** The meta key marking a database as seeded (or as one never to seed). */
export const SEED_KEY = 'seed';

/**
 * Seeds a new profile from the article, once. Idempotent: the marker is written in the same
 * transaction as the records, so two windows starting together seed once; records that already
 * exist (by id) are never overwritten, so user edits survive; a later run does nothing.
 * Returns true when this call seeded.
 */
export async function ensureSeeded(database: LegationDB): Promise<boolean> {
  return database.transaction('rw', [...database.recordTables, database.meta], async () => {
    const marker = await database.meta.get(SEED_KEY);
    if (marker) return false;
    const seed = buildSeed();
    const tables = [
      [database.people, seed.people],
      [database.sources, seed.sources],
      [database.visits, seed.visits],
      [database.meetings, seed.meetings],
      [database.events, seed.events],
      [database.evidence, seed.evidence],
      [database.notes, seed.notes],
    ] as const;
    for (const [table, rows] of tables) {
      const existing = await (table as { bulkGet(keys: string[]): Promise<unknown[]> }).bulkGet(rows.map((r) => r.id));
      const missing = rows.filter((_, i) => existing[i] === undefined);
      if (missing.length) await (table as { bulkAdd(rows: unknown[]): Promise<unknown> }).bulkAdd(missing);
    }
    await database.meta.put({ key: SEED_KEY, value: { version: SEED_VERSION, at: new Date().toISOString() } });
    return true;
  });
}
