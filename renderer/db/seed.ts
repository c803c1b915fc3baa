import { buildSeed, SEED_VERSION } from '../../shared/seed';
import type { LegationDB } from './database';

/** The meta key marking a database as seeded (or as one never to seed). */
export const SEED_KEY = 'seed';

/** A seeded row, and a table of them, as the walks over the seed see them. */
export type SeedRow = { id: string; deletedAt?: string | null; updatedAt: string };
export type SeedTable = {
  bulkGet(ids: string[]): Promise<(SeedRow | undefined)[]>;
  bulkAdd(rows: SeedRow[]): Promise<unknown>;
  bulkPut(rows: SeedRow[]): Promise<unknown>;
};

/**
 * Each record table with the rows the seed puts in it, in the order they are written (people and
 * sources before what refers to them): the one walk over the seed that seeding and the sample
 * data's removal share.
 */
export function seedTables(database: LegationDB): { table: SeedTable; rows: SeedRow[]; people: boolean }[] {
  const seed = buildSeed();
  const plan = [
    [database.people, seed.people],
    [database.sources, seed.sources],
    [database.visits, seed.visits],
    [database.meetings, seed.meetings],
    [database.events, seed.events],
    [database.evidence, seed.evidence],
    [database.notes, seed.notes],
  ] as const;
  return plan.map(([table, rows]) => ({ table: table as unknown as SeedTable, rows, people: table === database.people }));
}

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
    for (const { table, rows } of seedTables(database)) {
      const existing = await table.bulkGet(rows.map((r) => r.id));
      const missing = rows.filter((_, i) => existing[i] === undefined);
      if (missing.length) await table.bulkAdd(missing);
    }
    await database.meta.put({ key: SEED_KEY, value: { version: SEED_VERSION, at: new Date().toISOString() } });
    return true;
  });
}
