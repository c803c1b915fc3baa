import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildReportModel } from '../../../shared/reports';
import { SEED_IDS, buildSeed } from '../../../shared/seed';
import { changeVisitStatus, createNote } from '../../../renderer/db';
import { countReportVisits, loadReportInput } from '../../../renderer/features/reports/report-data';
import { db } from '../../../renderer/db/instance';
import { ensureSeeded } from '../../../renderer/db/seed';
import { OPTIONS } from './fixtures';

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
  await ensureSeeded(db);
});

describe('loadReportInput', () => {
  it('reads what the seed report needs, giving the same model as the seed itself', async () => {
    const input = await loadReportInput({});
    expect(buildReportModel(input, OPTIONS)).toEqual(buildReportModel(buildSeed(), OPTIONS));
    expect(await countReportVisits({})).toBe(3);
  });

  it('selects like the Visits list: one visit, a country, a status, a date range', async () => {
    const one = await loadReportInput({ visitId: SEED_IDS.saudiVisit });
    expect(one.visits.map((v) => v.id)).toEqual([SEED_IDS.saudiVisit]);
    expect(one.meetings).toEqual([]);
    expect(
      one.evidence.every((e) => e.recordId === SEED_IDS.saudiVisit || one.visits[0]!.statusHistory.some((c) => c.id === e.recordId)),
    ).toBe(true);
    expect((await loadReportInput({ country: 'IR' })).meetings.map((m) => m.id)).toEqual([SEED_IDS.tehranMeeting]);
    expect(await countReportVisits({ status: 'postponed' })).toBe(1);
    expect(await countReportVisits({ from: '2020-08-01', to: '2020-08-31' })).toBe(1);
    expect(await countReportVisits({ visitId: '00000000-0000-4000-8000-000000000000' })).toBe(0);
  });

  it('includes the visit’s notes and its status changes as they are now', async () => {
    const note = await createNote({ type: 'visit', id: SEED_IDS.saudiVisit }, '# Why Riyadh waited\n\nSee the palace statement.');
    await changeVisitStatus(SEED_IDS.saudiVisit, { to: 'cancelled', on: '2020-08-10', reason: 'Called off' });
    const model = buildReportModel(await loadReportInput({ visitId: SEED_IDS.saudiVisit }), OPTIONS);
    expect(model.visits[0]!.notes.map((n) => n.id)).toEqual([note.id]);
    expect(model.visits[0]!.statusHistory.at(-1)).toMatchObject({ status: 'cancelled', reason: 'Called off' });
  });
});
