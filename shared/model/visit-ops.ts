import { isValidDay } from './dates';
import type { FuzzyDate } from './fuzzy-date';
import type { StatusChange, Visit, VisitDraft } from './schemas';
import { isReschedule, requiresReason, transitionError, type VisitStatus } from './status';
import { earliestDayFor, latestDayFor } from './status-history';
import { dayLabel } from './visit-format';

/** Ids and clocks are injected so that these functions stay pure and tests stay deterministic. */
export interface Clock {
  newId(): string;
  /** ISO timestamp */
  now(): string;
}

export interface StatusChangeRequest {
  to: VisitStatus;
  /** The day it happened in the world. */
  on: string;
  reason: string;
  sourceId?: string | null;
  /** New dates, e.g. when rescheduling. Undefined keeps the current ones. */
  start?: FuzzyDate | null;
  end?: FuzzyDate | null;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** A new visit from a validated draft: its history starts with its first status. */
export function createVisit(
  draft: VisitDraft,
  clock: Clock,
  firstOn: string,
  extra: Partial<Pick<Visit, 'sourceIds' | 'delegationIds' | 'tourId'>> = {},
): Visit {
  const now = clock.now();
  const first: StatusChange = {
    id: clock.newId(),
    status: draft.status,
    from: null,
    on: firstOn,
    reason: '',
    sourceId: null,
    start: draft.start,
    end: draft.end,
    recordedAt: now,
  };
  return {
    id: clock.newId(),
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    travellerId: draft.travellerId,
    delegationIds: extra.delegationIds ?? [],
    hostIds: draft.hostIds,
    place: draft.place,
    kind: draft.kind,
    purpose: draft.purpose,
    start: draft.start,
    end: draft.end,
    status: draft.status,
    statusHistory: [first],
    tourId: extra.tourId ?? null,
    tags: draft.tags,
    sourceIds: extra.sourceIds ?? [],
    startKey: draft.start?.from ?? '',
  };
}

function sameDate(a: FuzzyDate | null, b: FuzzyDate | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Applies a status change if the state machine allows it. The change is appended to the history
 * with its day, reason and source; the visit's dates move when the request gives new ones. The
 * history stays in date order: a change dated before the last entry is refused (the user corrects
 * that entry's date first, see redateStatusChange). A reschedule must give new dates.
 */
export function applyStatusChange(visit: Visit, req: StatusChangeRequest, clock: Clock): Result<Visit> {
  if (!isValidDay(req.on)) return { ok: false, error: `The date of the change (${req.on || 'empty'}) is not a calendar day` };
  const refused = transitionError(visit.status, req.to);
  if (refused) return { ok: false, error: refused };
  if (requiresReason(req.to, visit.status) && req.reason.trim() === '') {
    return { ok: false, error: reasonMissing(visit.status, req.to) };
  }
  const earliest = earliestDayFor(visit.statusHistory, visit.statusHistory.length);
  if (earliest !== null && req.on < earliest) {
    const last = visit.statusHistory[visit.statusHistory.length - 1]!;
    return {
      ok: false,
      error: `The change cannot be dated before the last one in the history (${last.status} on ${dayLabel(last.on)}): the history is kept in date order. Date it ${dayLabel(earliest)} or later, or correct that entry's date first.`,
    };
  }
  const start = req.start === undefined ? visit.start : req.start;
  const end = req.end === undefined ? visit.end : req.end;
  if (start && end && end.to < start.from) return { ok: false, error: 'The end date is before the start date' };
  if (visit.status === req.to && isReschedule(visit.status, req.to) && sameDate(start, visit.start) && sameDate(end, visit.end)) {
    return { ok: false, error: 'Give the new dates: rescheduling keeps the old ones in the history and sets new ones.' };
  }
  const now = clock.now();
  const change: StatusChange = {
    id: clock.newId(),
    status: req.to,
    from: visit.status,
    on: req.on,
    reason: req.reason.trim(),
    sourceId: req.sourceId ?? null,
    start,
    end,
    recordedAt: now,
  };
  return {
    ok: true,
    value: {
      ...visit,
      status: req.to,
      start,
      end,
      startKey: start?.from ?? '',
      statusHistory: [...visit.statusHistory, change],
      updatedAt: now,
    },
  };
}

/** The words for a missing reason: reopening is a correction, the others are events in the world. */
export function reasonMissing(from: VisitStatus, to: VisitStatus): string {
  if ((from === 'completed' || from === 'cancelled') && to !== 'postponed' && to !== 'cancelled') {
    return `Say why the ${from} visit is reopened.`;
  }
  return `Say why the visit was ${to}.`;
}

/**
 * Corrects the day of one history entry (the day a plan was announced, a change took effect), the
 * rest of it unchanged. The new day must keep the history in date order: on or after the entry
 * before it and on or before the one after it.
 */
export function redateStatusChange(visit: Visit, changeId: string, on: string, clock: Clock): Result<Visit> {
  if (!isValidDay(on)) return { ok: false, error: `The date (${on || 'empty'}) is not a calendar day` };
  const index = visit.statusHistory.findIndex((c) => c.id === changeId);
  if (index < 0) return { ok: false, error: 'This entry is no longer in the visit’s history.' };
  const earliest = earliestDayFor(visit.statusHistory, index);
  const latest = latestDayFor(visit.statusHistory, index);
  if (earliest !== null && on < earliest) {
    return {
      ok: false,
      error: `The history is kept in date order: this entry cannot be dated before the one above it (${dayLabel(earliest)}).`,
    };
  }
  if (latest !== null && on > latest) {
    return {
      ok: false,
      error: `The history is kept in date order: this entry cannot be dated after the one below it (${dayLabel(latest)}).`,
    };
  }
  const now = clock.now();
  return {
    ok: true,
    value: {
      ...visit,
      statusHistory: visit.statusHistory.map((c, i) => (i === index ? { ...c, on } : c)),
      updatedAt: now,
    },
  };
}

/** Edits the user's fields. Status is changed only through applyStatusChange. */
export function updateVisit(visit: Visit, draft: Omit<VisitDraft, 'status'>, clock: Clock): Visit {
  return {
    ...visit,
    travellerId: draft.travellerId,
    hostIds: draft.hostIds,
    place: draft.place,
    kind: draft.kind,
    purpose: draft.purpose,
    start: draft.start,
    end: draft.end,
    tags: draft.tags,
    startKey: draft.start?.from ?? '',
    updatedAt: clock.now(),
  };
}

/**
 * Checks the optional day a new visit's first status is dated with (when the plan was announced,
 * the visit first reported): empty means the day it is recorded; a day after today is refused.
 */
export function firstStatusDayError(day: string, today: string): string | null {
  if (day === '') return null;
  if (!isValidDay(day)) return 'Enter a calendar day, or leave it empty.';
  if (day > today) return 'This date cannot be after today: it says when the status was first announced or reported.';
  return null;
}
