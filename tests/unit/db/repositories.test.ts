import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { dayDate, parseFuzzyDate, type VisitDraft } from '../../../shared/model';
import { SEED_IDS } from '../../../shared/seed';
import { clock, db } from '../../../renderer/db/instance';
import { ensureSeeded } from '../../../renderer/db/seed';
import {
  changeVisitStatus,
  clearUndo,
  createNote,
  createVisitFromDraft,
  deletePerson,
  deleteVisit,
  exportBackupText,
  findPeople,
  getVisitDetail,
  listNotes,
  listVisits,
  parseBackup,
  restoreBackup,
  saveNoteBody,
  undoLast,
  updateVisitFromDraft,
  ValidationError,
} from '../../../renderer/db';

function draft(overrides: Partial<VisitDraft> = {}): VisitDraft {
  return {
    travellerId: SEED_IDS.kadhemi,
    place: { country: 'FR', city: 'Paris', lat: null, lon: null },
    kind: 'official',
    purpose: 'Talks',
    start: dayDate('2020-09-10'),
    end: null,
    tags: [],
    hostIds: [],
    status: 'planned',
    ...overrides,
  };
}

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
  clearUndo();
  await ensureSeeded(db);
});

describe('the clock', () => {
  it('never gives the same timestamp twice, nor an earlier one, however fast it is asked', () => {
    const stamps = Array.from({ length: 5000 }, () => clock.now());
    expect(stamps.every((t, i) => i === 0 || t > stamps[i - 1]!)).toBe(true);
    expect(stamps.every((t) => !Number.isNaN(Date.parse(t)) && new Date(t).toISOString() === t)).toBe(true);
  });
});

describe('seeding', () => {
  it('seeds once, and never again (idempotent, even after the user edits)', async () => {
    expect(await db.visits.count()).toBe(3);
    await db.visits.update(SEED_IDS.tehranVisit, { purpose: 'edited by the user' });
    expect(await ensureSeeded(db)).toBe(false);
    expect(await db.visits.count()).toBe(3);
    expect((await db.visits.get(SEED_IDS.tehranVisit))?.purpose).toBe('edited by the user');
  });

  it('two concurrent seed calls seed once', async () => {
    db.close();
    await db.delete();
    await db.open();
    const results = await Promise.all([ensureSeeded(db), ensureSeeded(db)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db.visits.count()).toBe(3);
  });
});

describe('visits', () => {
  it('lists the seed newest first and filters by status, country, traveller and date range', async () => {
    const all = await listVisits();
    expect(all.map((v) => v.status)).toEqual(['planned', 'completed', 'postponed']);
    expect((await listVisits({ status: 'postponed' })).map((v) => v.place.country)).toEqual(['SA']);
    expect((await listVisits({ country: 'IR' })).map((v) => v.status)).toEqual(['completed']);
    expect(await listVisits({ travellerId: SEED_IDS.kadhemi })).toHaveLength(3);
    expect((await listVisits({ from: '2020-07-21', to: '2020-07-21' })).map((v) => v.place.country)).toEqual(['IR']);
    expect((await listVisits({ from: '2020-08-15' })).map((v) => v.place.country)).toEqual(['US']);
  });

  it('creates, postpones, reschedules and completes a visit with its history in order', async () => {
    const v = await createVisitFromDraft(draft(), '2020-08-01');
    await changeVisitStatus(v.id, { to: 'postponed', on: '2020-09-01', reason: 'Summit moved' });
    const next = parseFuzzyDate('2020-10-05');
    if (!next.ok) throw new Error(next.error);
    await changeVisitStatus(v.id, { to: 'planned', on: '2020-09-15', reason: 'New date agreed', start: next.value });
    const done = await changeVisitStatus(v.id, { to: 'completed', on: '2020-10-05', reason: '' });
    expect(done.statusHistory.map((c) => c.status)).toEqual(['planned', 'postponed', 'planned', 'completed']);
    expect(done.statusHistory[1]?.reason).toBe('Summit moved');
    expect(done.statusHistory[1]?.start?.from).toBe('2020-09-10');
    expect(done.statusHistory[2]?.start?.from).toBe('2020-10-05');
    expect(done.startKey).toBe('2020-10-05');
  });

  it('refuses transitions the state machine forbids, and writes nothing', async () => {
    await expect(changeVisitStatus(SEED_IDS.tehranVisit, { to: 'postponed', on: '2020-08-01', reason: 'x' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect((await db.visits.get(SEED_IDS.tehranVisit))?.statusHistory).toHaveLength(1);
  });

  it('refuses a draft whose end is before its start, with the field named', async () => {
    const bad = draft({ start: dayDate('2020-09-10'), end: dayDate('2020-09-01') });
    const err = await createVisitFromDraft(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fields.end).toBe('The end date is before the start date');
    expect(await db.visits.count()).toBe(3);
  });

  it('refuses an unknown traveller', async () => {
    await expect(createVisitFromDraft(draft({ travellerId: crypto.randomUUID() }))).rejects.toThrow(/traveller/i);
  });

  it('deletes softly and undo brings the visit back; undo also reverts an edit', async () => {
    await deleteVisit(SEED_IDS.saudiVisit);
    expect((await listVisits()).map((v) => v.id)).not.toContain(SEED_IDS.saudiVisit);
    expect(await undoLast()).toBe('Delete visit');
    expect((await listVisits()).map((v) => v.id)).toContain(SEED_IDS.saudiVisit);
    const before = await db.visits.get(SEED_IDS.tehranVisit);
    await updateVisitFromDraft(SEED_IDS.tehranVisit, { ...draft(), purpose: 'changed' }, before!.updatedAt);
    await undoLast();
    expect(await db.visits.get(SEED_IDS.tehranVisit)).toEqual(before);
  });

  it('gives the detail of the Tehran visit: meeting with Khamenei, quotes and evidence with sources', async () => {
    const d = await getVisitDetail(SEED_IDS.tehranVisit);
    expect(d?.traveller?.name).toMatch(/Kadhemi/);
    expect(d?.meetings[0]?.participants.map((p) => p.id)).toContain(SEED_IDS.khamenei);
    expect(d?.meetings[0]?.quotes.length).toBeGreaterThan(0);
    expect(d?.evidence.length).toBeGreaterThan(0);
    for (const e of d?.evidence ?? []) expect(e.source?.text.slice(e.start, e.end)).toBe(e.quote);
  });

  it('reads every source the visit names (a meeting quote’s too), and no other', async () => {
    const article = (await db.sources.get(SEED_IDS.article))!;
    const quoted = { ...article, id: '5eed0000-0000-4000-8000-00000000aaa1', title: 'Cited only by a quote' };
    const unrelated = { ...article, id: '5eed0000-0000-4000-8000-00000000aaa2', title: 'Not named by the visit' };
    await db.sources.bulkAdd([quoted, unrelated]);
    const meeting = (await db.meetings.where('visitId').equals(SEED_IDS.tehranVisit).first())!;
    await db.meetings.update(meeting.id, { quotes: [{ ...meeting.quotes[0]!, sourceId: quoted.id }, ...meeting.quotes.slice(1)] });
    const ids = ((await getVisitDetail(SEED_IDS.tehranVisit))?.sources ?? []).map((s) => s.id);
    expect(ids).toContain(quoted.id);
    expect(ids).toContain(SEED_IDS.article);
    expect(ids).not.toContain(unrelated.id);
  });
});

describe('people and notes', () => {
  it('finds people by alias, accent- and prefix-insensitively', async () => {
    expect((await findPeople('Kadhimi')).map((p) => p.id)).toEqual([SEED_IDS.kadhemi]);
    expect((await findPeople('al-kadhimi')).map((p) => p.id)).toEqual([SEED_IDS.kadhemi]);
  });

  it('refuses to delete a person who is the traveller of visits', async () => {
    await expect(deletePerson(SEED_IDS.kadhemi)).rejects.toThrow(/traveller of 3 visit/);
  });

  it('autosaves note bodies', async () => {
    const n = await createNote({ type: 'visit', id: SEED_IDS.saudiVisit });
    await saveNoteBody(n.id, '# Riyadh\nwatch for a new date', n.updatedAt);
    expect((await listNotes()).find((x) => x.id === n.id)?.body).toBe('# Riyadh\nwatch for a new date');
  });
});

describe('backup', () => {
  it('round-trips: export → restore → export gives the same tables', async () => {
    await createVisitFromDraft(draft(), '2020-08-01');
    const first = await exportBackupText('0.0.0');
    const parsed = parseBackup(first.text);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    await db.visits.clear();
    await restoreBackup(parsed);
    const second = await exportBackupText('0.0.0');
    const tables = (t: string) => (JSON.parse(t) as { tables: unknown }).tables;
    expect(tables(second.text)).toEqual(tables(first.text));
    expect(second.counts.visits).toBe(4);
  });

  it('a bad backup changes nothing', async () => {
    const before = await exportBackupText('0.0.0');
    const broken = JSON.parse(before.text) as { tables: { visits: { end: unknown; start: unknown }[] } };
    const v = broken.tables.visits[0]!;
    v.end = { precision: 'day', from: '2000-01-01', to: '2000-01-01' };
    v.start = { precision: 'day', from: '2020-01-01', to: '2020-01-01' };
    const parsed = parseBackup(JSON.stringify(broken));
    expect(parsed.ok).toBe(false);
    const after = await exportBackupText('0.0.0');
    const tables = (t: string) => (JSON.parse(t) as { tables: unknown }).tables;
    expect(tables(after.text)).toEqual(tables(before.text));
  });
});
