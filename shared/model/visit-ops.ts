import { isValidDay } from './dates';
import type { FuzzyDate } from './fuzzy-date';
import type { StatusChange, Visit, VisitDraft } from './schemas';
import { requiresReason, transitionError, type VisitStatus } from './status';

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

/**
 * Applies a status change if the state machine allows it. The change is appended to the history
 * with its day, reason and source; the visit's dates move when the request gives new ones.
 */
export function applyStatusChange(visit: Visit, req: StatusChangeRequest, clock: Clock): Result<Visit> {
  if (!isValidDay(req.on)) return { ok: false, error: `The date of the change (${req.on || 'empty'}) is not a calendar day` };
  const refused = transitionError(visit.status, req.to);
  if (refused) return { ok: false, error: refused };
  if (requiresReason(req.to) && req.reason.trim() === '') return { ok: false, error: `Say why the visit was ${req.to}.` };
  const start = req.start === undefined ? visit.start : req.start;
  const end = req.end === undefined ? visit.end : req.end;
  if (start && end && end.to < start.from) return { ok: false, error: 'The end date is before the start date' };
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
