import { addDays, daysBetween } from '../model/dates';
import { applyStatusChange, dayLabel, type Clock, type Person, type Visit } from '../model';
import { samePerson } from '../people/names';

/**
 * Reconciliation: after an import, planned and postponed visits are matched against recorded
 * ones (completed or underway) and proposed to the user. Nothing changes until the user accepts.
 *
 * - "fulfilled-by": a planned visit whose recorded counterpart (same person by name or alias, same
 *   host country) starts inside the planned dates or window, give or take `toleranceDays`.
 * - "rescheduled-as": a postponed visit that a recorded one follows (after the postponement, within
 *   `horizonDays`), or a planned visit that took place later than its window.
 */
export type ProposalKind = 'fulfilled-by' | 'rescheduled-as';

export interface ReconcileProposal {
  kind: ProposalKind;
  /** The planned or postponed visit. */
  plannedId: string;
  /** The recorded (completed/underway) visit. */
  recordedId: string;
  /** Days between the planned dates and the recorded start (0 inside the window). */
  dayDistance: number;
  /** Why the two match, in words. */
  reason: string;
}

export interface ReconcileOptions {
  toleranceDays?: number;
  horizonDays?: number;
}

function distanceToWindow(day: string, from: string, to: string): number {
  if (day < from) return daysBetween(day, from);
  if (day > to) return daysBetween(to, day);
  return 0;
}

export function reconcile(visits: readonly Visit[], people: readonly Person[], options: ReconcileOptions = {}): ReconcileProposal[] {
  const tolerance = options.toleranceDays ?? 14;
  const horizon = options.horizonDays ?? 365;
  const live = visits.filter((v) => !v.deletedAt);
  const personById = new Map(people.map((p) => [p.id, p]));
  const same = (a: string, b: string): boolean => {
    if (a === b) return true;
    const pa = personById.get(a);
    const pb = personById.get(b);
    return !!pa && !!pb && samePerson(pa, pb);
  };
  const recorded = live.filter((v) => (v.status === 'completed' || v.status === 'underway') && v.start);
  const proposals: ReconcileProposal[] = [];
  for (const p of live) {
    if (p.status !== 'planned' && p.status !== 'postponed') continue;
    let best: ReconcileProposal | null = null;
    for (const r of recorded) {
      if (r.id === p.id || r.place.country !== p.place.country || !same(p.travellerId, r.travellerId)) continue;
      const day = r.start!.from;
      let candidate: ReconcileProposal | null = null;
      if (p.status === 'planned' && p.start) {
        const d = distanceToWindow(day, p.start.from, p.end?.to ?? p.start.to);
        if (d <= tolerance) {
          candidate = {
            kind: 'fulfilled-by',
            plannedId: p.id,
            recordedId: r.id,
            dayDistance: d,
            reason:
              d === 0
                ? `Recorded on ${dayLabel(day)}, inside the planned dates`
                : `Recorded on ${dayLabel(day)}, ${d} day(s) from the planned dates`,
          };
        } else if (day > p.start.to && daysBetween(p.start.to, day) <= horizon) {
          candidate = {
            kind: 'rescheduled-as',
            plannedId: p.id,
            recordedId: r.id,
            dayDistance: d,
            reason: `Recorded on ${dayLabel(day)}, ${d} days after the planned dates`,
          };
        }
      } else if (p.status === 'postponed') {
        const postponedOn = [...p.statusHistory].reverse().find((c) => c.status === 'postponed')?.on ?? p.start?.from ?? p.startKey;
        if (postponedOn && day >= postponedOn && day <= addDays(postponedOn, horizon)) {
          const d = daysBetween(postponedOn, day);
          candidate = {
            kind: 'rescheduled-as',
            plannedId: p.id,
            recordedId: r.id,
            dayDistance: d,
            reason: `Recorded on ${dayLabel(day)}, ${d} days after it was postponed (${dayLabel(postponedOn)})`,
          };
        }
      }
      if (candidate && (!best || candidate.dayDistance < best.dayDistance)) best = candidate;
    }
    if (best) proposals.push(best);
  }
  return proposals.sort((a, b) => a.dayDistance - b.dayDistance || (a.plannedId < b.plannedId ? -1 : 1));
}

export type AcceptResult = { ok: true; planned: Visit; recorded: Visit } | { ok: false; error: string };

function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])];
}

/**
 * What accepting a proposal does: the planned visit's status history records how it ended (with
 * the recorded visit's dates and source), it takes over the recorded visit's sources, tags and
 * hosts, and the recorded visit — now a duplicate — is soft-deleted (kept for undo and so that a
 * re-import recognises it and does not bring it back).
 */
export function acceptProposal(planned: Visit, recorded: Visit, proposal: ReconcileProposal, clock: Clock): AcceptResult {
  if (planned.id !== proposal.plannedId || recorded.id !== proposal.recordedId)
    return { ok: false, error: 'The proposal does not match these visits.' };
  if (!recorded.start) return { ok: false, error: 'The recorded visit has no date.' };
  const day = recorded.start.from;
  const sourceId = recorded.sourceIds[0] ?? null;
  const dates = { start: recorded.start, end: recorded.end };
  let current = planned;
  if (planned.status === 'postponed') {
    const r = applyStatusChange(
      current,
      { to: 'planned', on: day, reason: `Rescheduled: a recorded visit took place on ${dayLabel(day)}`, sourceId, ...dates },
      clock,
    );
    if (!r.ok) return r;
    current = r.value;
  } else if (planned.status !== 'planned') {
    return { ok: false, error: `The visit is ${planned.status} now; only planned or postponed visits can be reconciled.` };
  }
  const reason =
    proposal.kind === 'fulfilled-by'
      ? `Fulfilled by the recorded visit of ${dayLabel(day)}`
      : `Took place on ${dayLabel(day)}, later than first planned`;
  const done = applyStatusChange(
    current,
    { to: recorded.status === 'underway' ? 'underway' : 'completed', on: day, reason, sourceId, ...dates },
    clock,
  );
  if (!done.ok) return done;
  const now = clock.now();
  return {
    ok: true,
    planned: {
      ...done.value,
      sourceIds: union(done.value.sourceIds, recorded.sourceIds),
      tags: union(done.value.tags, recorded.tags),
      hostIds: union(done.value.hostIds, recorded.hostIds),
      place: done.value.place.city ? done.value.place : recorded.place,
      kind: done.value.kind === 'unknown' ? recorded.kind : done.value.kind,
      purpose: done.value.purpose || recorded.purpose,
      updatedAt: now,
    },
    recorded: { ...recorded, deletedAt: now, updatedAt: now },
  };
}

/** Stable key of a proposal, to remember the ones the user rejected. */
export function proposalKey(p: Pick<ReconcileProposal, 'plannedId' | 'recordedId'>): string {
  return `${p.plannedId}>${p.recordedId}`;
}
