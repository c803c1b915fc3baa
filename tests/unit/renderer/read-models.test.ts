import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSeed, SEED_IDS } from '../../../shared/seed';
import { db } from '../../../renderer/db/instance';
import { ensureSeeded } from '../../../renderer/db/seed';
import { createNote, deleteNote } from '../../../renderer/db';
import { listNoteRows } from '../../../renderer/features/notes/notes-data';
import { getPersonDetail, listPeopleRows } from '../../../renderer/features/people/people-data';
import { evidenceLinksForSource, listSourceRows } from '../../../renderer/features/sources/sources-data';

beforeAll(async () => {
  await db.open();
  await ensureSeeded(db);
});

describe('read models for People, Sources and Notes', () => {
  it('finds people by any spelling and counts their visits', async () => {
    const rows = await listPeopleRows('Kadhimi');
    expect(rows.map((r) => r.person.name)).toEqual(['Mustafa al-Kadhemi']);
    expect(rows[0]!.visitCount).toBe(3);
    expect((await listPeopleRows('khamenei'))[0]?.person.id).toBe(SEED_IDS.khamenei);
    expect(await listPeopleRows('nobody')).toEqual([]);
    expect((await listPeopleRows('')).length).toBe(5);
  });

  it("gives a person's visits as traveller and as host", async () => {
    const d = await getPersonDetail(SEED_IDS.kadhemi);
    expect(d?.asTraveller.map((v) => v.visit.id).sort()).toEqual(
      [SEED_IDS.tehranVisit, SEED_IDS.saudiVisit, SEED_IDS.washingtonVisit].sort(),
    );
    expect(d?.asTraveller.find((v) => v.visit.id === SEED_IDS.tehranVisit)?.label).toBe('Mustafa al-Kadhemi → Iran (Tehran), 21 July 2020');
    const host = await getPersonDetail(SEED_IDS.khamenei);
    expect(host?.asHost.map((v) => v.visit.id)).toEqual([SEED_IDS.tehranVisit]);
    expect(await getPersonDetail('5eed0000-0000-4000-8000-0000000000ff')).toBeNull();
  });

  it('resolves every evidence quote to its record and page, in reading order', async () => {
    const links = await evidenceLinksForSource(SEED_IDS.article);
    expect(links).toHaveLength(buildSeed().evidence.length);
    expect(links.map((l) => l.evidence.start)).toEqual([...links.map((l) => l.evidence.start)].sort((a, b) => a - b));
    const byRecord = (id: string) => links.find((l) => l.evidence.recordId === id)!;
    expect(byRecord(SEED_IDS.saudiPostponed)).toMatchObject({ route: `/visits/${SEED_IDS.saudiVisit}` });
    expect(byRecord(SEED_IDS.saudiPostponed).kind).toMatch(/^status change · /);
    expect(byRecord(SEED_IDS.tehranMeeting).route).toBe(`/visits/${SEED_IDS.tehranVisit}`);
    expect(byRecord(SEED_IDS.kadhemi).route).toBe(`/people/${SEED_IDS.kadhemi}`);
    expect(byRecord(SEED_IDS.soleimaniStrike).route).toBeNull();
    const [row] = await listSourceRows();
    expect(row?.evidenceCount).toBe(links.length);
  });

  it('lists notes with what they are attached to', async () => {
    const a = await createNote({ type: 'visit', id: SEED_IDS.tehranVisit }, 'Readout');
    const b = await createNote(null, 'Loose');
    const rows = await listNoteRows();
    expect(rows.find((r) => r.note.id === a.id)?.attachedTo).toEqual({
      label: 'Visit: Mustafa al-Kadhemi → Iran (Tehran), 21 July 2020',
      route: `/visits/${SEED_IDS.tehranVisit}`,
    });
    expect(rows.find((r) => r.note.id === b.id)?.attachedTo).toBeNull();
    await deleteNote(b.id);
    expect((await listNoteRows()).some((r) => r.note.id === b.id)).toBe(false);
  });
});
