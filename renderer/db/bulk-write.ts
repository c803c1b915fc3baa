/**
 * A long bulk write (a dataset import: a hundred transactions of 1,000 records each) tells the
 * search index to wait until it is over. Every reader of the tables the import writes competes
 * with it: the search worker, catching up after each batch, read the keys and new rows of a
 * growing table between every two batches, which made a large import markedly slower and
 * left the import's progress silent for seconds while a batch waited behind those reads. Held,
 * the index keeps the changes it hears (its journal still records them) and reads none of them
 * until the import ends. Instead the import hands over the rows of each batch it commits
 * (`rows`), which the index takes in as they come, so it has them all when the import ends and
 * reads back only rows changed otherwise meanwhile.
 *
 * The notice goes over a BroadcastChannel, so every window's search worker hears it, whichever
 * context does the import (the import runs in a worker of its own). A hold lasts HOLD_MS after the
 * last word heard: an import that dies without saying it is over (its worker terminated, its
 * window closed) holds the index for a few seconds at most.
 */

export const HOLD_MS = 10_000;
/** How often a running bulk write renews its hold (well within HOLD_MS). */
const RENEW_MS = 2_000;

export interface BulkWriteMessage {
  type: 'bulk-write';
  /** true: a bulk write is running (hold for `holdMs` more); false: it is over. */
  active: boolean;
  holdMs: number;
  /** Which writer (several may run at once). */
  writer: string;
}

/**
 * Rows a bulk write has just committed, by table (a dataset import's batch): a reader that keeps
 * a derived copy (the search index) takes them in as they are, instead of reading them back.
 */
export interface BulkRowsMessage {
  type: 'bulk-rows';
  writer: string;
  rows: Record<string, unknown[]>;
}

/** A reader that has just started asks whether a bulk write is running (it missed its `begin`). */
export interface BulkWriteQuery {
  type: 'bulk-write-query';
}

function bulkWriteChannelName(dbName: string): string {
  return `legation:bulk-write:${dbName}`;
}

/** A channel for this database; in Node (tests) it does not keep the process alive. */
function openChannel(dbName: string): BroadcastChannel | null {
  if (typeof BroadcastChannel !== 'function') return null;
  const channel = new BroadcastChannel(bulkWriteChannelName(dbName));
  (channel as BroadcastChannel & { unref?: () => void }).unref?.();
  return channel;
}

function isBulkWriteMessage(m: unknown): m is BulkWriteMessage {
  const x = m as Partial<BulkWriteMessage> | null;
  return (
    typeof x === 'object' &&
    x !== null &&
    x.type === 'bulk-write' &&
    typeof x.active === 'boolean' &&
    typeof x.writer === 'string' &&
    typeof x.holdMs === 'number' &&
    Number.isFinite(x.holdMs) &&
    x.holdMs >= 0 &&
    x.holdMs <= 60_000
  );
}

function isBulkRowsMessage(m: unknown): m is BulkRowsMessage {
  const x = m as Partial<BulkRowsMessage> | null;
  return (
    typeof x === 'object' &&
    x !== null &&
    x.type === 'bulk-rows' &&
    typeof x.writer === 'string' &&
    typeof x.rows === 'object' &&
    x.rows !== null &&
    Object.values(x.rows).every(Array.isArray)
  );
}

let writers = 0;

/** The writer's side: `begin`, `renew` after each step (cheap: posts at most every 2 s), `end` in a finally. */
export class BulkWriteNotice {
  private readonly channel: BroadcastChannel | null;
  private readonly writer = `${Date.now().toString(36)}-${(writers++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  private last = -Infinity;
  private began = false;
  private ended = false;

  constructor(dbName: string) {
    this.channel = openChannel(dbName);
    // A reader started after `begin` (the search worker of a window opened mid-import, or started by
    // the import itself) asks; a running writer answers at once instead of at its next renewal.
    if (this.channel) {
      this.channel.onmessage = (e: MessageEvent<unknown>) => {
        if ((e.data as Partial<BulkWriteQuery> | null)?.type === 'bulk-write-query' && this.began && !this.ended) this.send(true);
      };
    }
  }

  begin(): void {
    this.began = true;
    this.send(true);
  }

  renew(): void {
    if (this.ended || performance.now() - this.last < RENEW_MS) return;
    this.send(true);
  }

  /** Hands the rows a step has just committed, by table, to the readers (before `end`: a channel keeps its order). */
  rows(rows: Record<string, readonly object[]>): void {
    if (this.ended || !this.channel) return;
    const m: BulkRowsMessage = { type: 'bulk-rows', writer: this.writer, rows: rows as Record<string, unknown[]> };
    try {
      this.channel.postMessage(m);
    } catch {
      // A row that cannot be cloned: the readers read the rows back, as without this.
    }
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.send(false);
    this.channel?.close();
  }

  private send(active: boolean): void {
    this.last = performance.now();
    const m: BulkWriteMessage = { type: 'bulk-write', active, holdMs: HOLD_MS, writer: this.writer };
    try {
      this.channel?.postMessage(m);
    } catch {
      // A closed channel: the hold simply runs out.
    }
  }
}

/**
 * The reader's side: whether any writer holds the tables now, and a callback when the last hold
 * ends (or runs out); `onRows` hears the rows writers hand over. `now` is injectable for tests.
 */
export class BulkWriteWatch {
  private readonly channel: BroadcastChannel | null;
  private readonly holds = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    dbName: string,
    private readonly onChange: (held: boolean) => void,
    private readonly now: () => number = () => performance.now(),
    private readonly onRows?: (rows: Record<string, unknown[]>) => void,
  ) {
    this.channel = openChannel(dbName);
    if (this.channel) {
      this.channel.onmessage = (e: MessageEvent<unknown>) => this.hear(e.data);
      const ask: BulkWriteQuery = { type: 'bulk-write-query' };
      this.channel.postMessage(ask);
    }
  }

  /** Takes one message (the channel's, or a test's). Anything malformed is ignored. */
  hear(m: unknown): void {
    if (isBulkRowsMessage(m)) {
      this.onRows?.(m.rows);
      return;
    }
    if (!isBulkWriteMessage(m)) return;
    const was = this.held();
    if (m.active) this.holds.set(m.writer, this.now() + m.holdMs);
    else this.holds.delete(m.writer);
    this.rearm();
    const is = this.held();
    if (was !== is) this.onChange(is);
  }

  held(): boolean {
    const t = this.now();
    for (const [writer, until] of this.holds) if (until <= t) this.holds.delete(writer);
    return this.holds.size > 0;
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.channel?.close();
  }

  /** A timer for the latest hold's end, so a writer that never says "over" is not waited for. */
  private rearm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.holds.size === 0) return;
    const until = Math.max(...this.holds.values());
    this.timer = setTimeout(
      () => {
        this.timer = null;
        const is = this.held();
        if (is) this.rearm();
        else this.onChange(false);
      },
      Math.max(0, until - this.now()) + 1,
    );
  }
}
