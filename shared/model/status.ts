import { z } from 'zod';
import type { FuzzyDate } from './fuzzy-date';

export const VISIT_STATUSES = ['planned', 'postponed', 'underway', 'completed', 'cancelled'] as const;
export const visitStatusSchema = z.enum(VISIT_STATUSES);
export type VisitStatus = z.infer<typeof visitStatusSchema>;

/**
 * The status state machine. A trip that is planned can be postponed, begin, be completed (recorded
 * after the fact) or be called off; a postponed trip is either rescheduled (back to planned, usually
 * with new dates) or cancelled; an underway trip ends completed or is cut off (cancelled); a
 * cancelled trip can be revived (planned again). A completed trip is history: it moves no more
 * (a wrong record is corrected by editing it, not by a status change).
 */
export const TRANSITIONS: Readonly<Record<VisitStatus, readonly VisitStatus[]>> = Object.freeze({
  planned: ['postponed', 'underway', 'completed', 'cancelled'],
  postponed: ['planned', 'cancelled'],
  underway: ['completed', 'cancelled'],
  completed: [],
  cancelled: ['planned'],
});

export function canTransition(from: VisitStatus, to: VisitStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function allowedTransitions(from: VisitStatus): readonly VisitStatus[] {
  return TRANSITIONS[from];
}

/**
 * A trip that is postponed or called off must say why: the record has to answer "why did this
 * trip move, and who said so?". The status dialog, applyStatusChange and the importers all ask here.
 */
export function requiresReason(status: VisitStatus): boolean {
  return status === 'postponed' || status === 'cancelled';
}

/** Statuses after which the trip's dates are worth restating: a new plan, or when it actually happened. */
export function takesDates(status: VisitStatus): boolean {
  return status === 'planned' || status === 'underway' || status === 'completed';
}

/** What the user sees for a transition: "Reschedule" reads better than "postponed → planned". */
export function transitionLabel(from: VisitStatus, to: VisitStatus): string {
  if (from === 'postponed' && to === 'planned') return 'Reschedule';
  if (from === 'cancelled' && to === 'planned') return 'Revive (planned again)';
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
  if (from === 'completed') return 'A completed visit cannot change status; edit the record to correct it.';
  const allowed = TRANSITIONS[from];
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
