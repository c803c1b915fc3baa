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

export const clock: Clock = {
  newId: () => crypto.randomUUID(),
  now: () => new Date().toISOString(),
};
