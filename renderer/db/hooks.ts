import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useSyncExternalStore } from 'react';
import { revisionOf, subscribeRevisions } from './revisions';

export interface QueryState<T> {
  data: T | undefined;
  isLoading: boolean;
  error: Error | null;
}

/**
 * Live query in the `{ data, isLoading, error }` shape screens use. Re-runs when any window
 * writes to the tables it read (Dexie's liveQuery observes IndexedDB across tabs and windows).
 */
export function useQuery<T>(query: () => Promise<T>, deps: unknown[]): QueryState<T> {
  const box = useLiveQuery(async (): Promise<{ value?: T; error?: Error }> => {
    try {
      return { value: await query() };
    } catch (e) {
      return { error: e instanceof Error ? e : new Error(String(e)) };
    }
  }, deps);
  return useMemo(() => ({ data: box?.value, isLoading: box === undefined, error: box?.error ?? null }), [box]);
}

/**
 * The revision of these tables (see revisions.ts), live: put it in a useQuery's deps when the
 * query may answer from a cache without reading, so that it still re-runs on every change.
 */
export function useRevision(tables: readonly string[]): string {
  const key = tables.join(',');
  return useSyncExternalStore(subscribeRevisions, () => revisionOf(key.split(',')));
}
