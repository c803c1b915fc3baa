import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Person, Visit } from '../../../shared/model';
import { LegationDB } from '../../../renderer/db/database';
import { db } from '../../../renderer/db/instance';
import { RevisionCache, revisionOf, subscribeRevisions } from '../../../renderer/db/revisions';
import { createPerson, peekVisitIds, visitFilterChoices, visitIds, type VisitQuery } from '../../../renderer/db';

const q: VisitQuery = { filter: {}, sort: { field: 'start', dir: 'asc' } };
const settle = () => new Promise((r) => setTimeout(r, 0));

let traveller: Person;
let template: Visit;

beforeAll(async () => {
  await db.open();
  traveller = await createPerson({ name: 'Mustafa al-Kadhemi', aliases: [], roles: [], country: 'IQ', note: '' });
  const now = '2020-07-21T10:00:00.000Z';
  template = {
    id: '10000000-0000-4000-8000-000000000001',
    travellerId: traveller.id,
    hostIds: [],
    delegation: [],
    place: { country: 'IR', city: 'Tehran', lat: null, lon: null },
    start: { precision: 'day', from: '2020-07-21', to: '2020-07-21' },
    end: null,
    startKey: '2020-07-21',
    endKey: '2020-07-21',
    status: 'completed',
    statusHistory: [],
    kind: 'official',
    purpose: 'Talks',
    tags: [],
    tourId: null,
    sourceIds: [],
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  } as unknown as Visit;
  await db.visits.add(template);
});

describe('table revisions', () => {
  it('move for the tables written, here or through another connection, and tell subscribers', async () => {
    const heard: string[] = [];
    const un = subscribeRevisions(() => heard.push(revisionOf(['visits'])));
    try {
      const visits = revisionOf(['visits']);
      const people = revisionOf(['people']);
      await db.visits.update(template.id, { purpose: 'Talks on water and electricity' });
      await settle();
      expect(revisionOf(['visits'])).not.toBe(visits);
      expect(revisionOf(['people'])).toBe(people);
      expect(heard.at(-1)).toBe(revisionOf(['visits']));

      const other = new LegationDB(db.name);
      await other.open();
      const before = revisionOf(['people']);
      await other.people.update(traveller.id, { note: 'Prime minister of Iraq' });
      other.close();
      await settle();
      expect(revisionOf(['people'])).not.toBe(before);
    } finally {
      un();
    }
  });

  it('a cached value is handed back until its tables change; one computed during a change is not kept', async () => {
    const cache = new RevisionCache<number>(['visits'], 2);
    let reads = 0;
    const read = () => cache.read('k', () => Promise.resolve(++reads));
    expect(cache.peek('k')).toBeUndefined();
    expect(await read()).toBe(1);
    expect(cache.peek('k')).toBe(1);
    await db.people.update(traveller.id, { note: 'changed' }); // another table: still valid
    await settle();
    expect(cache.peek('k')).toBe(1);
    await db.visits.update(template.id, { purpose: 'Second round' });
    await settle();
    expect(cache.peek('k')).toBeUndefined();

    // The table changes while the value is computed: returned, not kept.
    const during = await cache.read('k', async () => {
      await db.visits.update(template.id, { purpose: 'Third round' });
      await settle();
      return 42;
    });
    expect(during).toBe(42);
    expect(cache.peek('k')).toBeUndefined();

    // At most `size` keys are kept, the oldest dropped first.
    await cache.read('a', () => Promise.resolve(1));
    await cache.read('b', () => Promise.resolve(2));
    await cache.read('c', () => Promise.resolve(3));
    expect([cache.peek('a'), cache.peek('b'), cache.peek('c')]).toEqual([undefined, 2, 3]);
  });
});

describe('what the Visits list keeps between visits to it', () => {
  it('peekVisitIds: the ids visitIds read, until a visit changes (here or in another window)', async () => {
    const ids = await visitIds(q);
    expect(peekVisitIds(q)).toEqual(ids);
    expect(peekVisitIds({ ...q, sort: { field: 'start', dir: 'desc' } })).toBeUndefined();

    const added: Visit = { ...template, id: '10000000-0000-4000-8000-000000000002', startKey: '2020-07-23' };
    added.start = { precision: 'day', from: '2020-07-23', to: '2020-07-23' };
    const other = new LegationDB(db.name);
    await other.open();
    await other.visits.add(added);
    other.close();
    await settle();
    expect(peekVisitIds(q)).toBeUndefined();
    expect(await visitIds(q)).toContain(added.id);
    expect(peekVisitIds(q)).toContain(added.id);
  });

  it('visitFilterChoices: people and countries, read again once a person or a visit changes', async () => {
    const first = await visitFilterChoices();
    expect(first.people.map((p) => p.name)).toContain('Mustafa al-Kadhemi');
    expect(first.countries).toEqual(['IR']);
    // Kept: the same object, nothing read.
    expect(await visitFilterChoices()).toBe(first);

    const other = new LegationDB(db.name);
    await other.open();
    await other.people.add({ ...traveller, id: '20000000-0000-4000-8000-000000000001', name: 'Hassan Rouhani', country: 'IR' });
    other.close();
    await settle();
    const second = await visitFilterChoices();
    expect(second).not.toBe(first);
    expect(second.people.map((p) => p.name)).toEqual(['Hassan Rouhani', 'Mustafa al-Kadhemi']);

    await db.visits.add({
      ...template,
      id: '10000000-0000-4000-8000-000000000003',
      place: { ...template.place, country: 'SA', city: 'Riyadh' },
    });
    await settle();
    expect((await visitFilterChoices()).countries).toEqual(['IR', 'SA']);
  });
});
