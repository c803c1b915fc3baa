import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dayDate } from '../../../shared/model';
import { SEED_IDS, SEED_TIMESTAMP } from '../../../shared/seed';
import type { SearchResult } from '../../../shared/search';
import { clearUndo, deleteVisit, getVisit, undoLast, updateVisitFromDraft } from '../../../renderer/db';
import { db } from '../../../renderer/db/instance';
import { ensureSeeded } from '../../../renderer/db/seed';
import { createIndexState, restoreIndex, runQuery, serializeIndex, upsertDocs } from '../../../shared/search/engine';
import { SearchIndexHost } from '../../../renderer/search/host';
import type { SearchWorkerMessage } from '../../../renderer/search/protocol';
import {
  PendingChanges,
  applyIds,
  applyJournal,
  BUILD_BATCH,
  buildIndex,
  catchUp,
  journalFromMutation,
  loadIndex,
  reconcileTable,
  STAMP_GROUPS,
  recordJournal,
  saveIndex,
} from '../../../renderer/search/sync';
import { LegationDB } from '../../../renderer/db/database';
import { BulkWriteNotice } from '../../../renderer/db/bulk-write';

const hosts: SearchIndexHost[] = [];

/** Writes rows with IndexedDB itself: no Dexie, so no change is reported to anyone. */
async function rawPut(dbName: string, store: string, rows: object[]): Promise<void> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(dbName);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(new Error(String(req.error)));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = idb.transaction(store, 'readwrite');
      for (const r of rows) tx.objectStore(store).put(r);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(new Error(String(tx.error)));
    });
  } finally {
    idb.close();
  }
}

function startHost(): { host: SearchIndexHost; messages: SearchWorkerMessage[]; started: Promise<void> } {
  const messages: SearchWorkerMessage[] = [];
  const host = new SearchIndexHost(db.name, (m) => messages.push(m), { applyDelayMs: 5, persistDelayMs: 20 });
  hosts.push(host);
  return { host, messages, started: host.start() };
}

const ids = (r: SearchResult) => r.hits.map((h) => `${h.type}:${h.recordId}`).sort();

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
  clearUndo();
  await ensureSeeded(db);
});

afterEach(() => {
  for (const h of hosts.splice(0)) h.stop();
});

describe('building and querying', () => {
  it('finds Kadhimi, Kadhemi, al-Kadhimi, Kadhemi’s and a typo alike: the person and the three visits', async () => {
    const state = await buildIndex(db);
    const expected = [
      `person:${SEED_IDS.kadhemi}`,
      `visit:${SEED_IDS.tehranVisit}`,
      `visit:${SEED_IDS.saudiVisit}`,
      `visit:${SEED_IDS.washingtonVisit}`,
    ].sort();
    for (const q of ['Kadhimi', 'Kadhemi', 'al-Kadhimi', "Kadhemi's", 'kadhami', 'KĀDHIMI']) {
      const r = runQuery(state, { q, facets: {}, limit: 100 });
      const found = ids(r).filter((id) => !id.startsWith('source:') && !id.startsWith('note:') && !id.startsWith('event:'));
      expect(found, q).toEqual(expected);
    }
  });

  it('combines words with AND and matches prefixes as they are typed', async () => {
    const state = await buildIndex(db);
    expect(ids(runQuery(state, { q: 'kadhimi tehran', facets: {} }))).toContain(`visit:${SEED_IDS.tehranVisit}`);
    // The Saudi trip's purpose mentions Tehran too; Washington's does not.
    expect(ids(runQuery(state, { q: 'kadhimi tehran', facets: { type: ['visit'] } }))).toEqual(
      [`visit:${SEED_IDS.tehranVisit}`, `visit:${SEED_IDS.saudiVisit}`].sort(),
    );
    expect(ids(runQuery(state, { q: 'Washin', facets: { type: ['visit'] } }))).toEqual([`visit:${SEED_IDS.washingtonVisit}`]);
    expect(runQuery(state, { q: 'zzzyxq', facets: {} }).total).toBe(0);
    expect(runQuery(state, { q: '', facets: {} }).total).toBe(0);
  });

  it('narrows by facets and counts the other values', async () => {
    const state = await buildIndex(db);
    const all = runQuery(state, { q: 'Kadhimi', facets: { type: ['visit'] } });
    expect(all.total).toBe(3);
    expect(all.facets.status.values.map((v) => [v.value, v.count]).sort()).toEqual([
      ['completed', 1],
      ['planned', 1],
      ['postponed', 1],
    ]);
    const postponed = runQuery(state, { q: 'Kadhimi', facets: { type: ['visit'], status: ['postponed'] } });
    expect(ids(postponed)).toEqual([`visit:${SEED_IDS.saudiVisit}`]);
    // The status facet still offers the other statuses (counted without the status choice).
    expect(postponed.facets.status.values.length).toBe(3);
    const inIran = runQuery(state, { q: '', facets: { country: ['IR'], type: ['visit'] } });
    expect(ids(inIran)).toEqual([`visit:${SEED_IDS.tehranVisit}`]);
  });
});

describe('persistence', () => {
  it('restores to an index that answers exactly like a rebuild', async () => {
    const built = await buildIndex(db);
    await saveIndex(db, built);
    const loaded = await loadIndex(db);
    expect(loaded).not.toBeNull();
    for (const q of ['Kadhimi', 'Tehran', 'Saudi', 'strike', 'Khamenei', 'within weeks', 'Iran visit']) {
      const a = runQuery(built, { q, facets: {}, limit: 100 });
      const b = runQuery(loaded!.state, { q, facets: {}, limit: 100 });
      expect(
        b.hits.map((h) => [h.recordId, h.score]),
        q,
      ).toEqual(a.hits.map((h) => [h.recordId, h.score]));
      expect(b.facets).toEqual(a.facets);
    }
    expect(loaded!.state.watermarks).toEqual(built.watermarks);
  });

  it('rebuilds instead of trusting a damaged or missing index', async () => {
    expect(await loadIndex(db)).toBeNull();
    const small = { sizes: { strings: 3, postings: 5 } };
    await saveIndex(db, await buildIndex(db), {}, small);
    const meta = (await db.searchIndex.get('index:meta'))!.value as { parts: number; lengths: Record<string, number> };
    expect(meta.parts).toBeGreaterThan(20);
    expect(await loadIndex(db)).not.toBeNull();
    // A part missing, a part of another shape, a length that does not add up, another format.
    const part = (await db.searchIndex.get('index:part:4'))!;
    await db.searchIndex.delete('index:part:4');
    expect(await loadIndex(db)).toBeNull();
    await db.searchIndex.put({ key: 'index:part:4', value: { ...(part.value as object), values: 'garbage' } });
    expect(await loadIndex(db)).toBeNull();
    await db.searchIndex.put(part);
    expect(await loadIndex(db)).not.toBeNull();
    await db.searchIndex.put({ key: 'index:meta', value: { ...meta, lengths: { ...meta.lengths, ids: meta.lengths.ids! + 1 } } });
    expect(await loadIndex(db)).toBeNull();
    await db.searchIndex.put({ key: 'index:meta', value: { ...meta, format: 3 } });
    expect(await loadIndex(db)).toBeNull();
  });

  it('saves part by part, letting other work run between parts, and gives up without harming the saved index', async () => {
    const small = { strings: 2, postings: 3 };
    const built = await buildIndex(db);
    await saveIndex(db, built, {}, { sizes: small });
    const parts = ((await db.searchIndex.get('index:meta'))!.value as { parts: number }).parts;
    // Other tasks (a query, a status message) run while the save is under way.
    let turns = 0;
    let saving = true;
    const tick = () => {
      if (!saving) return;
      turns++;
      setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    expect(await saveIndex(db, built, {}, { sizes: small })).toBe(true);
    saving = false;
    expect(turns).toBeGreaterThan(5);

    // A save that gives up part-way (as when a write arrives) leaves the last saved index whole.
    const before = await db.searchIndex.toArray();
    const saudi = (await getVisit(SEED_IDS.saudiVisit))!;
    await updateVisitFromDraft(saudi.id, { ...saudi, purpose: 'Falconry talks' }, saudi.updatedAt);
    const changed = await buildIndex(db);
    let asked = 0;
    expect(await saveIndex(db, changed, {}, { sizes: small, giveUp: () => ++asked > Math.floor(parts / 2) })).toBe(false);
    expect(await db.searchIndex.toArray()).toEqual(before);
    const loaded = (await loadIndex(db))!;
    expect(runQuery(loaded.state, { q: 'falconry', facets: {} }).total).toBe(0);
    expect(await saveIndex(db, changed, {}, { giveUp: () => true })).toBe(false);
    expect(await saveIndex(db, changed)).toBe(true);
    expect(runQuery((await loadIndex(db))!.state, { q: 'falconry', facets: {} }).total).toBe(1);
    // Fewer parts than before: the surplus rows are deleted.
    expect((await db.searchIndex.toCollection().primaryKeys()).filter((k) => String(k).startsWith('index:part:')).length).toBe(
      ((await db.searchIndex.get('index:meta'))!.value as { parts: number }).parts,
    );
  });

  it('catches up on edits, deletions and bulk writes made while no index was running', async () => {
    await saveIndex(db, await buildIndex(db));
    const before = (await getVisit(SEED_IDS.tehranVisit))!;
    await updateVisitFromDraft(before.id, { ...before, purpose: 'Pomegranate diplomacy' }, before.updatedAt);
    await deleteVisit(SEED_IDS.washingtonVisit);
    // A bulk write keeping an old updatedAt (as a restore or re-import does): found by id.
    const extra = { ...before, id: '0f0f0f0f-0000-4000-8000-000000000001', purpose: 'Quince summit', updatedAt: SEED_TIMESTAMP };
    await new LegationDB(db.name).visits.add(extra);
    const loaded = (await loadIndex(db))!;
    await catchUp(db, loaded.state, loaded.journal);
    const q = (text: string) => ids(runQuery(loaded.state, { q: text, facets: { type: ['visit'] } }));
    expect(q('pomegranate')).toEqual([`visit:${SEED_IDS.tehranVisit}`]);
    expect(q('quince')).toEqual([`visit:${extra.id}`]);
    expect(q('washington')).toEqual([]);
    const fresh = await buildIndex(db);
    for (const text of ['Kadhimi', 'pomegranate', 'Iran']) {
      expect(ids(runQuery(loaded.state, { q: text, facets: {} })), text).toEqual(ids(runQuery(fresh, { q: text, facets: {} })));
    }
  });

  it('catches up when every table’s journal says "all" (no keyed reads at all)', async () => {
    await saveIndex(db, await buildIndex(db));
    const before = (await getVisit(SEED_IDS.tehranVisit))!;
    await updateVisitFromDraft(before.id, { ...before, purpose: 'Persimmon talks' }, before.updatedAt);
    const loaded = (await loadIndex(db))!;
    await catchUp(db, loaded.state, { people: 'all', visits: 'all', sources: 'all', notes: 'all', events: 'all' });
    expect(ids(runQuery(loaded.state, { q: 'persimmon', facets: {} }))).toEqual([`visit:${SEED_IDS.tehranVisit}`]);
  });

  it('skips re-indexing unchanged documents', async () => {
    const state = createIndexState();
    const built = await buildIndex(db, undefined, state);
    const docs = [...built.fingerprints.keys()].length;
    expect(docs).toBeGreaterThan(5);
    expect(upsertDocs(state, [])).toBe(0);
    expect(await catchUp(db, state)).toBe(0);
  });
});

describe('live updates (the worker host)', () => {
  it('builds on first start, then restores the persisted index on the next', async () => {
    const first = startHost();
    await first.started;
    expect(first.host.currentStatus).toMatchObject({ phase: 'ready', source: 'rebuilt' });
    expect(first.messages.some((m) => m.type === 'status' && m.status.phase === 'indexing')).toBe(true);
    await first.host.flush();
    first.host.stop();
    const second = startHost();
    await second.started;
    expect(second.host.currentStatus).toMatchObject({ phase: 'ready', source: 'persisted' });
    expect(ids(second.host.query({ q: 'Kadhemi', facets: { type: ['visit'] } }))).toHaveLength(3);
  });

  it('indexes edits, deletes and undo as they happen, and keeps them across a restart', async () => {
    const { host, started } = startHost();
    await started;
    const before = (await getVisit(SEED_IDS.saudiVisit))!;
    await updateVisitFromDraft(before.id, { ...before, purpose: 'Falconry talks', start: dayDate('2020-08-02') }, before.updatedAt);
    await vi.waitFor(() => expect(ids(host.query({ q: 'falconry', facets: {} }))).toEqual([`visit:${SEED_IDS.saudiVisit}`]));
    expect(host.query({ q: 'calibrated', facets: { type: ['visit'] } }).total).toBe(0);
    await deleteVisit(SEED_IDS.saudiVisit);
    await vi.waitFor(() => expect(host.query({ q: 'falconry', facets: {} }).total).toBe(0));
    await undoLast();
    await vi.waitFor(() => expect(host.query({ q: 'falconry', facets: {} }).total).toBe(1));
    await undoLast(); // the edit: the old purpose comes back
    await vi.waitFor(() => expect(host.query({ q: 'calibrated', facets: { type: ['visit'] } }).total).toBe(1));
    await host.flush();
    host.stop();
    const next = startHost();
    await next.started;
    expect(next.host.currentStatus).toMatchObject({ source: 'persisted' });
    expect(next.host.query({ q: 'calibrated', facets: { type: ['visit'] } }).total).toBe(1);
    expect(next.host.query({ q: 'falconry', facets: {} }).total).toBe(0);
  });

  it('reconciles a bulk write that Dexie reports as the whole table', async () => {
    const { host, started } = startHost();
    await started;
    const template = (await getVisit(SEED_IDS.tehranVisit))!;
    const many = Array.from({ length: 60 }, (_, i) => ({
      ...template,
      id: `0f0f0f0f-0000-4000-8000-${String(i).padStart(12, '0')}`,
      purpose: `Bulk persimmon ${i}`,
      updatedAt: SEED_TIMESTAMP,
    }));
    await db.visits.bulkPut(many);
    await vi.waitFor(() => expect(host.query({ q: 'persimmon', facets: {} }).total).toBe(60));
  });

  it('waits while a dataset import is being saved: writes are journalled, then indexed when the import says it is over', async () => {
    const { host, messages, started } = startHost();
    await started;
    const notice = new BulkWriteNotice(db.name);
    notice.begin();
    await vi.waitFor(() => expect(host.currentStatus).toMatchObject({ phase: 'ready', heldForImport: true }));
    const template = (await getVisit(SEED_IDS.tehranVisit))!;
    const many = Array.from({ length: 60 }, (_, i) => ({
      ...template,
      id: `0d0d0d0d-0000-4000-8000-${String(i).padStart(12, '0')}`,
      purpose: `Held quince ${i}`,
      updatedAt: SEED_TIMESTAMP,
    }));
    await db.visits.bulkPut(many);
    // The change is heard and journalled (a restart would redo it), but not read while the import runs.
    await vi.waitFor(async () => expect(await db.searchIndex.where('key').startsWith('index:journal:').count()).toBeGreaterThan(0));
    await new Promise((r) => setTimeout(r, 60)); // well past the 5 ms apply delay
    expect(host.query({ q: 'quince', facets: {} }).total).toBe(0);
    notice.end();
    await vi.waitFor(() => expect(host.query({ q: 'quince', facets: {} }).total).toBe(60));
    expect(host.currentStatus).toMatchObject({ phase: 'ready' });
    expect(host.currentStatus).not.toHaveProperty('heldForImport');
    const held = messages.filter((m) => m.type === 'status' && m.status.phase === 'ready' && m.status.heldForImport);
    expect(held.length).toBeGreaterThan(0);
  });

  it('indexes the rows an import hands over while it runs, and does not read them back when it ends (unless edited since)', async () => {
    const { host, started } = startHost();
    await started;
    const notice = new BulkWriteNotice(db.name);
    notice.begin();
    await vi.waitFor(() => expect(host.currentStatus).toMatchObject({ phase: 'ready', heldForImport: true }));
    const template = (await getVisit(SEED_IDS.tehranVisit))!;
    const stamp = '2001-02-03T04:05:06.000Z';
    const many = Array.from({ length: BUILD_BATCH + 40 }, (_, i) => ({
      ...template,
      id: `0e0e0e0e-0000-4000-8000-${String(i).padStart(12, '0')}`,
      purpose: `Handed medlar ${i}`,
      updatedAt: stamp,
    }));
    // In calls of 49 rows, as Dexie reports their keys (an import reports them whatever its calls' size).
    await db.transaction('rw', db.visits, () =>
      Promise.all(Array.from({ length: Math.ceil(many.length / 49) }, (_, i) => db.visits.bulkAdd(many.slice(i * 49, i * 49 + 49)))),
    );
    notice.rows({ visits: many, unknownTable: [{ id: 'x' }] });
    // Found while the import still holds the index: nothing was read from the tables.
    await vi.waitFor(() => expect(host.query({ q: 'medlar', facets: {} }).total).toBe(many.length));
    expect(host.currentStatus).toMatchObject({ heldForImport: true });
    // Behind the index's back (no change reported), two rows change without a new updatedAt: read
    // back, they would be indexed as changed. And one is edited the usual way (a new updatedAt).
    await rawPut(db.name, 'visits', [
      { ...many[0]!, purpose: 'Secretly quince' },
      { ...many[1]!, purpose: 'Secretly quince' },
    ]);
    const third = (await getVisit(many[2]!.id))!;
    await updateVisitFromDraft(third.id, { ...third, purpose: 'Openly loquat' }, third.updatedAt);
    notice.end();
    await vi.waitFor(() => expect(host.query({ q: 'loquat', facets: {} }).total).toBe(1));
    await vi.waitFor(() => expect(host.currentStatus).not.toHaveProperty('heldForImport'));
    await new Promise((r) => setTimeout(r, 60)); // past the apply delay: the import's own journal is applied by now
    expect(host.query({ q: 'quince', facets: {} }).total).toBe(0);
    expect(host.query({ q: 'medlar', facets: {} }).total).toBe(many.length - 1);
  });

  it('an index built while an import runs (begun before the worker started) is saved only once the import is over', async () => {
    const notice = new BulkWriteNotice(db.name);
    notice.begin(); // before the host exists: it asks, and the import answers
    const { host, started } = startHost();
    await started;
    await vi.waitFor(() => expect(host.currentStatus).toMatchObject({ phase: 'ready', source: 'rebuilt', heldForImport: true }));
    await new Promise((r) => setTimeout(r, 100)); // well past the 20 ms save delay
    expect(await loadIndex(db)).toBeNull();
    notice.end();
    await vi.waitFor(async () => expect(await loadIndex(db)).not.toBeNull());
    expect(host.currentStatus).not.toHaveProperty('heldForImport');
  });

  it('a bulk write into a large table reads only the rows whose updatedAt changed (keys tell which), and keeps what it read across a save', async () => {
    const template = (await getVisit(SEED_IDS.tehranVisit))!;
    const id = (i: number) => `0e0e0e0e-0000-4000-8000-${String(i).padStart(12, '0')}`;
    await db.visits.bulkPut(
      Array.from({ length: 400 }, (_, i) => ({ ...template, id: id(i), purpose: `Orchard talks ${i}`, updatedAt: SEED_TIMESTAMP })),
    );
    const state = await buildIndex(db);
    const round = restoreIndex(serializeIndex(state)); // stamps survive a save
    expect(runQuery(round, { q: 'orchard', facets: {} }).total).toBe(400);
    // 60 rows rewritten (new updatedAt), 3 deleted for good, 5 added: Dexie reports "the whole table".
    const later = '2030-01-01T00:00:00.000Z';
    await db.visits.bulkPut(
      Array.from({ length: 60 }, (_, i) => ({ ...template, id: id(i), purpose: `Vineyard talks ${i}`, updatedAt: later })),
    );
    await db.visits.bulkDelete([id(100), id(101), id(102)]);
    await db.visits.bulkPut(
      Array.from({ length: 5 }, (_, i) => ({ ...template, id: id(1000 + i), purpose: `Orchard talks new`, updatedAt: SEED_TIMESTAMP })),
    );
    const read: string[] = [];
    const bulkGet = db.visits.bulkGet.bind(db.visits);
    const spy = vi.spyOn(db.visits, 'bulkGet').mockImplementation((keys: string[]) => {
      read.push(...keys);
      return bulkGet(keys);
    });
    const progress: number[] = [];
    try {
      const changed = await reconcileTable(db, round, 'visits', (n) => void progress.push(n));
      expect(changed).toBe(60 + 3 + 5);
    } finally {
      spy.mockRestore();
    }
    expect(read.sort()).toEqual(
      [...Array.from({ length: 60 }, (_, i) => id(i)), ...Array.from({ length: 5 }, (_, i) => id(1000 + i))].sort(),
    );
    expect(progress.reduce((a, b) => a + b, 0)).toBe(await db.visits.count()); // progress covers every row
    expect(runQuery(round, { q: 'vineyard', facets: {} }).total).toBe(60);
    expect(runQuery(round, { q: 'orchard', facets: {} }).total).toBe(400 - 60 - 3 + 5);
    // The result is the index a rebuild makes.
    const fresh = await buildIndex(db);
    for (const q of ['orchard', 'vineyard', 'tehran', 'kadhemi']) {
      expect(ids(runQuery(round, { q, facets: {}, limit: 1000 }))).toEqual(ids(runQuery(fresh, { q, facets: {}, limit: 1000 })));
    }
  });

  it('with more distinct updatedAt values than STAMP_GROUPS, still reads only the rows whose updatedAt changed', async () => {
    const template = (await getVisit(SEED_IDS.tehranVisit))!;
    const id = (i: number) => `0f0f0f0f-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const stamp = (i: number) => new Date(Date.UTC(2021, 0, 1) + i * 60_000).toISOString();
    const n = STAMP_GROUPS + 44;
    await db.visits.bulkPut(
      Array.from({ length: n }, (_, i) => ({ ...template, id: id(i), purpose: `Orchard talks ${i}`, updatedAt: stamp(i) })),
    );
    const state = restoreIndex(serializeIndex(await buildIndex(db)));
    expect(runQuery(state, { q: 'orchard', facets: {} }).total).toBe(n);
    const rewritten = [3, 150, n - 1];
    await db.visits.bulkPut(rewritten.map((i) => ({ ...template, id: id(i), purpose: `Vineyard talks ${i}`, updatedAt: stamp(n + i) })));
    const read: string[] = [];
    const bulkGet = db.visits.bulkGet.bind(db.visits);
    const spy = vi.spyOn(db.visits, 'bulkGet').mockImplementation((keys: string[]) => {
      read.push(...keys);
      return bulkGet(keys);
    });
    try {
      expect(await reconcileTable(db, state, 'visits')).toBe(rewritten.length);
    } finally {
      spy.mockRestore();
    }
    expect(read.sort()).toEqual(rewritten.map(id).sort());
    expect(runQuery(state, { q: 'vineyard', facets: {} }).total).toBe(rewritten.length);
    expect(runQuery(state, { q: 'orchard', facets: {} }).total).toBe(n - rewritten.length);
  });

  it('a journal naming most of a table is read by key ranges; rows it does not name stay as indexed', async () => {
    const template = (await getVisit(SEED_IDS.tehranVisit))!;
    const id = (i: number) => `0d0d0d0d-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const n = BUILD_BATCH + 100;
    await db.visits.bulkPut(
      Array.from({ length: n }, (_, i) => ({ ...template, id: id(i), purpose: `Orchard talks ${i}`, updatedAt: SEED_TIMESTAMP })),
    );
    const state = await buildIndex(db);
    const later = '2030-01-01T00:00:00.000Z';
    const named = Array.from({ length: BUILD_BATCH + 50 }, (_, i) => id(i)).reverse(); // not in key order
    await db.visits.bulkPut([...named, id(n - 1)].map((vid) => ({ ...template, id: vid, purpose: `Vineyard talks`, updatedAt: later })));
    await db.visits.bulkDelete([id(10), id(11)]); // gone for good, still named
    const bulkGet = vi.spyOn(db.visits, 'bulkGet');
    const steps: number[] = [];
    try {
      const changed = await applyJournal(db, state, { visits: named }, () => void steps.push(1));
      expect(changed).toBe(named.length);
      expect(bulkGet).not.toHaveBeenCalled();
    } finally {
      bulkGet.mockRestore();
    }
    expect(steps.length).toBe(1); // between the two batches
    expect(runQuery(state, { q: 'vineyard', facets: {} }).total).toBe(named.length - 2);
    // The last row was rewritten too but not named: its own change would bring it.
    expect(runQuery(state, { q: 'orchard', facets: {} }).total).toBe(n - named.length);
    await applyJournal(db, state, { visits: [id(n - 1)] });
    expect(runQuery(state, { q: 'orchard', facets: {} }).total).toBe(n - named.length - 1);
  });

  it('a build reads the rows present when it starts, not those written while it reads (they are indexed as their own change)', async () => {
    const template = (await getVisit(SEED_IDS.tehranVisit))!;
    const id = (p: string, i: number) => `${p}-0000-4000-8000-${String(i).padStart(12, '0')}`;
    await db.visits.bulkPut(Array.from({ length: 1200 }, (_, i) => ({ ...template, id: id('0c0c0c0c', i), purpose: `Early ${i}` })));
    const before = await db.visits.count();
    const state = createIndexState();
    const batches: number[] = [];
    let added = 0;
    await reconcileTable(db, state, 'visits', async (n) => {
      if (n > 0) batches.push(n);
      // An import going on meanwhile: rows all over the key space, faster than the build reads.
      await db.visits.bulkPut(
        Array.from({ length: 600 }, (_, i) => ({ ...template, id: id(i % 2 ? 'fcfcfcfc' : '01010101', added + i), purpose: 'Late' })),
      );
      added += 600;
    });
    expect(batches.reduce((a, b) => a + b, 0)).toBe(before);
    expect(batches).toHaveLength(Math.ceil(before / 500));
    expect(runQuery(state, { q: 'early', facets: {}, limit: 2000 }).total).toBe(1200);
  });

  it('a pass over the visits reads each person they name once, not once per batch', async () => {
    const template = (await getVisit(SEED_IDS.tehranVisit))!;
    await db.visits.bulkPut(
      Array.from({ length: 1600 }, (_, i) => ({
        ...template,
        id: `09090909-0000-4000-8000-${String(i).padStart(12, '0')}`,
        purpose: `Walk ${i}`,
      })),
    );
    const named = new Set((await db.visits.toArray()).flatMap((v) => [v.travellerId, ...v.hostIds]));
    const bulkGet = vi.spyOn(db.people, 'bulkGet');
    try {
      const state = createIndexState();
      await reconcileTable(db, state, 'visits');
      const asked = bulkGet.mock.calls.flatMap((c) => c[0]);
      expect(bulkGet.mock.calls.length).toBeGreaterThan(0);
      expect(asked.length).toBe(new Set(asked).size); // nobody twice
      expect(new Set(asked)).toEqual(named);
      expect(runQuery(state, { q: 'walk', facets: {}, limit: 2000 }).total).toBe(1600);
      expect(runQuery(state, { q: 'kadhemi walk', facets: {} }).total).toBe(1600); // the traveller's name is in every one
    } finally {
      bulkGet.mockRestore();
    }
  });

  it('looks up the visits naming a person only when they may show an older version of them', async () => {
    const template = (await getVisit(SEED_IDS.tehranVisit))!;
    const anyPerson = (await db.people.get(template.travellerId))!;
    const at = (d: number) => `2031-01-0${d}T00:00:00.000Z`;
    const pid = (i: number) => `0b0b0b0b-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const vid = (i: number) => `0a0a0a0a-0000-4000-8000-${String(i).padStart(12, '0')}`;
    // Two people new to the index, each named by a visit indexed before them.
    await db.people.bulkPut([
      { ...anyPerson, id: pid(1), name: 'Ottilie Fresh', aliases: [], createdAt: at(1), updatedAt: at(1) },
      { ...anyPerson, id: pid(2), name: 'Bertram Oldname', aliases: [], createdAt: at(1), updatedAt: at(1) },
    ]);
    await db.visits.bulkPut([
      { ...template, id: vid(1), travellerId: pid(1), hostIds: [], purpose: 'First tour' },
      { ...template, id: vid(2), travellerId: anyPerson.id, hostIds: [pid(2)], purpose: 'Second tour' },
    ]);
    const state = createIndexState();
    await applyIds(db, state, 'visits', [vid(1), vid(2)]);
    // The second is renamed after the visit read him (edited since created); the first never changed.
    await db.people.update(pid(2), { name: 'Bertram Newname', updatedAt: at(2) });
    const where = vi.spyOn(db.visits, 'where');
    try {
      expect(await applyIds(db, state, 'people', [pid(1)])).toBe(1); // the person only: no visit looked up
      expect(where).not.toHaveBeenCalled();
      expect(await applyIds(db, state, 'people', [pid(2)])).toBe(2); // the person and the visit hosted by him
      expect(where).toHaveBeenCalled();
      expect(ids(runQuery(state, { q: 'newname', facets: { type: ['visit'] } }))).toEqual([`visit:${vid(2)}`]);
      // Known to the index now: applied again unchanged, nothing is looked up; a changed alias is.
      where.mockClear();
      expect(await applyIds(db, state, 'people', [pid(2)])).toBe(0);
      expect(where).not.toHaveBeenCalled();
      await db.people.update(pid(1), { aliases: ['Tilly'], updatedAt: at(3) });
      expect(await applyIds(db, state, 'people', [pid(1)])).toBe(2);
      expect(where).toHaveBeenCalled();
      expect(ids(runQuery(state, { q: 'tilly', facets: { type: ['visit'] } }))).toEqual([`visit:${vid(1)}`]);
    } finally {
      where.mockRestore();
    }
  });

  it('a renamed traveller re-indexes the visits naming them, in steps; visits not yet indexed are left to their own change', async () => {
    const template = (await getVisit(SEED_IDS.tehranVisit))!;
    const id = (i: number) => `0d0d0d0d-0000-4000-8000-${String(i).padStart(12, '0')}`;
    await db.visits.bulkPut(Array.from({ length: 1200 }, (_, i) => ({ ...template, id: id(i), purpose: `Tour ${i}` })));
    const state = await buildIndex(db);
    const person = (await db.people.get(template.travellerId))!;
    expect(runQuery(state, { q: 'zanzibarov', facets: {} }).total).toBe(0);
    // One more visit naming him, written but not indexed yet (its own change would index it).
    await db.visits.put({ ...template, id: id(5000), purpose: 'Unindexed tour' });
    await db.people.put({ ...person, name: 'Mustafa Zanzibarov', updatedAt: '2031-01-01T00:00:00.000Z' });
    let steps = 0;
    await applyIds(db, state, 'people', [person.id], () => void steps++);
    const visitsOfHim = (await db.visits.where('travellerId').equals(person.id).toArray()).filter((v) => !v.deletedAt && v.id !== id(5000));
    expect(runQuery(state, { q: 'zanzibarov', facets: { type: ['visit'] }, limit: 5000 }).total).toBe(visitsOfHim.length);
    expect(steps).toBe(Math.ceil(visitsOfHim.length / 500) - 1);
    expect(state.fingerprints.has(`visit:${id(5000)}`)).toBe(false);
    await applyIds(db, state, 'visits', [id(5000)]);
    expect(runQuery(state, { q: 'zanzibarov unindexed', facets: {} }).total).toBe(1);
  });

  it('records each change set as its own journal row (no read), merges them on load, and a save clears those it covers', async () => {
    await saveIndex(db, await buildIndex(db));
    const put = vi.spyOn(db.searchIndex, 'put');
    const get = vi.spyOn(db.searchIndex, 'get');
    try {
      for (let i = 0; i < 300; i++) await recordJournal(db, { visits: [`v${i % 100}`] });
      await recordJournal(db, { people: ['p1'] });
      await recordJournal(db, { people: 'all' });
      expect(put).toHaveBeenCalledTimes(302);
      expect(get).not.toHaveBeenCalled();
    } finally {
      put.mockRestore();
      get.mockRestore();
    }
    const journal = (await loadIndex(db))!.journal;
    expect(journal.people).toBe('all');
    expect([...(journal.visits as string[])].sort()).toEqual(Array.from({ length: 100 }, (_, i) => `v${i}`).sort());
    // A save keeps what it was told is pending and drops the rows; a change recorded after it stays.
    await saveIndex(db, await buildIndex(db), { notes: ['n1'] });
    await recordJournal(db, { events: ['e1'] });
    expect((await loadIndex(db))!.journal).toEqual({ notes: ['n1'], events: ['e1'] });
    expect(await db.searchIndex.where('key').startsWith('index:journal:').count()).toBe(1);
  });

  it('keeps pending changes in sets: thousands of small reports merge by their own size; "all" wins', () => {
    const p = new PendingChanges();
    expect(p.isEmpty()).toBe(true);
    for (let i = 0; i < 5000; i++) p.add({ visits: [`v${i}`, `v${i + 1}`] });
    p.add({ people: ['a'] });
    expect((p.journal().visits as string[]).length).toBe(5001);
    p.add({ people: 'all' });
    p.add({ people: ['b'] });
    const taken = p.take();
    expect(taken.people).toBe('all');
    expect(p.isEmpty()).toBe(true);
    expect(p.journal()).toEqual({});
  });

  it('reads Dexie change sets: single keys, or the whole table for a range', () => {
    const keys = { from: 'b', to: 'b', d: 2, l: { from: 'a', to: 'a', d: 1 }, r: null };
    expect(journalFromMutation({ 'idb://x/visits/': keys, 'idb://x/searchIndex/': keys }, 'x')).toEqual({ visits: ['a', 'b'] });
    expect(journalFromMutation({ 'idb://x/people/': { from: '', to: '\uffff', d: 1 } }, 'x')).toEqual({ people: 'all' });
    expect(journalFromMutation({ 'idb://other/people/': keys }, 'x')).toEqual({});
  });
});
