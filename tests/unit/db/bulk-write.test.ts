import { afterEach, describe, expect, it, vi } from 'vitest';
import { BulkWriteNotice, BulkWriteWatch, HOLD_MS, type BulkWriteMessage } from '../../../renderer/db/bulk-write';

const watches: BulkWriteWatch[] = [];
afterEach(() => {
  for (const w of watches.splice(0)) w.close();
  vi.useRealTimers();
});

const msg = (writer: string, active: boolean, holdMs = HOLD_MS): BulkWriteMessage => ({ type: 'bulk-write', active, holdMs, writer });

describe('BulkWriteWatch (the search index hearing a dataset import)', () => {
  it('holds while any writer is active, until each says it is over', () => {
    let now = 0;
    const changes: boolean[] = [];
    const w = new BulkWriteWatch(
      'bw-a',
      (held) => changes.push(held),
      () => now,
    );
    watches.push(w);
    expect(w.held()).toBe(false);
    w.hear(msg('a', true));
    w.hear(msg('b', true));
    expect(w.held()).toBe(true);
    w.hear(msg('a', false));
    expect(w.held()).toBe(true); // b still writes
    now = 5_000;
    w.hear(msg('b', true)); // renewed
    w.hear(msg('b', false));
    expect(w.held()).toBe(false);
    expect(changes).toEqual([true, false]);
  });

  it('lets a hold run out when its writer never says it is over (a terminated import), and says so by its timer', () => {
    vi.useFakeTimers();
    let now = 0;
    const changes: boolean[] = [];
    const w = new BulkWriteWatch(
      'bw-b',
      (held) => changes.push(held),
      () => now,
    );
    watches.push(w);
    w.hear(msg('a', true, 1_000));
    now = 999;
    expect(w.held()).toBe(true);
    now = 1_001;
    vi.advanceTimersByTime(1_002);
    expect(w.held()).toBe(false);
    expect(changes).toEqual([true, false]);
  });

  it('ignores anything that is not a well-formed notice (no hold from a stray or hostile message)', () => {
    const changes: boolean[] = [];
    const w = new BulkWriteWatch('bw-c', (held) => changes.push(held));
    watches.push(w);
    for (const bad of [
      null,
      'bulk-write',
      { type: 'bulk-write', active: true, writer: 'x' },
      { type: 'bulk-write', active: 'yes', holdMs: 10, writer: 'x' },
      { type: 'bulk-write', active: true, holdMs: Infinity, writer: 'x' },
      { type: 'bulk-write', active: true, holdMs: 3_600_000, writer: 'x' }, // over a minute: refused
      { type: 'other', active: true, holdMs: 10, writer: 'x' },
    ]) {
      w.hear(bad);
    }
    expect(w.held()).toBe(false);
    expect(changes).toEqual([]);
  });

  it('a watch started after the import began asks, and the running import answers at once (not at its next renewal)', async () => {
    const notice = new BulkWriteNotice('bw-e');
    notice.begin();
    const idle = new BulkWriteNotice('bw-e'); // not begun: does not answer
    const changes: boolean[] = [];
    const w = new BulkWriteWatch('bw-e', (held) => changes.push(held));
    watches.push(w);
    await vi.waitFor(() => expect(w.held()).toBe(true));
    notice.end();
    await vi.waitFor(() => expect(w.held()).toBe(false));
    expect(changes).toEqual([true, false]);
    // A watch started after the end is not held.
    const later = new BulkWriteWatch('bw-e', () => undefined);
    watches.push(later);
    await new Promise((r) => setTimeout(r, 50));
    expect(later.held()).toBe(false);
    idle.end();
  });

  it('hears a BulkWriteNotice of the same database over the channel, and not one of another database', async () => {
    const changes: boolean[] = [];
    const w = new BulkWriteWatch('bw-d', (held) => changes.push(held));
    watches.push(w);
    const other = new BulkWriteNotice('bw-other');
    other.begin();
    const notice = new BulkWriteNotice('bw-d');
    notice.begin();
    await vi.waitFor(() => expect(w.held()).toBe(true));
    notice.renew(); // within 2 s of begin: not sent again
    notice.end();
    notice.end(); // twice is harmless
    other.end();
    await vi.waitFor(() => expect(w.held()).toBe(false));
    expect(changes).toEqual([true, false]);
  });
});
