import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { dayDate, type ContextEvent, type Meeting } from '../../../shared/model';
import { SEED_IDS } from '../../../shared/seed';
import { db } from '../../../renderer/db/instance';
import { ensureSeeded } from '../../../renderer/db/seed';
import {
  ConflictError,
  NotFoundError,
  ValidationError,
  clearUndo,
  createEvent,
  createMeeting,
  deleteEvent,
  deleteMeeting,
  deletePerson,
  deleteVisit,
  getEvent,
  getMeeting,
  undoLast,
  updateEvent,
  updateMeeting,
  type EventDraft,
  type MeetingDraft,
} from '../../../renderer/db';

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
  clearUndo();
  await ensureSeeded(db);
});

const draftOf = (m: Meeting): MeetingDraft => ({ participantIds: m.participantIds, place: m.place, date: m.date, summary: m.summary });
const eventDraftOf = (e: ContextEvent): EventDraft => ({
  title: e.title,
  date: e.date,
  place: e.place,
  description: e.description,
  personIds: e.personIds,
  sourceIds: e.sourceIds,
});

/** The rejection of a promise (fails the test if it resolves). */
async function refusal(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e,
  );
}

describe('meetings', () => {
  it('adds a meeting to a visit; undo removes it', async () => {
    const m = await createMeeting(SEED_IDS.saudiVisit, {
      participantIds: [SEED_IDS.kadhemi, SEED_IDS.salman],
      place: null,
      date: dayDate('2020-07-20'),
      summary: 'Oil and the border crossing',
    });
    expect(await getMeeting(m.id)).toMatchObject({ visitId: SEED_IDS.saudiVisit, summary: 'Oil and the border crossing', quotes: [] });
    expect(await undoLast()).toBe('Add meeting');
    expect(await getMeeting(m.id)).toBeUndefined();
    expect((await db.meetings.get(m.id))?.deletedAt).not.toBeNull();
  });

  it('refuses a meeting of fewer than two people, and one on a deleted visit, writing nothing', async () => {
    const before = await db.meetings.count();
    const one = await refusal(
      createMeeting(SEED_IDS.saudiVisit, { participantIds: [SEED_IDS.kadhemi], place: null, date: null, summary: '' }),
    );
    expect(one).toBeInstanceOf(ValidationError);
    expect((one as ValidationError).fields.participantIds).toBe('A meeting has at least two people');
    await deleteVisit(SEED_IDS.washingtonVisit);
    const onDeleted = await refusal(
      createMeeting(SEED_IDS.washingtonVisit, {
        participantIds: [SEED_IDS.kadhemi, SEED_IDS.salman],
        place: null,
        date: null,
        summary: '',
      }),
    );
    expect(onDeleted).toBeInstanceOf(NotFoundError);
    expect(await db.meetings.count()).toBe(before);
  });

  it('refuses a participant deleted in another window and an unknown country, naming the field', async () => {
    const opened = (await getMeeting(SEED_IDS.tehranMeeting))!;
    await deletePerson(SEED_IDS.salman);
    const gone = await refusal(
      updateMeeting(opened.id, { ...draftOf(opened), participantIds: [...opened.participantIds, SEED_IDS.salman] }, opened.updatedAt),
    );
    expect(gone).toBeInstanceOf(ValidationError);
    expect((gone as ValidationError).message).toMatch(/^Nothing was saved\./);
    expect((gone as ValidationError).fields.participantIds).toMatch(/deleted/);
    const nowhere = await refusal(
      updateMeeting(opened.id, { ...draftOf(opened), place: { country: 'XX', city: null, lat: null, lon: null } }, opened.updatedAt),
    );
    expect((nowhere as ValidationError).fields['place.country']).toMatch(/XX/);
    expect(await getMeeting(opened.id)).toEqual(opened);
  });

  it('refuses a new meeting with a participant deleted in another window, writing nothing', async () => {
    await deletePerson(SEED_IDS.salman);
    const before = await db.meetings.count();
    const gone = await refusal(
      createMeeting(SEED_IDS.saudiVisit, { participantIds: [SEED_IDS.kadhemi, SEED_IDS.salman], place: null, date: null, summary: '' }),
    );
    expect(gone).toBeInstanceOf(ValidationError);
    expect((gone as ValidationError).fields.participantIds).toMatch(/deleted/);
    expect(await db.meetings.count()).toBe(before);
  });

  it('a stale save is refused with the meeting as stored now; the quotes stay; undo puts the edit back', async () => {
    const opened = (await getMeeting(SEED_IDS.tehranMeeting))!;
    const b = await updateMeeting(opened.id, { ...draftOf(opened), summary: 'From window B' }, opened.updatedAt);
    expect(b.updatedAt > opened.updatedAt).toBe(true);
    expect(b.quotes).toEqual(opened.quotes);
    const err = await refusal(updateMeeting(opened.id, { ...draftOf(opened), date: dayDate('2020-07-22') }, opened.updatedAt));
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError<Meeting>).current.summary).toBe('From window B');
    expect((await getMeeting(opened.id))?.date).toEqual(opened.date);
    // Saved again from the version it was shown, it goes through.
    const merged = await updateMeeting(opened.id, { ...draftOf(b), date: dayDate('2020-07-22') }, b.updatedAt);
    expect([merged.summary, merged.date?.from]).toEqual(['From window B', '2020-07-22']);
    expect(await undoLast()).toBe('Edit meeting');
    expect((await getMeeting(opened.id))?.date).toEqual(opened.date);
  });

  it('of two saves from one version at the same moment, exactly one is written', async () => {
    const opened = (await getMeeting(SEED_IDS.tehranMeeting))!;
    const results = await Promise.allSettled([
      updateMeeting(opened.id, { ...draftOf(opened), summary: 'one' }, opened.updatedAt),
      updateMeeting(opened.id, { ...draftOf(opened), summary: 'two' }, opened.updatedAt),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
  });

  it('delete is undone, and an undo never erases a later edit made elsewhere', async () => {
    const opened = (await getMeeting(SEED_IDS.tehranMeeting))!;
    await deleteMeeting(opened.id);
    expect(await getMeeting(opened.id)).toBeUndefined();
    expect(await undoLast()).toBe('Delete meeting');
    expect(await getMeeting(opened.id)).toEqual(opened);
    // Edited, then edited again "elsewhere" (a direct write): undoing the first edit is refused.
    const edited = await updateMeeting(opened.id, { ...draftOf(opened), summary: 'edit' }, opened.updatedAt);
    await updateMeeting(opened.id, { ...draftOf(edited), summary: 'later, elsewhere' }, edited.updatedAt);
    clearUndo();
    await deleteMeeting(opened.id);
    await db.meetings.update(opened.id, { deletedAt: null, updatedAt: new Date(Date.now() + 60_000).toISOString() });
    await expect(undoLast()).rejects.toBeInstanceOf(ConflictError);
    expect((await getMeeting(opened.id))?.summary).toBe('later, elsewhere');
  });

  it('editing a deleted meeting is refused as not found', async () => {
    const opened = (await getMeeting(SEED_IDS.tehranMeeting))!;
    await deleteMeeting(opened.id);
    await expect(updateMeeting(opened.id, draftOf(opened), opened.updatedAt)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('context events', () => {
  it('adds, edits with a version, deletes and undoes', async () => {
    const e = await createEvent({
      title: 'Border crossing reopened',
      date: dayDate('2020-08-01'),
      place: null,
      description: '',
      personIds: [SEED_IDS.kadhemi],
      sourceIds: [],
    });
    expect((await getEvent(e.id))?.title).toBe('Border crossing reopened');
    const edited = await updateEvent(e.id, { ...eventDraftOf(e), title: 'Arar crossing reopened' }, e.updatedAt);
    await expect(updateEvent(e.id, { ...eventDraftOf(e), description: 'stale' }, e.updatedAt)).rejects.toBeInstanceOf(ConflictError);
    expect((await getEvent(e.id))?.description).toBe('');
    await deleteEvent(e.id);
    expect(await getEvent(e.id)).toBeUndefined();
    expect(await undoLast()).toBe('Delete event');
    expect(await getEvent(e.id)).toEqual(edited);
    expect(await undoLast()).toBe('Edit event');
    expect((await getEvent(e.id))?.title).toBe('Border crossing reopened');
  });

  it('refuses an event without a title, keeping the stored one', async () => {
    const stored = (await getEvent(SEED_IDS.soleimaniStrike))!;
    const err = await refusal(updateEvent(stored.id, { ...eventDraftOf(stored), title: '   ' }, stored.updatedAt));
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fields.title).toBe('Title is required');
    expect(await getEvent(stored.id)).toEqual(stored);
  });

  it('refuses a person or source that is not there, writing nothing', async () => {
    const count = await db.events.count();
    const missing = '00000000-0000-4000-8000-0000000000aa';
    const err = await refusal(
      createEvent({ title: 'Ghost', date: dayDate('2020-01-01'), place: null, description: '', personIds: [missing], sourceIds: [] }),
    );
    expect((err as ValidationError).fields.personIds).toMatch(/not/);
    const err2 = await refusal(
      createEvent({ title: 'Ghost', date: dayDate('2020-01-01'), place: null, description: '', personIds: [], sourceIds: [missing] }),
    );
    expect((err2 as ValidationError).fields.sourceIds).toMatch(/not/);
    expect(await db.events.count()).toBe(count);
  });
});
