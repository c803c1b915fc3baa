import {
  applyStatusChange,
  createVisit,
  liveRecords,
  localToday,
  updateVisit,
  visitDraftSchema,
  visitLabel,
  visitSchema,
  type ContextEvent,
  type Evidence,
  type Meeting,
  type Note,
  type Person,
  type Source,
  type StatusChangeRequest,
  type Visit,
  type VisitDraft,
  type VisitFilter,
} from '../../../shared/model';
import { NotFoundError, ValidationError } from '../errors';
import { clock, db } from '../instance';
import { assertIntegrity } from '../integrity';
import { listPeople } from '../people/repository';
import { RevisionCache } from '../revisions';
import { clockAfter, expectVersion, nextVersion, putBack } from '../version';
import { pushUndo } from '../undo';
import { queryVisits, type VisitSort } from './query';

export type { VisitFilter } from '../../../shared/model';

/**
 * The visits matching a filter, in the Visits list's order (see `visit-query.ts`): the ordered ids
 * come from key-only index reads, then one bulkGet reads the rows. Callers that show a long list
 * should page with `visitIds` + `visitPage` instead of reading every row.
 */
export async function listVisits(filter: VisitFilter = {}, sort: VisitSort = { field: 'start', dir: 'desc' }): Promise<Visit[]> {
  return queryVisits({ filter, sort });
}

export async function getVisit(id: string): Promise<Visit | undefined> {
  const v = await db.visits.get(id);
  return v && !v.deletedAt ? v : undefined;
}

export interface EvidenceWithSource extends Evidence {
  source: Source | undefined;
}

export interface VisitDetail {
  visit: Visit;
  traveller: Person | undefined;
  hosts: Person[];
  meetings: (Meeting & { participants: Person[] })[];
  evidence: EvidenceWithSource[];
  notes: Note[];
  sources: Source[];
  events: ContextEvent[];
}

/** Everything the visit's page shows, read in one transaction so it is consistent. */
export async function getVisitDetail(id: string): Promise<VisitDetail | null> {
  return db.transaction('r', [db.visits, db.people, db.meetings, db.evidence, db.sources, db.notes], async () => {
    const visit = await db.visits.get(id);
    if (!visit || visit.deletedAt) return null;
    const [traveller, hostsRaw, meetingsRaw, notes] = await Promise.all([
      db.people.get(visit.travellerId),
      db.people.bulkGet(visit.hostIds),
      db.meetings.where('visitId').equals(id).toArray(),
      db.notes.where('targetKey').equals(`visit:${id}`).toArray(),
    ]);
    const changeIds = visit.statusHistory.map((c) => c.id);
    const meetingIds = meetingsRaw.map((m) => m.id);
    const evidence = await db.evidence
      .where('recordId')
      .anyOf([id, ...changeIds, ...meetingIds])
      .toArray();
    // Every source the page names (not every source: each holds its article's full text).
    const sourceIds = [
      ...new Set([
        ...visit.sourceIds,
        ...evidence.map((e) => e.sourceId),
        ...visit.statusHistory.flatMap((c) => (c.sourceId ? [c.sourceId] : [])),
        ...meetingsRaw.flatMap((m) => m.quotes.flatMap((q) => (q.sourceId ? [q.sourceId] : []))),
      ]),
    ];
    const sources = (await db.sources.bulkGet(sourceIds)).filter((s): s is Source => !!s && !s.deletedAt);
    const byId = new Map(sources.map((s) => [s.id, s]));
    const participantIds = [...new Set(meetingsRaw.flatMap((m) => m.participantIds))];
    const participants = new Map((await db.people.bulkGet(participantIds)).filter((p): p is Person => !!p).map((p) => [p.id, p]));
    return {
      visit,
      traveller: traveller && !traveller.deletedAt ? traveller : undefined,
      hosts: hostsRaw.filter((p): p is Person => !!p && !p.deletedAt),
      meetings: meetingsRaw
        .filter((m) => !m.deletedAt)
        .map((m) => ({ ...m, participants: m.participantIds.map((pid) => participants.get(pid)).filter((p): p is Person => !!p) })),
      evidence: evidence.filter((e) => !e.deletedAt).map((e) => ({ ...e, source: byId.get(e.sourceId) })),
      notes: notes.filter((n) => !n.deletedAt).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1)),
      sources,
      events: [],
    };
  });
}

function validateDraft(draft: unknown): VisitDraft {
  const r = visitDraftSchema.safeParse(draft);
  if (!r.success) throw ValidationError.fromZod(r.error, 'The visit cannot be saved');
  return r.data;
}

async function requirePerson(id: string): Promise<void> {
  const p = await db.people.get(id);
  if (!p || p.deletedAt) throw new ValidationError('Choose a traveller from the list of people', { travellerId: 'Choose a traveller' });
}

/** Creates a visit from the form's draft. Transactional. Undo removes it again. */
export async function createVisitFromDraft(draft: VisitDraft, firstStatusOn: string = localToday()): Promise<Visit> {
  const valid = validateDraft(draft);
  const visit = createVisit(valid, clock, firstStatusOn);
  const checked = visitSchema.parse(visit);
  await db.transaction('rw', [db.visits, db.people, db.sources], async () => {
    await requirePerson(valid.travellerId);
    await assertIntegrity(db, [{ table: 'visits', record: checked }]);
    await db.visits.add(checked);
  });
  pushUndo({
    label: 'Create visit',
    revert: async () => {
      const at = clock.now();
      await db.visits.update(checked.id, { deletedAt: at, updatedAt: at });
    },
  });
  return checked;
}

/**
 * Saves the form's edits (not the status: that goes through changeVisitStatus). `version` is the
 * `updatedAt` of the visit the form started from: if the stored visit has moved on (another
 * window saved it, changed its status, …) nothing is written and a ConflictError carries the
 * visit as it is now (see version.ts). Transactional; undoable (the undo is versioned too: it
 * refuses, with a ConflictError, to put back the old visit over a later edit from elsewhere).
 */
export async function updateVisitFromDraft(id: string, draft: Omit<VisitDraft, 'status'>, version: string): Promise<Visit> {
  const valid = validateDraft({ ...draft, status: 'planned' });
  let before: Visit | undefined;
  let after: Visit | undefined;
  await db.transaction('rw', [db.visits, db.people, db.sources], async () => {
    before = await db.visits.get(id);
    if (!before || before.deletedAt) throw new NotFoundError('Visit', id);
    expectVersion('Visit', before, version);
    await requirePerson(valid.travellerId);
    after = visitSchema.parse(updateVisit(before, valid, clockAfter(clock, before.updatedAt)));
    await assertIntegrity(db, [{ table: 'visits', record: after, before }]);
    await db.visits.put(after);
  });
  const prev = before!;
  const saved = after!;
  pushUndo({ label: 'Edit visit', revert: () => putBack(db.visits, 'Visit', prev, saved.updatedAt) });
  return saved;
}

/**
 * Changes a visit's status through the state machine and appends the change to its history.
 * Refused transitions throw a ValidationError with the machine's reason. With `version` (the
 * dialog's), a visit changed since is refused with a ConflictError, so the user sees the change
 * first; without it the change applies to the visit as it is (the machine checks it against the
 * current status either way). Transactional; undoable.
 */
export async function changeVisitStatus(id: string, req: StatusChangeRequest, version?: string): Promise<Visit> {
  let before: Visit | undefined;
  let after: Visit | undefined;
  await db.transaction('rw', [db.visits, db.people, db.sources], async () => {
    before = await db.visits.get(id);
    if (!before || before.deletedAt) throw new NotFoundError('Visit', id);
    if (version !== undefined) expectVersion('Visit', before, version);
    const r = applyStatusChange(before, req, clockAfter(clock, before.updatedAt));
    if (!r.ok) throw new ValidationError(r.error);
    const checked = visitSchema.safeParse(r.value);
    if (!checked.success) throw ValidationError.fromZod(checked.error, 'The status change cannot be saved');
    after = checked.data;
    // The change's source, new in the history: it must be a source that is there.
    await assertIntegrity(db, [{ table: 'visits', record: after, before }]);
    await db.visits.put(after);
  });
  const prev = before!;
  const saved = after!;
  pushUndo({ label: `Status change to ${req.to}`, revert: () => putBack(db.visits, 'Visit', prev, saved.updatedAt) });
  return saved;
}

/**
 * Soft-deletes a visit (kept for undo and sync). Transactional. Undo puts the visit back exactly
 * as it was, version included, so that undoing an earlier edit after it still finds its version.
 */
export async function deleteVisit(id: string): Promise<void> {
  let before: Visit | undefined;
  let after: Visit | undefined;
  await db.transaction('rw', db.visits, async () => {
    before = await db.visits.get(id);
    if (!before) return;
    const at = nextVersion(clock, before.updatedAt);
    after = { ...before, deletedAt: at, updatedAt: at };
    await db.visits.put(after);
  });
  if (!before || !after) throw new NotFoundError('Visit', id);
  const prev = before;
  const deleted = after;
  pushUndo({ label: 'Delete visit', revert: () => putBack(db.visits, 'Visit', prev, deleted.updatedAt) });
}

/** Distinct host countries of live visits, for the filter's choices. */
async function visitCountries(): Promise<string[]> {
  const keys = await db.visits.orderBy('place.country').uniqueKeys();
  return keys.map(String);
}

/** The tables the visit filter's choices come from (for `useRevision`). */
export const FILTER_CHOICE_TABLES = ['people', 'visits'] as const;
const choiceCache = new RevisionCache<{ people: Person[]; countries: string[] }>(FILTER_CHOICE_TABLES, 1);

/**
 * The visit filter's choices: every person and the countries visits go to. Kept until a person or
 * a visit changes: reading them is slow with a large data set (every person; the countries by a
 * key cursor over every visit), and the Visits list shows the filter each time it
 * comes back. From the cache nothing is read, so a live query using it needs
 * `useRevision(FILTER_CHOICE_TABLES)` in its deps.
 */
export async function visitFilterChoices(): Promise<{ people: Person[]; countries: string[] }> {
  return (
    choiceCache.peek('') ??
    choiceCache.read('', async () => {
      const [people, countries] = await Promise.all([listPeople(), visitCountries()]);
      return { people, countries };
    })
  );
}

export interface VisitSummary {
  visit: Visit;
  label: string;
}

/** Every live visit with its label, newest first. */
export async function listVisitSummaries(): Promise<VisitSummary[]> {
  return db.transaction('r', [db.visits, db.people], async () => {
    const visits = liveRecords(await db.visits.toArray());
    const people = new Map((await db.people.toArray()).map((p) => [p.id, p]));
    return visits
      .sort((a, b) => (a.startKey < b.startKey ? 1 : a.startKey > b.startKey ? -1 : 0))
      .map((visit) => ({ visit, label: visitLabel(visit, people.get(visit.travellerId)?.name) }));
  });
}
