import 'fake-indexeddb/auto';
import Dexie, { liveQuery } from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { generateDataset } from '../../../shared/generate';
import { HSG_IMPORT_TIMESTAMP, importHsg } from '../../../shared/importers';
import { BulkWriteWatch } from '../../../renderer/db/bulk-write';
import { db } from '../../../renderer/db/instance';
import {
  clearUndo,
  lastDatasetImport,
  saveDatasetImport,
  undoDatasetImport,
  undoLast,
  type DatasetSaveOptions,
} from '../../../renderer/db';
import type { Person, Source, Visit } from '../../../shared/model';
import { KEYED_WRITE, type DatasetRecords } from '../../../renderer/db/dataset-import';
import { visitEndKey } from '../../../renderer/db/database';
import { addUntracked } from '../../../renderer/db/raw-write';
import { journalFromMutation, type Journal } from '../../../renderer/search/sync';
import { tripRecord, tripsXml, visitRecord, visitsXml } from './hsg-data';

const data = importHsg([
  {
    name: 'visits/1950.xml',
    text: visitsXml(
      [
        visitRecord({ id: '1', visitor: 'President Quirino', slug: 'philippines', text: 'Philippines' }),
        visitRecord({ id: '2', start: '1959-09-15', visitor: 'Premier Khrushchev', slug: 'russia', text: 'U.S.S.R.' }),
        visitRecord({ id: '3', start: '1960-01-01', visitor: 'Prime Minister Menzies', slug: 'australia', text: 'Australia' }),
      ].join('\n'),
    ),
  },
  {
    name: 'travels/president-travels/obama-barack.xml',
    text: tripsXml(
      [
        tripRecord({ id: '10', slug: 'germany', text: 'Germany', locale: 'Baden-Baden, Kehl' }),
        tripRecord({ id: '11', slug: 'france', text: 'France', locale: 'Strasbourg' }),
      ].join('\n'),
    ),
  },
]);
const records = { sources: data.sources, people: data.people, visits: data.visits };
const total = records.sources.length + records.people.length + records.visits.length;

/** The people and sources `visits` refer to: what an import must hold (or find stored) to write them. */
function referencedBy(all: DatasetRecords, visits: readonly Visit[]): { sources: Source[]; people: Person[] } {
  const ids = new Set(
    visits.flatMap((v) => [
      v.travellerId,
      ...v.delegationIds,
      ...v.hostIds,
      ...v.sourceIds,
      ...v.statusHistory.flatMap((c) => (c.sourceId ? [c.sourceId] : [])),
    ]),
  );
  return { sources: all.sources.filter((s) => ids.has(s.id)), people: all.people.filter((p) => ids.has(p.id)) };
}

const options = (over: Partial<DatasetSaveOptions> = {}): DatasetSaveOptions => ({
  metaKey: 'import:hsg',
  label: 'Office of the Historian data',
  importedAt: HSG_IMPORT_TIMESTAMP,
  files: 2,
  warnings: 0,
  ...over,
});

/** The ids the journals name, per table (none of them 'all'). */
function mergeJournals(list: Journal[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const j of list) {
    for (const [t, ids] of Object.entries(j)) {
      if (ids === 'all') throw new Error(`${t}: reported as the whole table`);
      (out[t] ??= []).push(...ids);
    }
  }
  return out;
}

beforeEach(async () => {
  await db.delete();
  await db.open();
  clearUndo();
});

describe('saveDatasetImport', () => {
  it('tells the search index to hold its reads while it writes, and when it is over', async () => {
    const changes: boolean[] = [];
    const watch = new BulkWriteWatch(db.name, (held) => changes.push(held));
    try {
      let heldDuring = false;
      await saveDatasetImport(
        records,
        options({
          batchSize: 4,
          onProgress: () => {
            heldDuring ||= watch.held();
          },
        }),
      );
      await vi.waitFor(() => expect(changes).toEqual([true, false]));
      expect(heldDuring).toBe(true);
      expect(watch.held()).toBe(false);
    } finally {
      watch.close();
    }
  });

  it('hands each committed batch’s new and replaced rows to the search index, before it says it is over', async () => {
    const heard: string[] = [];
    const watch = new BulkWriteWatch(
      db.name,
      (held) => heard.push(held ? 'held' : 'over'),
      undefined,
      (rows) => heard.push(...Object.entries(rows).flatMap(([t, list]) => list.map((r) => `${t}:${(r as { id: string }).id}`))),
    );
    try {
      await saveDatasetImport(records, options({ batchSize: 4 }));
      await vi.waitFor(() => expect(heard.at(-1)).toBe('over'));
      const rows = heard.slice(1, -1);
      expect(heard[0]).toBe('held');
      expect(rows.sort()).toEqual(
        [
          ...records.sources.map((r) => `sources:${r.id}`),
          ...records.people.map((r) => `people:${r.id}`),
          ...records.visits.map((r) => `visits:${r.id}`),
        ].sort(),
      );
      // A second import writes nothing new: it hands nothing over.
      heard.length = 0;
      await saveDatasetImport(records, options({ batchSize: 4 }));
      await vi.waitFor(() => expect(heard.at(-1)).toBe('over'));
      expect(heard).toEqual(['held', 'over']);
    } finally {
      watch.close();
    }
  });

  it('creates every record, reports progress per batch and records the run in meta', async () => {
    expect(records.visits).toHaveLength(6);
    const progress: number[] = [];
    const { run } = await saveDatasetImport(
      records,
      options({ batchSize: 4, onProgress: (done, _total, writing) => writing === undefined && progress.push(done) }),
    );
    expect(run.state).toBe('finished');
    expect(run.counts.created).toEqual({ sources: 2, people: records.people.length, visits: 6 });
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(total);
    expect(progress.slice(1, -1).every((n) => n % 4 === 0)).toBe(true);
    expect(await db.visits.count()).toBe(6);
    const meta = await lastDatasetImport('import:hsg');
    expect(meta).toMatchObject({ state: 'finished', done: total, files: 2 });
  });

  it('a second import creates nothing: every record is already present', async () => {
    await saveDatasetImport(records, options());
    const { run } = await saveDatasetImport(records, options());
    expect(run.counts.created).toEqual({ sources: 0, people: 0, visits: 0 });
    expect(run.counts.present).toEqual({ sources: 2, people: records.people.length, visits: 6 });
    expect(await db.visits.count()).toBe(6);
  });

  it('never overwrites a user edit or resurrects a deleted record; refreshes records still as imported', async () => {
    await saveDatasetImport(records, options());
    const [a, b, c] = records.visits;
    await db.visits.update(a!.id, { purpose: 'My own words', updatedAt: '2026-05-01T10:00:00.000Z' });
    await db.visits.update(b!.id, { deletedAt: '2026-05-01T10:00:00.000Z' });
    const newer = records.visits.map((v) => ({ ...v, purpose: `${v.purpose} (revised)` }));
    const { run } = await saveDatasetImport({ ...records, visits: newer }, options());
    expect(run.counts.updated.visits).toBe(4);
    expect(run.counts.present.visits).toBe(2);
    expect((await db.visits.get(a!.id))?.purpose).toBe('My own words');
    expect((await db.visits.get(b!.id))?.deletedAt).toBe('2026-05-01T10:00:00.000Z');
    expect((await db.visits.get(c!.id))?.purpose).toMatch(/\(revised\)$/);
  });

  it('tells new records from stored ones in every call of a batch (calls of KEYED_WRITE rows)', async () => {
    const big = generateDataset({ visits: 2 * KEYED_WRITE + 123, seed: 7 });
    const stored = big.visits.filter((_, i) => i % 7 === 3);
    await saveDatasetImport({ ...referencedBy(big, stored), visits: stored }, options({ metaKey: 'import:part' }));
    const { run, created } = await saveDatasetImport({ sources: big.sources, people: big.people, visits: big.visits }, options());
    const storedIds = new Set(stored.map((v) => v.id));
    expect(created.visits).toEqual(big.visits.filter((v) => !storedIds.has(v.id)).map((v) => v.id));
    expect(run.counts.present.visits).toBe(stored.length);
    expect(run.counts.created.visits).toBe(big.visits.length - stored.length);
    expect(await db.visits.count()).toBe(big.visits.length);
  });

  it('reports what it wrote as Dexie does: every row’s key per table (the search index’s journal), every index as changed', async () => {
    const big = generateDataset({ visits: 2 * KEYED_WRITE + 123, seed: 11 });
    const stored = big.visits.slice(0, 5);
    const before = referencedBy(big, stored);
    await saveDatasetImport({ ...before, visits: stored }, options({ metaKey: 'import:part' }));
    // A live query over an index, as the Visits list reads.
    const completed = big.visits.filter((v) => v.status === 'completed').length;
    const seen: number[] = [];
    const live = liveQuery(() => db.visits.where('status').equals('completed').count()).subscribe((n) => seen.push(n));
    const heard: Record<string, unknown>[] = [];
    const listen = (parts: Record<string, unknown>) => void heard.push(parts);
    Dexie.on('storagemutated', listen);
    try {
      await vi.waitFor(() => expect(seen.length).toBeGreaterThan(0));
      await saveDatasetImport({ sources: big.sources, people: big.people, visits: big.visits }, options({ batchSize: 100 }));
      await vi.waitFor(() => expect(seen.at(-1)).toBe(completed));
      const journal = mergeJournals(heard.map((parts) => journalFromMutation(parts, db.name)));
      const storedIds = new Set(stored.map((v) => v.id));
      expect(new Set(journal.visits)).toEqual(new Set(big.visits.filter((v) => !storedIds.has(v.id)).map((v) => v.id)));
      const storedPeople = new Set(before.people.map((p) => p.id));
      expect(new Set(journal.people)).toEqual(new Set(big.people.filter((p) => !storedPeople.has(p.id)).map((p) => p.id)));
      expect(heard.some((parts) => `idb://${db.name}/visits/[status+place.country+startKey]` in parts)).toBe(true);
    } finally {
      Dexie.on('storagemutated').unsubscribe(listen);
      live.unsubscribe();
    }
    // What the database derives on write (a visit's endKey) is stored as through any table write.
    for (const v of big.visits.slice(0, 20)) expect((await db.visits.get(v.id)) as unknown).toMatchObject({ endKey: visitEndKey(v) });
  });

  it('addUntracked refuses to write outside a read-write transaction of its table', async () => {
    await expect(addUntracked(db, 'visits', [])).rejects.toThrow(/no open read-write transaction/);
    await expect(db.transaction('rw', db.people, () => addUntracked(db, 'visits', []))).rejects.toThrow(/does not write visits/);
  });

  it('cancel stops between batches: whole batches only, sources and people before visits, run marked interrupted', async () => {
    const controller = new AbortController();
    const { run } = await saveDatasetImport(
      records,
      options({
        batchSize: 3,
        signal: controller.signal,
        onProgress: (done) => {
          if (done >= 6) controller.abort();
        },
      }),
    );
    expect(run.state).toBe('interrupted');
    expect(run.done).toBe(6);
    const stored = (await db.sources.count()) + (await db.people.count()) + (await db.visits.count());
    expect(stored).toBe(6);
    // Every stored visit's traveller is stored too.
    for (const v of await db.visits.toArray()) expect(await db.people.get(v.travellerId)).toBeDefined();
    expect(await lastDatasetImport('import:hsg')).toMatchObject({ state: 'interrupted', done: 6 });
    // Importing again completes it.
    const rest = await saveDatasetImport(records, options());
    expect(rest.run.counts.created.visits + rest.run.counts.present.visits).toBe(6);
    expect(await db.visits.count()).toBe(6);
  });

  it('undo removes what the import created, but keeps what the user has edited since', async () => {
    const saved = await saveDatasetImport(records, options());
    const edited = records.visits[0]!;
    await db.visits.update(edited.id, { purpose: 'Mine', updatedAt: '2026-05-01T10:00:00.000Z' });
    const removed = await undoDatasetImport(saved.created, HSG_IMPORT_TIMESTAMP);
    expect(await db.visits.count()).toBe(1);
    // The edited visit's traveller and source stay (still referred to).
    expect(await db.people.get(edited.travellerId)).toBeDefined();
    expect(await db.sources.get(edited.sourceIds[0]!)).toBeDefined();
    expect(removed).toBe(total - 3);
  });

  it('is on the undo stack (Ctrl+Z): undoing it removes the import', async () => {
    await saveDatasetImport(records, options());
    expect(await undoLast()).toBe('Import Office of the Historian data');
    expect(await db.visits.count()).toBe(0);
    expect(await db.people.count()).toBe(0);
  });
});
