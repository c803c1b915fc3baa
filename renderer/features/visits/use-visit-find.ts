import { useEffect, useState, useSyncExternalStore } from 'react';
import { searchClient, type SearchStatus } from '../../search';

export interface VisitFind {
  /** The visits whose text matches (unordered), or undefined until the index has answered. */
  ids: ReadonlySet<string> | undefined;
  /** The text `ids` answers: while the next answer is on its way, the last one stays on screen. */
  answered: string;
  /** Set when the index cannot answer (it could not be opened): the list then finds without it. */
  error: Error | null;
  /** The index's state while Find waits for it (loading or being built), else null. */
  waiting: SearchStatus | null;
}

/**
 * The Visits list's Find, answered by the search index (in its worker) at any size: the ids of
 * every visit whose text matches, which the list intersects with its own ordered, filtered ids.
 * Asks again when the index changes (an edit in any window), so the list stays live.
 */
export function useVisitFind(text: string): VisitFind {
  const client = searchClient();
  const status = useSyncExternalStore(
    (listener) => client.subscribe(listener),
    () => client.status(),
  );
  const settled = status.phase === 'ready' || status.phase === 'failed';
  const revision = status.phase === 'ready' ? status.revision : -1;
  const [answer, setAnswer] = useState<{ text: string; ids: ReadonlySet<string> | undefined; error: Error | null }>({
    text: '',
    ids: undefined,
    error: null,
  });
  const failed = status.phase === 'failed' ? status.message : null;
  useEffect(() => {
    // Before the index is complete a query would answer from part of it: wait for it to be ready.
    // A worker that failed may never answer: its failure is the answer.
    if (!text || !settled || failed !== null) return;
    let live = true;
    client.visitIds(text).then(
      (ids) => live && setAnswer({ text, ids: new Set(ids), error: null }),
      (e: unknown) => live && setAnswer({ text, ids: undefined, error: e instanceof Error ? e : new Error(String(e)) }),
    );
    return () => {
      live = false;
    };
  }, [client, text, settled, revision, failed]);
  if (!text) return { ids: undefined, answered: '', error: null, waiting: null };
  if (failed !== null) return { ids: undefined, answered: text, error: new Error(failed), waiting: null };
  return { ids: answer.ids, answered: answer.text, error: answer.error, waiting: settled ? null : status };
}
