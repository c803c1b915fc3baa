import { describe, expect, it } from 'vitest';
import {
  applyStatusChange,
  createVisit,
  dayDate,
  firstDateNotGiven,
  historyInDateOrder,
  historyOrderError,
  isOverdue,
  monthDate,
  redateStatusChange,
  requiresReason,
  visitSchema,
  windowDate,
  type Clock,
  type Visit,
  type VisitStatus,
} from '../../../shared/model';
import { buildSeed } from '../../../shared/seed';

/** Deterministic ids; the clock reads 7 December 2026, the day the visits are typed. */
function testClock(): Clock {
  let n = 0;
  let t = Date.UTC(2026, 11, 7, 12);
  return {
    newId: () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`,
    now: () => new Date((t += 1000)).toISOString(),
  };
}

const TRAVELLER = '11111111-1111-4111-8111-111111111111';

function plan(firstOn: string, clock: Clock, status: VisitStatus = 'planned'): Visit {
  return createVisit(
    {
      travellerId: TRAVELLER,
      place: { country: 'FR', city: 'Paris', lat: null, lon: null },
      kind: 'official',
      purpose: '',
      start: dayDate('2026-03-10'),
      end: null,
      tags: [],
      hostIds: [],
      status,
    },
    clock,
    firstOn,
  );
}

function apply(v: Visit, clock: Clock, req: Parameters<typeof applyStatusChange>[1]): Visit {
  const r = applyStatusChange(v, req, clock);
  if (!r.ok) throw new Error(r.error);
  expect(visitSchema.safeParse(r.value).success).toBe(true);
  return r.value;
}

describe('the status history is kept in date order', () => {
  it('a back-dated first status bounds the changes after it', () => {
    const clock = testClock();
    const v = plan('2026-01-20', clock);
    expect(firstDateNotGiven(v.statusHistory[0]!)).toBe(false);
    const refused = applyStatusChange(v, { to: 'postponed', on: '2026-01-10', reason: 'Summit moved' }, clock);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toMatch(/cannot be dated before the last one in the history \(planned on 20 January 2026\)/);
    const postponed = apply(v, clock, { to: 'postponed', on: '2026-02-15', reason: 'Summit moved' });
    const again = apply(postponed, clock, { to: 'planned', on: '2026-03-01', reason: '', start: dayDate('2026-05-20') });
    const done = apply(again, clock, { to: 'completed', on: '2026-05-20', reason: '' });
    expect(historyInDateOrder(done.statusHistory).map((c) => c.on)).toEqual(['2026-01-20', '2026-02-15', '2026-03-01', '2026-05-20']);
    // The same day as the change before it is in order (two changes reported on one day).
    expect(applyStatusChange(done, { to: 'planned', on: '2026-05-20', reason: 'Wrong record' }, clock).ok).toBe(true);
  });

  it('a first status dated the day it was typed (existing data) does not bound later changes', () => {
    const clock = testClock();
    const v = plan('2026-12-07', clock);
    expect(firstDateNotGiven(v.statusHistory[0]!)).toBe(true);
    const postponed = apply(v, clock, { to: 'postponed', on: '2026-02-15', reason: 'Summit moved' });
    expect(historyOrderError(postponed.statusHistory)).toBeNull();
    // Shown first: it is the first state, its date is only when it was recorded.
    expect(historyInDateOrder(postponed.statusHistory).map((c) => c.status)).toEqual(['planned', 'postponed']);
  });

  it('the schema refuses a history out of date order, naming the entry (backups and every write path)', () => {
    const clock = testClock();
    const v = apply(plan('2026-01-20', clock), clock, { to: 'postponed', on: '2026-02-15', reason: 'Summit moved' });
    const broken = { ...v, statusHistory: [v.statusHistory[0]!, { ...v.statusHistory[1]!, on: '2026-01-02' }] };
    const r = visitSchema.safeParse(broken);
    expect(r.success).toBe(false);
    expect(!r.success && r.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'statusHistory.1.on',
        'Status change 2 (postponed, 2 January 2026) is dated before the change it follows (planned, 20 January 2026): the history must be in date order',
      ],
    ]);
  });

  it('historyInDateOrder sorts a stored history by day, stored order breaking ties', () => {
    const clock = testClock();
    const v = apply(plan('2026-01-20', clock), clock, { to: 'postponed', on: '2026-02-15', reason: 'x' });
    const [a, b] = v.statusHistory;
    expect(historyInDateOrder([b!, a!]).map((c) => c.on)).toEqual(['2026-01-20', '2026-02-15']);
    expect(historyInDateOrder([a!, { ...b!, on: a!.on }]).map((c) => c.status)).toEqual(['planned', 'postponed']);
  });
});

describe('redateStatusChange', () => {
  it('dates the first status (when the plan was announced) within its neighbours', () => {
    const clock = testClock();
    const v = apply(plan('2026-12-07', clock), clock, { to: 'postponed', on: '2026-02-15', reason: 'Summit moved' });
    const first = v.statusHistory[0]!;
    const late = redateStatusChange(v, first.id, '2026-03-01', clock);
    expect(!late.ok && late.error).toMatch(/cannot be dated after the one below it \(15 February 2026\)/);
    const r = redateStatusChange(v, first.id, '2026-01-05', clock);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.statusHistory[0]).toEqual({ ...first, on: '2026-01-05' });
    expect(firstDateNotGiven(r.value.statusHistory[0]!)).toBe(false);
    expect(r.value.updatedAt > v.updatedAt).toBe(true);
    expect(visitSchema.safeParse(r.value).success).toBe(true);
    // Now the first date bounds the change after it.
    const second = r.value.statusHistory[1]!;
    expect(redateStatusChange(r.value, second.id, '2026-01-01', clock).ok).toBe(false);
    expect(redateStatusChange(r.value, second.id, 'not a day', clock).ok).toBe(false);
    expect(redateStatusChange(r.value, 'missing', '2026-01-10', clock).ok).toBe(false);
  });
});

describe('reschedule and reopen', () => {
  it('a planned visit is rescheduled with new dates, the old ones kept in the history', () => {
    const clock = testClock();
    const v = plan('2026-01-20', clock);
    const same = applyStatusChange(v, { to: 'planned', on: '2026-04-01', reason: '' }, clock);
    expect(!same.ok && same.error).toMatch(/Give the new dates/);
    const moved = apply(v, clock, { to: 'planned', on: '2026-04-01', reason: 'New date announced', start: monthDate(2026, 9) });
    expect(moved.statusHistory.map((c) => [c.from, c.status, c.start?.from])).toEqual([
      [null, 'planned', '2026-03-10'],
      ['planned', 'planned', '2026-09-01'],
    ]);
    expect(moved.startKey).toBe('2026-09-01');
  });

  it('a completed or cancelled visit is reopened with a reason, kept in the history', () => {
    expect(requiresReason('planned', 'completed')).toBe(true);
    expect(requiresReason('underway', 'cancelled')).toBe(true);
    expect(requiresReason('planned', 'postponed')).toBe(false);
    expect(requiresReason('planned')).toBe(false);
    const clock = testClock();
    const done = apply(plan('2026-01-20', clock), clock, { to: 'completed', on: '2026-03-10', reason: '' });
    const silent = applyStatusChange(done, { to: 'planned', on: '2026-03-12', reason: ' ' }, clock);
    expect(silent).toEqual({ ok: false, error: 'Say why the completed visit is reopened.' });
    const reopened = apply(done, clock, { to: 'planned', on: '2026-03-12', reason: 'The trip was cancelled at the airport' });
    expect(reopened.status).toBe('planned');
    expect(reopened.statusHistory.at(-1)).toMatchObject({
      from: 'completed',
      status: 'planned',
      reason: 'The trip was cancelled at the airport',
    });
    const cancelled = apply(plan('2026-01-20', clock), clock, { to: 'cancelled', on: '2026-02-01', reason: 'Called off' });
    expect(apply(cancelled, clock, { to: 'underway', on: '2026-03-10', reason: 'It went ahead after all' }).status).toBe('underway');
  });
});

describe('overdue', () => {
  it('the seeded Washington plan ("within weeks" of July 2020) is overdue today, not on its window', () => {
    const seed = buildSeed();
    const washington = seed.visits.find((v) => v.place.country === 'US')!;
    expect(washington.start).toEqual(windowDate('2020-07-22', '2020-09-02', 'within weeks'));
    expect(isOverdue(washington, '2026-12-07')).toBe(true);
    expect(isOverdue(washington, '2020-09-02')).toBe(false);
    // The postponed Saudi trip has no dates: nothing to be late against.
    expect(seed.visits.filter((v) => isOverdue(v, '2026-12-07')).map((v) => v.place.country)).toEqual(['US']);
    // Seeded first statuses cite the article: their day is a date given, and it bounds later changes.
    expect(seed.visits.map((v) => firstDateNotGiven(v.statusHistory[0]!))).toEqual([false, false, false]);
  });

  it('recording what happened clears it; an undated plan never comes due', () => {
    const clock = testClock();
    const v = plan('2026-01-20', clock);
    expect(isOverdue(v, '2026-12-07')).toBe(true);
    expect(isOverdue(apply(v, clock, { to: 'completed', on: '2026-03-10', reason: '' }), '2026-12-07')).toBe(false);
    expect(isOverdue({ ...v, start: null, end: null }, '2026-12-07')).toBe(false);
  });
});
