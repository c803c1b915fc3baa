import { describe, expect, it } from 'vitest';
import {
  TRANSITIONS,
  VISIT_STATUSES,
  allowedTransitions,
  applyStatusChange,
  canTransition,
  createVisit,
  dayDate,
  monthDate,
  requiresReason,
  takesDates,
  transitionError,
  transitionLabel,
  visitSchema,
  windowDate,
  type Clock,
  type Visit,
  type VisitStatus,
} from '../../../shared/model';

/** Deterministic ids and times: 00000000-0000-4000-8000-000000000001, ... */
function testClock(): Clock {
  let n = 0;
  let t = Date.UTC(2020, 6, 22, 12);
  return {
    newId: () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`,
    now: () => new Date((t += 1000)).toISOString(),
  };
}

const TRAVELLER = '11111111-1111-4111-8111-111111111111';
const SOURCE = '22222222-2222-4222-8222-222222222222';

function buildVisit(status: VisitStatus, clock: Clock = testClock(), overrides: Partial<Parameters<typeof createVisit>[0]> = {}): Visit {
  return createVisit(
    {
      travellerId: TRAVELLER,
      place: { country: 'SA', city: null, lat: null, lon: null },
      kind: 'official',
      purpose: 'First trip abroad',
      start: dayDate('2020-07-20'),
      end: null,
      tags: [],
      hostIds: [],
      status,
      ...overrides,
    },
    clock,
    '2020-07-01',
    { sourceIds: [SOURCE] },
  );
}

const EXPECTED_ALLOWED: ReadonlyArray<readonly [VisitStatus, VisitStatus]> = [
  ['planned', 'postponed'],
  ['planned', 'underway'],
  ['planned', 'completed'],
  ['planned', 'cancelled'],
  ['planned', 'planned'],
  ['postponed', 'planned'],
  ['postponed', 'cancelled'],
  ['underway', 'completed'],
  ['underway', 'cancelled'],
  ['completed', 'planned'],
  ['completed', 'underway'],
  ['cancelled', 'planned'],
  ['cancelled', 'underway'],
];
const isExpected = (from: VisitStatus, to: VisitStatus) => EXPECTED_ALLOWED.some(([a, b]) => a === from && b === to);
const ALL_PAIRS = VISIT_STATUSES.flatMap((from) => VISIT_STATUSES.map((to) => [from, to] as const));

describe('the status machine', () => {
  it('has five statuses and 25 pairs', () => {
    expect(VISIT_STATUSES).toEqual(['planned', 'postponed', 'underway', 'completed', 'cancelled']);
    expect(ALL_PAIRS).toHaveLength(25);
    expect(Object.values(TRANSITIONS).flat()).toHaveLength(EXPECTED_ALLOWED.length);
  });

  it.each(ALL_PAIRS)('%s → %s follows TRANSITIONS', (from, to) => {
    const allowed = TRANSITIONS[from].includes(to);
    expect(allowed).toBe(isExpected(from, to));
    expect(canTransition(from, to)).toBe(allowed);
    expect(allowedTransitions(from).includes(to)).toBe(allowed);
    const error = transitionError(from, to);
    if (allowed) {
      expect(error).toBeNull();
    } else {
      expect(error).toEqual(expect.any(String));
      expect(error!.length).toBeGreaterThan(10);
    }
  });

  it.each(ALL_PAIRS)('applyStatusChange %s → %s is applied only when allowed', (from, to) => {
    const visit = buildVisit(from);
    // New dates: a reschedule (planned → planned) must give them; the other changes take them too.
    const req = { to, on: '2020-07-20', reason: 'Because', sourceId: SOURCE, start: dayDate('2020-08-03') };
    const result = applyStatusChange(visit, req, testClock());
    expect(result.ok).toBe(isExpected(from, to));
    if (result.ok) {
      expect(result.value.status).toBe(to);
      expect(visitSchema.safeParse(result.value).success).toBe(true);
    } else {
      expect(result.error).toBe(transitionError(from, to));
      expect(visit.status).toBe(from);
      expect(visit.statusHistory).toHaveLength(1);
    }
  });

  it('explains refusals in words', () => {
    expect(transitionError('postponed', 'postponed')).toBe('The visit is already postponed.');
    expect(transitionError('completed', 'cancelled')).toBe('A completed visit cannot become cancelled; it can become planned or underway.');
    expect(transitionError('postponed', 'completed')).toBe(
      'A postponed visit cannot become completed; it can become planned or cancelled.',
    );
  });

  it('labels transitions', () => {
    expect(transitionLabel('postponed', 'planned')).toBe('Reschedule');
    expect(transitionLabel('planned', 'planned')).toBe('Reschedule');
    expect(transitionLabel('cancelled', 'planned')).toBe('Reopen as planned');
    expect(transitionLabel('completed', 'planned')).toBe('Reopen as planned');
    expect(transitionLabel('completed', 'underway')).toBe('Reopen as underway');
    expect(transitionLabel('planned', 'postponed')).toBe('Postpone');
    expect(transitionLabel('planned', 'cancelled')).toBe('Cancel');
    expect(transitionLabel('underway', 'completed')).toBe('Mark completed');
    expect(transitionLabel('planned', 'underway')).toBe('Mark underway');
  });
});

describe('createVisit', () => {
  it('starts the history with the first status', () => {
    const v = buildVisit('planned');
    expect(visitSchema.safeParse(v).success).toBe(true);
    expect(v.statusHistory).toEqual([
      {
        id: '00000000-0000-4000-8000-000000000001',
        status: 'planned',
        from: null,
        on: '2020-07-01',
        reason: '',
        sourceId: null,
        start: dayDate('2020-07-20'),
        end: null,
        recordedAt: v.createdAt,
      },
    ]);
    expect(v.id).toBe('00000000-0000-4000-8000-000000000002');
    expect(v.startKey).toBe('2020-07-20');
    expect(v.sourceIds).toEqual([SOURCE]);
    expect(v.deletedAt).toBeNull();
  });

  it('keeps an unknown start as an empty startKey', () => {
    expect(buildVisit('planned', testClock(), { start: null }).startKey).toBe('');
  });
});

describe('applyStatusChange', () => {
  it('records from, on, reason, source and dates', () => {
    const clock = testClock();
    const v = buildVisit('planned', clock);
    const r = applyStatusChange(
      v,
      { to: 'postponed', on: '2020-07-20', reason: '  King Salman was hospitalised  ', sourceId: SOURCE },
      clock,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const last = r.value.statusHistory.at(-1)!;
    expect(last).toMatchObject({
      status: 'postponed',
      from: 'planned',
      on: '2020-07-20',
      reason: 'King Salman was hospitalised',
      sourceId: SOURCE,
      start: dayDate('2020-07-20'),
      end: null,
    });
    expect(last.recordedAt).toBe(r.value.updatedAt);
    expect(r.value.updatedAt > v.updatedAt).toBe(true);
    expect(r.value.statusHistory).toHaveLength(2);
    expect(r.value.statusHistory[0]).toEqual(v.statusHistory[0]);
    expect(new Set(r.value.statusHistory.map((c) => c.id)).size).toBe(2);
    // The input is not mutated.
    expect(v.status).toBe('planned');
    expect(v.statusHistory).toHaveLength(1);
  });

  it('defaults the source to null', () => {
    const r = applyStatusChange(buildVisit('planned'), { to: 'underway', on: '2020-07-20', reason: '' }, testClock());
    expect(r.ok && r.value.statusHistory.at(-1)!.sourceId).toBeNull();
  });

  it.each(['postponed', 'cancelled'] as const)('requires a reason to become %s', (to) => {
    const r = applyStatusChange(buildVisit('planned'), { to, on: '2020-07-20', reason: '   ' }, testClock());
    expect(r).toEqual({ ok: false, error: `Say why the visit was ${to}.` });
  });

  it.each(['underway', 'completed'] as const)('does not require a reason to become %s', (to) => {
    expect(applyStatusChange(buildVisit('planned'), { to, on: '2020-07-21', reason: '' }, testClock()).ok).toBe(true);
  });

  it('refuses forbidden transitions', () => {
    const r = applyStatusChange(buildVisit('completed'), { to: 'cancelled', on: '2020-07-21', reason: 'Oops' }, testClock());
    expect(r.ok).toBe(false);
  });

  it('moves the dates and startKey on reschedule', () => {
    const clock = testClock();
    const postponed = applyStatusChange(
      buildVisit('planned', clock),
      { to: 'postponed', on: '2020-07-20', reason: 'King Salman was hospitalised', start: null },
      clock,
    );
    expect(postponed.ok).toBe(true);
    if (!postponed.ok) return;
    expect(postponed.value.start).toBeNull();
    expect(postponed.value.startKey).toBe('');
    const later = windowDate('2020-08-01', '2020-08-31', 'in August');
    const rescheduled = applyStatusChange(postponed.value, { to: 'planned', on: '2020-07-25', reason: 'New dates', start: later }, clock);
    expect(rescheduled.ok).toBe(true);
    if (!rescheduled.ok) return;
    expect(rescheduled.value.start).toEqual(later);
    expect(rescheduled.value.startKey).toBe('2020-08-01');
    expect(rescheduled.value.statusHistory.map((c) => c.status)).toEqual(['planned', 'postponed', 'planned']);
    expect(rescheduled.value.statusHistory.at(-1)).toMatchObject({ from: 'postponed', start: later });
    expect(visitSchema.safeParse(rescheduled.value).success).toBe(true);
  });

  it('keeps the dates when the request gives none', () => {
    const r = applyStatusChange(buildVisit('planned'), { to: 'underway', on: '2020-07-20', reason: '' }, testClock());
    expect(r.ok && r.value.start).toEqual(dayDate('2020-07-20'));
  });

  it('refuses new dates that end before they start', () => {
    const r = applyStatusChange(
      buildVisit('planned'),
      { to: 'completed', on: '2020-07-21', reason: '', start: dayDate('2020-07-21'), end: monthDate(2020, 6) },
      testClock(),
    );
    expect(r).toEqual({ ok: false, error: 'The end date is before the start date' });
  });
});

describe('status rules', () => {
  it('asks a reason of a postponed or cancelled trip, and new dates of a planned, underway or completed one', () => {
    expect(VISIT_STATUSES.filter((s) => requiresReason(s))).toEqual(['postponed', 'cancelled']);
    expect(VISIT_STATUSES.filter(takesDates)).toEqual(['planned', 'underway', 'completed']);
  });
});
