import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { importHsg } from '../../../shared/importers';
import { readBundledHsg } from '../../../scripts/cli/bundled-hsg';
import type { Visit } from '../../../shared/model';
import { buildSeed, SEED_IDS } from '../../../shared/seed';
import { LegationDB, SCHEMA_VERSION, visitEndKey } from '../../../renderer/db/database';
import { newerSchemaOnDisk } from '../../../renderer/db/init';

/**
 * Schema version 1 → 2 on a database filled the way a version-1 app left it: the seed, a few
 * thousand real Office of the Historian visits, some soft-deleted rows. The version-1 schema is
 * written out here on purpose (a frozen copy of what shipped), so that this test keeps proving the
 * upgrade path even if database.ts is edited by mistake.
 */
const V1_STORES = {
  visits:
    'id, status, place.country, travellerId, startKey, updatedAt, tourId, *tags, *hostIds, [status+startKey], [place.country+startKey], [travellerId+startKey]',
  people: 'id, name, *aliases, updatedAt',
  sources: 'id, title, publishedOn, updatedAt',
  evidence: 'id, [recordType+recordId], recordId, sourceId',
  meetings: 'id, visitId, *participantIds',
  events: 'id, date.from',
  notes: 'id, targetKey, updatedAt',
  meta: 'key',
};

const HSG_FILES = [
  'visits/1950.xml',
  'visits/1960.xml',
  'visits/1970.xml',
  'visits/1980.xml',
  'visits/1990.xml',
  'visits/2000.xml',
  'travels/president-travels/kennedy-john-f.xml',
  'travels/president-travels/obama-barack.xml',
];

function hsgData() {
  const bundled = readBundledHsg();
  return importHsg(HSG_FILES.map((name) => bundled.find((f) => f.name === name)!));
}

let seq = 0;
const opened: Dexie[] = [];
function dbName(): string {
  seq++;
  return `legation-migration-${process.pid}-${seq}`;
}

afterEach(async () => {
  for (const d of opened.splice(0)) {
    d.close();
    await Dexie.delete(d.name);
  }
});

/** Creates a version-1 database named `name` holding `rows` per table, then closes it. */
async function createV1(name: string, rows: Record<string, unknown[]>): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(V1_STORES);
  await v1.open();
  expect(v1.verno).toBe(1);
  await v1.transaction('rw', v1.tables, async () => {
    for (const [table, list] of Object.entries(rows)) await v1.table(table).bulkAdd(list);
  });
  v1.close();
}

function v1Rows() {
  const seed = buildSeed();
  const hsg = hsgData();
  // A few edge cases a version-1 user could have: a visit with no dates at all, one whose only
  // range is its start window, and soft-deleted records in every searchable table.
  const base = seed.visits[0]!;
  const noDates: Visit = { ...base, id: '0f000000-0000-4000-8000-000000000001', start: null, end: null, startKey: '' };
  const deleted: Visit = { ...hsg.visits[0]!, id: '0f000000-0000-4000-8000-000000000002', deletedAt: '2020-08-01T00:00:00.000Z' };
  const visits = [...seed.visits, ...hsg.visits, noDates, deleted];
  const people = [...seed.people, ...hsg.people.map((p, i) => (i === 0 ? { ...p, deletedAt: '2020-08-01T00:00:00.000Z' } : p))];
  return {
    visits,
    people,
    sources: [...seed.sources, ...hsg.sources],
    evidence: seed.evidence,
    meetings: seed.meetings,
    events: seed.events,
    notes: seed.notes,
    meta: [{ key: 'seed', value: { version: 1, at: '2020-07-22T12:00:00.000Z' } }],
  };
}

describe('schema migration 1 → 2', () => {
  it('keeps every record, gives every visit its endKey, and the new indexes answer queries', async () => {
    const name = dbName();
    const rows = v1Rows();
    expect(rows.visits.length).toBeGreaterThan(2000);
    await createV1(name, rows);

    const db = new LegationDB(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);

    // Counts equal, table by table; the new stores exist and are empty.
    for (const [table, list] of Object.entries(rows)) expect(await db.table(table).count(), table).toBe(list.length);
    expect(await db.searchIndex.count()).toBe(0);
    expect(await db.importJobs.count()).toBe(0);

    // Every visit is as it was, plus the right endKey.
    const stored = (await db.visits.toArray()) as (Visit & { endKey?: string })[];
    const byId = new Map(rows.visits.map((v) => [v.id, v]));
    for (const v of stored) {
      const { endKey, ...rest } = v;
      expect(endKey, v.id).toBe(visitEndKey(v));
      expect(rest).toEqual(byId.get(v.id));
    }
    const noDates = stored.find((v) => v.id === '0f000000-0000-4000-8000-000000000001');
    expect(noDates?.endKey).toBe('');
    const tehran = stored.find((v) => v.id === SEED_IDS.tehranVisit);
    expect(tehran?.endKey).toBe(tehran?.end?.to ?? tehran?.start?.to);

    // The new indexes answer (each compared with a scan of the same rows).
    const scan = (pred: (v: Visit & { endKey?: string }) => boolean) => stored.filter(pred).length;
    expect(await db.visits.where('endKey').between('1960-01-01', '1960-12-31', true, true).count()).toBe(
      scan((v) => (v.endKey ?? '') >= '1960-01-01' && (v.endKey ?? '') <= '1960-12-31'),
    );
    expect(await db.visits.where('deletedAt').above('').count()).toBe(scan((v) => v.deletedAt !== null));
    expect(await db.people.where('deletedAt').above('').count()).toBe(1);
    expect(
      await db.visits.where('[status+place.country+startKey]').between(['completed', 'US', '1960'], ['completed', 'US', '1961']).count(),
    ).toBe(scan((v) => v.status === 'completed' && v.place.country === 'US' && v.startKey >= '1960' && v.startKey < '1961'));
    expect(await db.visits.where('updatedAt').above('').count()).toBe(stored.length);
    expect(await db.meetings.where('updatedAt').above('').count()).toBe(rows.meetings.length);

    // The old indexes still answer.
    expect(await db.visits.where('[travellerId+startKey]').between([SEED_IDS.kadhemi, ''], [SEED_IDS.kadhemi, '\uffff']).count()).toBe(
      scan((v) => v.travellerId === SEED_IDS.kadhemi),
    );

    // A write after the upgrade gets its endKey from the middleware.
    await db.visits.update(SEED_IDS.tehranVisit, { end: { ...tehran!.start!, from: '2020-07-22', to: '2020-07-22' } });
    const after = (await db.visits.get(SEED_IDS.tehranVisit)) as Visit & { endKey?: string };
    expect(after.endKey).toBe('2020-07-22');
  }, 60_000);

  it('an upgraded database opens again without change (the upgrade runs once)', async () => {
    const name = dbName();
    await createV1(name, v1Rows());
    const first = new LegationDB(name);
    await first.open();
    const snapshot = await first.visits.toArray();
    first.close();
    const second = new LegationDB(name);
    opened.push(second);
    await second.open();
    expect(second.verno).toBe(SCHEMA_VERSION);
    expect(await second.visits.toArray()).toEqual(snapshot);
  }, 60_000);

  it('a window still on version 1 is told to close when another opens version 2; the upgrade is not blocked', async () => {
    const name = dbName();
    await createV1(name, { visits: buildSeed().visits });
    const old = new Dexie(name);
    old.version(1).stores(V1_STORES);
    let told = 0;
    // What init.ts does in every window: close and ask the user to reload.
    old.on('versionchange', () => {
      told++;
      old.close();
      return false;
    });
    await old.open();
    const fresh = new LegationDB(name);
    opened.push(fresh);
    await fresh.open();
    expect(told).toBe(1);
    expect(old.isOpen()).toBe(false);
    expect(await fresh.visits.count()).toBe(buildSeed().visits.length);
  });

  it('an older app opening a newer database is detected (Dexie 4 opens it without a VersionError), and the database is untouched', async () => {
    const name = dbName();
    await createV1(name, { visits: buildSeed().visits });
    const v2 = new LegationDB(name);
    await v2.open();
    expect(newerSchemaOnDisk(v2)).toBe(false);
    v2.close();
    const older = new Dexie(name);
    older.version(1).stores(V1_STORES);
    // Dexie 4 no longer fails with VersionError here: it opens the newer database as it is. init.ts
    // must notice and refuse, or an old build would write into a schema it does not know.
    await older.open();
    expect(newerSchemaOnDisk(older)).toBe(true);
    older.close();
    const again = new LegationDB(name);
    opened.push(again);
    await again.open();
    expect(await again.visits.count()).toBe(buildSeed().visits.length);
  });
});
