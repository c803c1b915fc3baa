import type { Clock } from '../../shared/model';
import { LegationDB } from './database';

/**
 * The app's database instance. Tests and benchmarks may point it at another database name with
 * `?db=NAME` in the URL (a fresh profile is the normal way; this is for side-by-side runs).
 */
function databaseName(): string | undefined {
  try {
    return new URLSearchParams(globalThis.location?.search ?? '').get('db') ?? undefined;
  } catch {
    return undefined;
  }
}

export const db = new LegationDB(databaseName());

let lastNow = '';

export const clock: Clock = {
  newId: () => crypto.randomUUID(),
  /**
   * Now, as an ISO timestamp that never repeats or goes back within this window: two writes of a
   * record in one millisecond still get different updatedAt values (the search index tells changed
   * rows by their updatedAt), and a clock set back does not date an edit before the one it follows.
   */
  now: () => {
    let t = new Date().toISOString();
    if (t <= lastNow) t = new Date(Date.parse(lastNow) + 1).toISOString();
    lastNow = t;
    return t;
  },
};
