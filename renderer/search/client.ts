/**
 * The window's side of search: starts the worker that holds the index (once per window), sends
 * queries and hears the index's status. Screens use `searchClient()`; nothing here touches tables.
 */
import type { FacetSelection, SearchReady, SearchResult, SearchStatus } from '../../shared/search';
import { db } from '../db/instance';
import type { SearchWorkerMessage, SearchWorkerRequest } from './protocol';
import { unpackResult } from '../../shared/search/wire';

export interface SearchClient {
  /** Runs a query in the worker: the best `limit` hits, total and facet counts. */
  query(q: string, facets?: FacetSelection, limit?: number): Promise<SearchResult>;
  /**
   * The ids of every visit whose text matches `q` (unranked; deleted visits may still be among them
   * until the index hears of it). Waits for the index to be complete; rejects if it cannot open.
   */
  visitIds(q: string): Promise<string[]>;
  /** Resolves once the index is complete: restored from disk ('persisted') or built ('rebuilt'), and how long that took. */
  ready(): Promise<SearchReady>;
  /** Throws the index away and builds it again from the database (progress through `subscribe`). */
  rebuild(): void;
  /** The index's state now. */
  status(): SearchStatus;
  /** Calls `listener` on every status change; returns the unsubscribe function. */
  subscribe(listener: (status: SearchStatus) => void): () => void;
}

class WorkerSearchClient implements SearchClient {
  private readonly worker: Worker;
  private current: SearchStatus = { phase: 'starting' };
  private readonly listeners = new Set<(s: SearchStatus) => void>();
  private readonly calls = new Map<number, { resolve: (r: SearchResult) => void; reject: (e: Error) => void }>();
  private readonly idCalls = new Map<number, { resolve: (ids: string[]) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private readyWaiters: ((r: SearchReady) => void)[] = [];
  private readyValue: SearchReady | null = null;

  constructor(dbName: string) {
    this.worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'search-index' });
    this.worker.onmessage = (e: MessageEvent<SearchWorkerMessage>) => this.receive(e.data);
    this.worker.onerror = (e) => this.setStatus({ phase: 'failed', message: `The search index stopped: ${e.message || 'worker error'}` });
    this.send({ type: 'init', dbName });
    // Saves unsaved index changes when the window goes away (the journal covers what this misses).
    addEventListener('pagehide', () => this.send({ type: 'flush' }));
  }

  query(q: string, facets: FacetSelection = {}, limit?: number): Promise<SearchResult> {
    const id = this.nextId++;
    return new Promise<SearchResult>((resolve, reject) => {
      this.calls.set(id, { resolve, reject });
      this.send({ type: 'query', id, request: limit === undefined ? { q, facets } : { q, facets, limit } });
    });
  }

  visitIds(q: string): Promise<string[]> {
    const id = this.nextId++;
    return new Promise<string[]>((resolve, reject) => {
      this.idCalls.set(id, { resolve, reject });
      this.send({ type: 'visitIds', id, q });
    });
  }

  ready(): Promise<SearchReady> {
    if (this.readyValue) return Promise.resolve(this.readyValue);
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  rebuild(): void {
    this.send({ type: 'rebuild' });
  }

  status(): SearchStatus {
    return this.current;
  }

  subscribe(listener: (s: SearchStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private send(m: SearchWorkerRequest): void {
    this.worker.postMessage(m);
  }

  private receive(m: SearchWorkerMessage): void {
    switch (m.type) {
      case 'status':
        this.setStatus(m.status);
        return;
      case 'result': {
        const call = this.calls.get(m.id);
        this.calls.delete(m.id);
        call?.resolve(unpackResult(m.result));
        return;
      }
      case 'visitIds': {
        const call = this.idCalls.get(m.id);
        this.idCalls.delete(m.id);
        call?.resolve(m.count === 0 ? [] : m.ids.split('\n'));
        return;
      }
      case 'error': {
        const call = this.calls.get(m.id) ?? this.idCalls.get(m.id);
        this.calls.delete(m.id);
        this.idCalls.delete(m.id);
        call?.reject(new Error(m.message));
        return;
      }
    }
  }

  private setStatus(s: SearchStatus): void {
    this.current = s;
    if (s.phase === 'ready' && !this.readyValue) {
      this.readyValue = { source: s.source, ms: s.ms };
      for (const w of this.readyWaiters) w(this.readyValue);
      this.readyWaiters = [];
    }
    for (const l of this.listeners) l(s);
  }
}

let instance: SearchClient | null = null;

/** The window's search client; the first call starts the worker (restoring or building the index). */
export function searchClient(): SearchClient {
  instance ??= new WorkerSearchClient(db.name);
  return instance;
}

/**
 * Starts the search index in the background (call once the database is open): it then hears
 * every write while the app runs, so opening Search later finds it current.
 */
export function startSearchIndex(): void {
  searchClient();
}
