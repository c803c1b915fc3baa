import { z } from 'zod';
import type { FuzzyDate } from './fuzzy-date';

export const VISIT_STATUSES = ['planned', 'postponed', 'underway', 'completed', 'cancelled'] as const;
export const visitStatusSchema = z.enum(VISIT_STATUSES);
export type VisitStatus = z.infer<typeof visitStatusSchema>;

/**
 * The status state machine. A trip that is planned can be postponed, begin, be completed (recorded
 * after the fact), be called off, or be rescheduled (planned again with new dates, kept in the
 * history); a postponed trip is either rescheduled (back to planned) or cancelled; an underway trip
 * ends completed or is cut off (cancelled). A completed or cancelled trip can be reopened (planned or
 * underway again) when the record was wrong or the trip was revived: a correction with a reason,
 * kept in the history like any other change, rather than an edit that leaves no trace.
 */
export const TRANSITIONS: Readonly<Record<VisitStatus, readonly VisitStatus[]>> = Object.freeze({
  planned: ['postponed', 'underway', 'completed', 'cancelled', 'planned'],
  postponed: ['planned', 'cancelled'],
  underway: ['completed', 'cancelled'],
  completed: ['planned', 'underway'],
  cancelled: ['planned', 'underway'],
});

export function canTransition(from: VisitStatus, to: VisitStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function allowedTransitions(from: VisitStatus): readonly VisitStatus[] {
  return TRANSITIONS[from];
}

/** A trip that had ended (completed or cancelled) made open again: a correction or a revival. */
function isReopen(from: VisitStatus | null | undefined, to: VisitStatus): boolean {
  return (from === 'completed' || from === 'cancelled') && (to === 'planned' || to === 'underway');
}

/** A planned trip given new dates: the only change that keeps its status. */
export function isReschedule(from: VisitStatus | null | undefined, to: VisitStatus): boolean {
  return to === 'planned' && (from === 'planned' || from === 'postponed');
}

/**
 * A trip that is postponed, called off or reopened must say why: the record has to answer "why did
 * this trip move, and who said so?". The status dialog, applyStatusChange and the importers all ask
 * here; `from` is the status it leaves (reopening needs a reason, planning for the first time not).
 */
export function requiresReason(status: VisitStatus, from?: VisitStatus | null): boolean {
  return status === 'postponed' || status === 'cancelled' || isReopen(from, status);
}

/** Statuses after which the trip's dates are worth restating: a new plan, or when it actually happened. */
export function takesDates(status: VisitStatus): boolean {
  return status === 'planned' || status === 'underway' || status === 'completed';
}

/** What the user sees for a transition: "Reschedule" reads better than "postponed → planned". */
export function transitionLabel(from: VisitStatus, to: VisitStatus): string {
  if (isReschedule(from, to)) return 'Reschedule';
  if (isReopen(from, to)) return to === 'planned' ? 'Reopen as planned' : 'Reopen as underway';
  switch (to) {
    case 'postponed':
      return 'Postpone';
    case 'underway':
      return 'Mark underway';
    case 'completed':
      return 'Mark completed';
    case 'cancelled':
      return 'Cancel';
    case 'planned':
      return 'Plan';
  }
}

/** The reason the machine refuses a transition, in words a user understands. */
export function transitionError(from: VisitStatus, to: VisitStatus): string | null {
  if (canTransition(from, to)) return null;
  if (from === to) return `The visit is already ${from}.`;
  const allowed = TRANSITIONS[from].filter((s) => s !== from);
  return `A ${from} visit cannot become ${to}; it can become ${allowed.join(' or ')}.`;
}

/** The last day a visit's dates allow: the end's, else the start's (a window's or month's last day); null when undated. */
export function lastPossibleDay(v: { start: FuzzyDate | null; end: FuzzyDate | null }): string | null {
  return v.end?.to ?? v.start?.to ?? null;
}

/**
 * A plan that has come due: planned or postponed, and its date, or the whole of its window or
 * month, has passed before `asOf` (a calendar day). An undated plan is never overdue: there is
 * nothing to be late against.
 */
export function isOverdue(v: { status: VisitStatus; start: FuzzyDate | null; end: FuzzyDate | null }, asOf: string): boolean {
  if (v.status !== 'planned' && v.status !== 'postponed') return false;
  const last = lastPossibleDay(v);
  return last !== null && last < asOf;
}
