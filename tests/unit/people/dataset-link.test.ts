import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { HSG_IMPORT_TIMESTAMP, importHsg } from '../../../shared/importers';
import { SEED_IDS } from '../../../shared/seed';
import { db } from '../../../renderer/db/instance';
import { ensureSeeded } from '../../../renderer/db/seed';
import { clearUndo, listPossibleDuplicates, saveDatasetImport, undoLast } from '../../../renderer/db';
import { visitRecord, visitsXml } from '../importers/hsg-data';

// Made-up records in the data set's format: the seeded Mustafa al-Kadhemi under the spelling of one
// of his aliases, and under a spelling the matcher may only suspect.
const data = importHsg([
  {
    name: 'visits/2020.xml',
    text: visitsXml(
      [
        visitRecord({ id: '1', start: '2020-08-20', visitor: 'Prime Minister Mustafa al-Kadhimi', slug: 'iraq', text: 'Iraq' }),
        visitRecord({ id: '2', start: '2021-07-26', visitor: 'Prime Minister Moustapha Kadhimy', slug: 'iraq', text: 'Iraq' }),
        visitRecord({ id: '3', start: '2021-03-01', visitor: 'President Halvard Lindqvist', slug: 'sweden', text: 'Sweden' }),
      ].join('\n'),
    ),
  },
]);
const records = { sources: data.sources, people: data.people, visits: data.visits };
const options = { metaKey: 'import:hsg', label: 'Office of the Historian data', importedAt: HSG_IMPORT_TIMESTAMP, files: 1, warnings: 0 };

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
  clearUndo();
  await ensureSeeded(db);
});

describe('a data set import matches its people against the people already recorded', () => {
  it('links a certain match, creates and counts an uncertain one, and links the same way again', async () => {
    const { run, created } = await saveDatasetImport(records, options);
    expect(run.linkedPeople).toBe(1);
    expect(run.possibleDuplicates).toBe(1);
    expect(run.counts.created.people).toBe(2);

    const visits = await db.visits.toArray();
    const byStart = (day: string) => visits.find((v) => v.startKey === day)!;
    expect(byStart('2020-08-20').travellerId).toBe(SEED_IDS.kadhemi);
    const kadhimy = await db.people.get(byStart('2021-07-26').travellerId);
    expect(kadhimy?.name).toBe('Moustapha Kadhimy');
    expect(created.people).not.toContain(SEED_IDS.kadhemi);
    const pairs = await listPossibleDuplicates();
    expect(pairs.map((p) => `${p.a.name} / ${p.b.name}`)).toContain('Moustapha Kadhimy / Mustafa al-Kadhemi');

    // A second import recognises everything it saved, the linked visit included.
    const again = await saveDatasetImport(records, { ...options, undo: false });
    expect(again.run.counts.created).toEqual({ sources: 0, people: 0, visits: 0 });
    expect(again.run.linkedPeople).toBe(1);

    // Undo removes what the first import created, never the person it linked to.
    await undoLast();
    expect(await db.visits.where('travellerId').equals(SEED_IDS.kadhemi).count()).toBe(3);
    expect((await db.people.get(SEED_IDS.kadhemi))?.deletedAt).toBeNull();
  });
});
