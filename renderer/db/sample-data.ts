import { SEED_IDS } from '../../shared/seed';
import type { LegationDB } from './database';
import { clock, db as appDb } from './instance';
import { SEED_KEY, seedTables, type SeedRow, type SeedTable } from './seed';
import { pushUndo } from './undo';

/**
 * The sample data a new profile starts with (shared/seed: the three visits of one news article,
 * with their people, source, evidence, events and notes), as the first-launch banner offers it:
 * keep it, or remove exactly those records.
 */

/** Set when the user chose to keep the sample data: the banner does not come back. */
const SAMPLE_KEPT_KEY = 'sampleData:kept';

export interface SampleDataNotice {
  /** Seeded visits still in the database (not deleted). */
  visits: number;
}

/**
 * Whether to show the first-launch banner: the profile was seeded here (not restored, not reset
 * by the engine), the user has not chosen to keep the sample data, and some of it is still there.
 */
export async function sampleDataNotice(database: LegationDB = appDb): Promise<SampleDataNotice | null> {
  const [marker, kept] = await Promise.all([database.meta.get(SEED_KEY), database.meta.get(SAMPLE_KEPT_KEY)]);
  const value = marker?.value as { version?: unknown; restored?: unknown } | undefined;
  const seeded = value?.version !== undefined && !value.restored;
  if (!seeded || kept) return null;
  const ids = [SEED_IDS.tehranVisit, SEED_IDS.saudiVisit, SEED_IDS.washingtonVisit];
  const visits = (await database.visits.bulkGet(ids)).filter((v) => v && !v.deletedAt).length;
  return visits > 0 ? { visits } : null;
}

/** The user keeps the sample data: the banner is gone for good (in every window). */
export async function keepSampleData(database: LegationDB = appDb): Promise<void> {
  await database.meta.put({ key: SAMPLE_KEPT_KEY, value: { at: clock.now() } });
}

export interface SampleRemoval {
  /** Records deleted, all tables together. */
  removed: number;
  /** Seeded people kept because a visit of the user's own names them as traveller. */
  keptPeople: string[];
}

/**
 * Deletes (softly, like every delete) exactly the records the seed created, found by their ids,
 * whatever the user has changed in them since. Records of the user's own are never touched; a
 * seeded person who is the traveller of one of them stays, so that no live visit loses its
 * traveller. One transaction; undoable in one step (the rows go back as they were).
 */
export async function removeSampleData(database: LegationDB = appDb): Promise<SampleRemoval> {
  const plan = seedTables(database);
  const before: { table: SeedTable; rows: SeedRow[] }[] = [];
  const keptPeople: string[] = [];
  const seedIds = new Set(plan.flatMap(({ rows }) => rows.map((r) => r.id)));
  await database.transaction('rw', [...database.recordTables], async () => {
    const now = clock.now();
    for (const { table, rows: seeded, people } of plan) {
      const live = (await table.bulkGet(seeded.map((r) => r.id))).filter((r): r is SeedRow => !!r && !r.deletedAt);
      let remove = live;
      if (people) {
        const keep = new Set<string>();
        for (const person of live) {
          const travels = await database.visits
            .where('travellerId')
            .equals(person.id)
            .filter((v) => !v.deletedAt && !seedIds.has(v.id))
            .count();
          if (travels > 0) keep.add(person.id);
        }
        remove = live.filter((p) => !keep.has(p.id));
        keptPeople.push(...live.filter((p) => keep.has(p.id)).map((p) => (p as SeedRow & { name: string }).name));
      }
      if (remove.length === 0) continue;
      before.push({ table, rows: remove });
      await table.bulkPut(remove.map((r) => ({ ...r, deletedAt: now, updatedAt: now })));
    }
  });
  const removed = before.reduce((n, b) => n + b.rows.length, 0);
  if (removed > 0) {
    pushUndo({
      label: 'Remove sample data',
      revert: async () => {
        await database.transaction('rw', [...database.recordTables], async () => {
          const now = clock.now();
          for (const { table, rows } of before) await table.bulkPut(rows.map((r) => ({ ...r, updatedAt: now })));
        });
      },
    });
  }
  return { removed, keptPeople };
}
