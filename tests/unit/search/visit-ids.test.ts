import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../../shared/seed';
import { db } from '../../../renderer/db/instance';
import { ensureSeeded } from '../../../renderer/db/seed';
import { SearchIndexHost } from '../../../renderer/search/host';
import type { SearchWorkerMessage } from '../../../renderer/search/protocol';

let host: SearchIndexHost | null = null;

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
  await ensureSeeded(db);
});

afterEach(() => {
  host?.stop();
  host = null;
});

/** The answer posted for a 'visitIds' request, once it comes. */
async function answer(messages: SearchWorkerMessage[], id: number): Promise<SearchWorkerMessage> {
  for (;;) {
    const m = messages.find((x) => (x.type === 'visitIds' || x.type === 'error') && x.id === id);
    if (m) return m;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("the worker's 'visitIds' query (the Visits list's Find)", () => {
  it('waits for the index, then answers every matching visit id (no person, no limit) as one newline-joined string', async () => {
    const messages: SearchWorkerMessage[] = [];
    host = new SearchIndexHost(db.name, (m) => messages.push(m), { applyDelayMs: 5, persistDelayMs: 20 });
    // Asked before the index exists: it must not answer from part of it.
    host.handle({ type: 'visitIds', id: 1, q: 'kadhimi' });
    expect(messages.some((m) => m.type === 'visitIds')).toBe(false);
    await host.start();

    const first = await answer(messages, 1);
    expect(first.type).toBe('visitIds');
    if (first.type !== 'visitIds') return;
    expect(first.count).toBe(3);
    expect(first.ids.split('\n').sort()).toEqual([SEED_IDS.tehranVisit, SEED_IDS.saudiVisit, SEED_IDS.washingtonVisit].sort());

    host.handle({ type: 'visitIds', id: 2, q: 'kadhimi iran' });
    const second = await answer(messages, 2);
    expect(second).toEqual({ type: 'visitIds', id: 2, ids: SEED_IDS.tehranVisit, count: 1 });

    host.handle({ type: 'visitIds', id: 3, q: 'nowhere at all' });
    expect(await answer(messages, 3)).toEqual({ type: 'visitIds', id: 3, ids: '', count: 0 });
  });
});
