/**
 * The search index's life in the worker: restore or build it, answer queries (even while it
 * builds, from what is indexed so far), apply every window's writes as they happen, and persist
 * it a little after the last change. Kept apart from the worker's message plumbing so that tests
 * can drive it directly on fake-indexeddb.
 */
import Dexie from 'dexie';
import type { SearchRequest, SearchStatus } from '../../shared/search';
import { BulkWriteWatch } from '../db/bulk-write';
import { LegationDB } from '../db/database';
import { createIndexState, runQuery, type IndexState } from '../../shared/search/engine';
import { packResult } from '../../shared/search/wire';
import type { SearchWorkerMessage, SearchWorkerRequest } from './protocol';
import {
  applyHandedRows,
  applyJournal,
  buildIndex,
  catchUp,
  journalFromMutation,
  journalIsEmpty,
  loadIndex,
  PendingChanges,
  recordJournal,
  saveIndex,
  withoutHanded,
  type HandedRows,
} from './sync';

export interface HostTimings {
  /** Quiet time after a write before it is indexed (writes come in bursts). */
  applyDelayMs: number;
  /** Quiet time after the last indexed change before the index is saved. */
  persistDelayMs: number;
}

const DEFAULT_TIMINGS: HostTimings = { applyDelayMs: 150, persistDelayMs: 2000 };

export class SearchIndexHost {
  readonly db: LegationDB;
  private state: IndexState | null = null;
  private status: SearchStatus = { phase: 'starting' };
  private waiting: { id: number; request: SearchRequest }[] = [];
  /** 'visitIds' asked before the index was complete: answered once it is (a partial answer would miscount the list). */
  private waitingIds: { id: number; q: string }[] = [];
  /** Writes heard but not yet applied to the index. */
  private readonly pending = new PendingChanges();
  private ready = false;
  private revision = 0;
  private unsaved = false;
  private chain: Promise<unknown> = Promise.resolve();
  private applyTimer: ReturnType<typeof setTimeout> | null = null;
  private persistTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly timings: HostTimings;
  /** Dataset imports in progress: no reads of their writes until they end; the rows they hand over are taken in (see ../bulk-write.ts). */
  private bulk: BulkWriteWatch | null = null;
  /** Rows an import handed over and that were indexed from it: not read back when its changes are applied. */
  private handed: HandedRows = {};
  private handedEarly: Record<string, unknown[]>[] = [];
  private readonly onMutated = (parts: Record<string, unknown>) => {
    const j = journalFromMutation(parts, this.db.name);
    if (journalIsEmpty(j)) return;
    this.pending.add(j);
    // Written at once: if the window closes before the index is saved, the next start redoes these.
    recordJournal(this.db, j).catch(() => undefined);
    this.scheduleApply();
  };

  constructor(
    dbName: string,
    private readonly post: (m: SearchWorkerMessage) => void,
    timings: Partial<HostTimings> = {},
  ) {
    this.db = new LegationDB(dbName);
    this.timings = { ...DEFAULT_TIMINGS, ...timings };
  }

  /** Restores the persisted index (and catches up) or builds one. Resolves when it answers from a complete index. */
  async start(): Promise<void> {
    Dexie.on('storagemutated', this.onMutated);
    this.bulk = new BulkWriteWatch(
      this.db.name,
      (held) => {
        if (this.status.phase === 'ready') this.announce();
        if (held) return;
        this.scheduleApply();
        if (this.unsaved) this.schedulePersist(); // a save put off by the hold
      },
      undefined,
      (rows) => this.takeRows(rows),
    );
    const began = performance.now();
    this.setStatus({ phase: 'loading' });
    try {
      const loaded = await loadIndex(this.db);
      if (loaded) {
        this.state = loaded.state;
        const changed = await catchUp(this.db, loaded.state, loaded.journal);
        this.becomeReady('persisted', began);
        if (changed > 0 || !journalIsEmpty(loaded.journal)) this.schedulePersist();
      } else {
        await this.enqueue(() => this.build(began));
      }
    } catch (e) {
      this.setStatus({ phase: 'failed', message: `The search index could not be opened: ${e instanceof Error ? e.message : String(e)}` });
      this.flushWaiting();
    }
  }

  /** Stops listening and closes the connection (tests; the worker is simply terminated). */
  stop(): void {
    Dexie.on('storagemutated').unsubscribe(this.onMutated);
    this.bulk?.close();
    if (this.applyTimer) clearTimeout(this.applyTimer);
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.db.close();
  }

  handle(msg: Exclude<SearchWorkerRequest, { type: 'init' }>): void {
    switch (msg.type) {
      case 'query':
        if (this.state) this.answer(msg.id, msg.request);
        else this.waiting.push({ id: msg.id, request: msg.request });
        return;
      case 'visitIds':
        if (this.ready && this.state) this.answerIds(msg.id, msg.q);
        else if (this.status.phase === 'failed') this.post({ type: 'error', id: msg.id, message: this.status.message });
        else this.waitingIds.push({ id: msg.id, q: msg.q });
        return;
      case 'rebuild':
        void this.enqueue(() => this.build(performance.now()));
        return;
      case 'flush':
        void this.flush();
        return;
    }
  }

  /** Applies what is pending and saves the index now if anything is unsaved. */
  async flush(): Promise<void> {
    if (this.applyTimer) clearTimeout(this.applyTimer);
    this.applyTimer = null;
    await this.enqueue(() => this.applyPending());
    await this.enqueue(() => this.persist(true));
  }

  query(request: SearchRequest) {
    if (!this.state) throw new Error('The search index is not loaded yet');
    return runQuery(this.state, request);
  }

  /**
   * The ids of every live visit whose text matches `q`, unranked (the engine's own matching: every
   * word, as a word, a prefix or a near spelling). The caller orders and filters them.
   */
  visitIds(q: string): string[] {
    if (!this.state) throw new Error('The search index is not loaded yet');
    return runQuery(this.state, { q, facets: { type: ['visit'] }, limit: Infinity }).hits.map((h) => h.recordId);
  }

  get currentStatus(): SearchStatus {
    return this.status;
  }

  private answer(id: number, request: SearchRequest): void {
    try {
      this.post({ type: 'result', id, result: packResult(this.query(request)) });
    } catch (e) {
      this.post({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
    }
  }

  private answerIds(id: number, q: string): void {
    try {
      const ids = this.visitIds(q);
      this.post({ type: 'visitIds', id, ids: ids.join('\n'), count: ids.length });
    } catch (e) {
      this.post({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
    }
  }

  /** Answers the waiting 'visitIds' once the index is complete, or fails them if it could not be opened. */
  private flushWaitingIds(): void {
    if (!this.ready && this.status.phase !== 'failed') return;
    const waiting = this.waitingIds;
    this.waitingIds = [];
    for (const w of waiting) {
      if (this.ready && this.state) this.answerIds(w.id, w.q);
      else
        this.post({
          type: 'error',
          id: w.id,
          message: this.status.phase === 'failed' ? this.status.message : 'The search index is not ready',
        });
    }
  }

  private flushWaiting(): void {
    this.flushWaitingIds();
    const waiting = this.waiting;
    this.waiting = [];
    for (const w of waiting) {
      if (this.state) this.answer(w.id, w.request);
      else
        this.post({
          type: 'error',
          id: w.id,
          message: this.status.phase === 'failed' ? this.status.message : 'The search index is not ready',
        });
    }
  }

  private setStatus(status: SearchStatus): void {
    this.status = status;
    this.post({ type: 'status', status });
  }

  private becomeReady(source: 'persisted' | 'rebuilt', began: number): void {
    this.ready = true;
    this.announce(source, Math.round(performance.now() - began));
    this.flushWaiting();
    for (const rows of this.handedEarly.splice(0)) this.takeRows(rows);
    if (!this.pending.isEmpty()) this.scheduleApply();
  }

  /** Runs index changes one after another (a build, applied writes and saves never interleave). */
  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async build(began: number): Promise<void> {
    this.ready = false;
    const state = createIndexState();
    this.state = state;
    // Writes during the build may or may not be read by it: they are applied again afterwards.
    this.flushWaiting();
    await buildIndex(this.db, (p) => this.setStatus({ phase: 'indexing', done: p.done, total: p.total }), state);
    this.becomeReady('rebuilt', began);
    this.unsaved = true;
    await this.persist();
  }

  /** Is a bulk write (a dataset import) holding the index's reads? */
  private held(): boolean {
    return this.bulk?.held() ?? false;
  }

  /** Says the index is ready, with what it holds now (where it came from and how long it took: as said before, unless given). */
  private announce(source = this.readySource(), ms = this.readyMs()): void {
    this.setStatus({
      phase: 'ready',
      source,
      ms,
      documents: this.state?.fingerprints.size ?? 0,
      revision: ++this.revision,
      ...(this.held() ? { heldForImport: true } : {}),
    });
  }

  private scheduleApply(): void {
    if (!this.ready || this.held()) return; // the hold's end schedules it
    // Already due: writes arriving meanwhile join it. (Restarting the timer on every write would
    // starve the index during a long import, whose batches commit more often than the delay.)
    if (this.applyTimer) return;
    this.applyTimer = setTimeout(() => {
      this.applyTimer = null;
      void this.enqueue(() => this.applyPending());
    }, this.timings.applyDelayMs);
  }

  /**
   * Indexes the rows an import hands over as it commits each batch (see BulkWriteNotice.rows): the
   * index keeps up with the import without reading from the tables it writes. Rows handed over
   * before the index is ready (loading or building) are taken in once it is.
   */
  private takeRows(rows: Record<string, unknown[]>): void {
    if (!this.ready) {
      this.handedEarly.push(rows);
      return;
    }
    void this.enqueue(async () => {
      const state = this.state;
      if (!state) return;
      const changed = await applyHandedRows(
        this.db,
        state,
        rows,
        this.handed,
        () => new Promise<void>((resolve) => setTimeout(resolve, 0)),
      );
      if (changed > 0) {
        this.unsaved = true;
        this.announce();
      }
    });
  }

  private async applyPending(): Promise<void> {
    if (!this.state || this.pending.isEmpty() || this.held()) return;
    let j = this.pending.take();
    try {
      // What was indexed from handed-over rows, unchanged since, is not read again.
      const handed = this.handed;
      this.handed = {};
      j = await withoutHanded(this.db, j, handed);
      const announce = () => this.announce();
      const changed = await applyJournal(this.db, this.state, j, async () => {
        announce();
        // Lets queued queries run between steps.
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
      });
      if (changed > 0) announce();
    } catch {
      this.pending.add(j);
    }
    this.unsaved = true;
    this.schedulePersist();
  }

  private readySource(): 'persisted' | 'rebuilt' {
    return this.status.phase === 'ready' ? this.status.source : 'rebuilt';
  }

  private readyMs(): number {
    return this.status.phase === 'ready' ? this.status.ms : 0;
  }

  private schedulePersist(): void {
    this.unsaved = true;
    if (this.persistTimer) clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => {
      this.persistTimer = null;
      void this.enqueue(() => this.persist());
    }, this.timings.persistDelayMs);
  }

  /**
   * Saves the index unless it is saved already. Unless forced, the save waits for a dataset import
   * to end and gives way to writes heard meanwhile (they are indexed first; applying them schedules
   * the save again).
   */
  private async persist(force = false): Promise<void> {
    if (!this.state || !this.unsaved) return;
    // Not while an import holds the index: the save would hold the import's next batch (writers take
    // turns, see ../database.ts) for what the import's writes make stale at once. The hold's end saves.
    if (!force && this.held()) return;
    this.unsaved = false;
    try {
      const saved = await saveIndex(this.db, this.state, this.pending.journal(), force ? {} : { giveUp: () => !this.pending.isEmpty() });
      if (!saved) this.unsaved = true;
    } catch {
      // Not fatal: the index still answers; the next start rebuilds or catches up from the journal.
      this.unsaved = true;
    }
  }
}
