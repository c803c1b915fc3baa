import { noteTargetKey, personSchema, type Person } from '../../../shared/model';
import { PeopleMatcher, type MatchReason } from '../../../shared/people/match';
import { foldForExact, foldForMatch } from '../../../shared/text/fold';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { clock, db } from '../instance';
import { assertIntegrity, type IntegrityWrite } from '../integrity';
import { pushUndo } from '../undo';
import { expectVersion, nextVersion, putBack } from '../version';

export type PersonDraft = Pick<Person, 'name' | 'aliases' | 'roles' | 'country' | 'note'>;

export async function listPeople(): Promise<Person[]> {
  const all = await db.people.orderBy('name').toArray();
  return all.filter((p) => !p.deletedAt);
}

export async function getPerson(id: string): Promise<Person | undefined> {
  const p = await db.people.get(id);
  return p && !p.deletedAt ? p : undefined;
}

/** People whose name or any alias matches (accent- and case-insensitive; "al-" prefixes ignored). */
export async function findPeople(text: string): Promise<Person[]> {
  const q = foldForMatch(text);
  if (!q) return [];
  const all = await listPeople();
  return all.filter((p) => [p.name, ...p.aliases].some((n) => foldForMatch(n).includes(q)));
}

function check(person: Person): Person {
  const r = personSchema.safeParse(person);
  if (!r.success) throw ValidationError.fromZod(r.error, 'The person cannot be saved');
  return r.data;
}

/** Creates a person. Undoable. */
export async function createPerson(draft: PersonDraft): Promise<Person> {
  const now = clock.now();
  const person = check({ ...draft, id: clock.newId(), createdAt: now, updatedAt: now, deletedAt: null });
  await db.transaction('rw', db.people, async () => {
    await assertIntegrity(db, [{ table: 'people', record: person }]);
    await db.people.add(person);
  });
  pushUndo({
    label: 'Create person',
    revert: async () => void (await db.people.update(person.id, { deletedAt: clock.now(), updatedAt: clock.now() })),
  });
  return person;
}

/**
 * Saves edits to a person. `version` is the `updatedAt` of the person the form started from: if
 * the stored person has moved on (edited in another window), nothing is written and a
 * ConflictError carries the person as stored now (see version.ts). Transactional; undoable (a
 * versioned undo: it never puts the old person back over a later edit from elsewhere).
 */
export async function updatePerson(id: string, draft: PersonDraft, version: string): Promise<Person> {
  let before: Person | undefined;
  let after: Person | undefined;
  await db.transaction('rw', db.people, async () => {
    before = await db.people.get(id);
    if (!before || before.deletedAt) throw new NotFoundError('Person', id);
    expectVersion('Person', before, version);
    after = check({ ...before, ...draft, updatedAt: nextVersion(clock, before.updatedAt) });
    await assertIntegrity(db, [{ table: 'people', record: after, before }]);
    await db.people.put(after);
  });
  const prev = before!;
  const saved = after!;
  pushUndo({ label: 'Edit person', revert: () => putBack(db.people, 'Person', prev, saved.updatedAt) });
  return saved;
}

/** Soft-deletes a person; refused while visits still name them as traveller. Undoable. */
export async function deletePerson(id: string): Promise<void> {
  await db.transaction('rw', [db.people, db.visits], async () => {
    const travelling = await db.visits
      .where('travellerId')
      .equals(id)
      .filter((v) => !v.deletedAt)
      .count();
    if (travelling > 0)
      throw new ValidationError(`This person is the traveller of ${travelling} visit(s); delete or reassign those first.`);
    const now = clock.now();
    const n = await db.people.update(id, { deletedAt: now, updatedAt: now });
    if (n === 0) throw new NotFoundError('Person', id);
  });
  pushUndo({ label: 'Delete person', revert: async () => void (await db.people.update(id, { deletedAt: null, updatedAt: clock.now() })) });
}

/** What a merge moved onto the surviving person, for the confirmation and the toast. */
export interface MergeCounts {
  visits: number;
  meetings: number;
  events: number;
  notes: number;
  evidence: number;
}

export interface MergeResult {
  survivor: Person;
  merged: Person[];
  moved: MergeCounts;
}

/** The names of `others` not already a name of the survivor (compared case- and accent-blind), at most 50. */
function mergedAliases(survivor: Person, others: readonly Person[]): string[] {
  const seen = new Set([foldForExact(survivor.name)]);
  const out: string[] = [];
  for (const n of [...survivor.aliases, ...others.flatMap((o) => [o.name, ...o.aliases])]) {
    const k = foldForExact(n);
    if (k === '' || seen.has(k)) continue;
    seen.add(k);
    out.push(n.trim());
  }
  return out.slice(0, 50);
}

function uniq(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/**
 * Merges people who are one human being into `survivorId`: every reference to the others (visits'
 * traveller, delegation and hosts; meetings' participants and quotes; events; notes attached to
 * them; evidence on their records) moves to the survivor, their names and aliases become the
 * survivor's aliases, their roles are added, and they are soft-deleted. `versions` holds the
 * `updatedAt` of every chosen person as the user saw them: if one changed since, a ConflictError
 * and nothing is written. One transaction; undone in one step (a versioned undo: refused, writing
 * nothing, if any record it touched changed again since).
 */
export async function mergePeople(
  survivorId: string,
  otherIds: readonly string[],
  versions: Readonly<Record<string, string>>,
): Promise<MergeResult> {
  const others = uniq(otherIds).filter((id) => id !== survivorId);
  if (others.length === 0) throw new ValidationError('Choose at least two people to merge.');
  const gone = new Set(others);
  const map = (id: string) => (gone.has(id) ? survivorId : id);
  const touches = (ids: readonly string[]) => ids.some((id) => gone.has(id));
  // Sources too: the moved records' other references are checked (see integrity.ts).
  const tables = [db.people, db.visits, db.meetings, db.events, db.notes, db.evidence, db.sources];
  type Row = { id: string; updatedAt: string };
  // Each changed row as it was, and the version the merge gave it: what undo puts back, and checks.
  const before: { table: (typeof tables)[number]; row: Row; stamp: string }[] = [];
  let result: MergeResult | undefined;
  await db.transaction('rw', tables, async () => {
    const chosen = await db.people.bulkGet([survivorId, ...others]);
    chosen.forEach((p, i) => {
      const id = i === 0 ? survivorId : others[i - 1]!;
      if (!p || p.deletedAt) throw new NotFoundError('Person', id);
      const seen = versions[id];
      if (seen === undefined) throw new ValidationError('The merge does not say which version of each person it was chosen from.');
      expectVersion('Person', p, seen);
    });
    const [survivor, ...merged] = chosen as Person[];
    const s = survivor!;
    const roles = [...s.roles];
    for (const r of merged.flatMap((m) => m.roles)) if (!roles.some((x) => JSON.stringify(x) === JSON.stringify(r))) roles.push(r);
    const notes = uniq([s.note, ...merged.map((m) => m.note)].map((n) => n.trim()).filter(Boolean));
    const next = check({
      ...s,
      aliases: mergedAliases(s, merged),
      roles: roles.slice(0, 50),
      country: s.country ?? merged.find((m) => m.country)?.country ?? null,
      note: notes.join('\n\n').slice(0, 5000),
      updatedAt: nextVersion(clock, s.updatedAt),
    });
    // Every changed record is checked, together, before the first is written.
    const writes: { table: (typeof tables)[number]; row: Row }[] = [];
    const put = <T extends Row>(table: (typeof tables)[number], old: T, row: T) => {
      before.push({ table, row: old, stamp: row.updatedAt });
      writes.push({ table, row });
      return Promise.resolve();
    };
    await put(db.people, s, next);
    for (const m of merged) {
      const stamp = nextVersion(clock, m.updatedAt);
      await put(db.people, m, { ...m, deletedAt: stamp, updatedAt: stamp });
    }

    const moved: MergeCounts = { visits: 0, meetings: 0, events: 0, notes: 0, evidence: 0 };
    const visits = await db.visits.filter((v) => gone.has(v.travellerId) || touches(v.delegationIds) || touches(v.hostIds)).toArray();
    for (const v of visits) {
      const travellerId = map(v.travellerId);
      await put(db.visits, v, {
        ...v,
        travellerId,
        delegationIds: uniq(v.delegationIds.map(map)).filter((id) => id !== travellerId),
        hostIds: uniq(v.hostIds.map(map)).filter((id) => id !== travellerId),
        updatedAt: nextVersion(clock, v.updatedAt),
      });
      if (!v.deletedAt) moved.visits++;
    }
    const meetings = await db.meetings
      .filter((m) => touches(m.participantIds) || m.quotes.some((q) => q.personId !== null && gone.has(q.personId)))
      .toArray();
    for (const m of meetings) {
      const mapped = m.participantIds.map(map);
      const participants = uniq(mapped);
      await put(db.meetings, m, {
        ...m,
        // A meeting needs two participants: one between two of the merged people keeps both entries.
        participantIds: participants.length >= 2 ? participants : mapped,
        quotes: m.quotes.map((q) => (q.personId === null ? q : { ...q, personId: map(q.personId) })),
        updatedAt: nextVersion(clock, m.updatedAt),
      });
      if (!m.deletedAt) moved.meetings++;
    }
    const events = await db.events.filter((e) => touches(e.personIds)).toArray();
    for (const e of events) {
      await put(db.events, e, { ...e, personIds: uniq(e.personIds.map(map)), updatedAt: nextVersion(clock, e.updatedAt) });
      if (!e.deletedAt) moved.events++;
    }
    const attached = await db.notes
      .where('targetKey')
      .anyOf(others.map((id) => noteTargetKey({ type: 'person', id })))
      .toArray();
    const target = { type: 'person' as const, id: survivorId };
    for (const n of attached) {
      await put(db.notes, n, { ...n, target, targetKey: noteTargetKey(target), updatedAt: nextVersion(clock, n.updatedAt) });
      if (!n.deletedAt) moved.notes++;
    }
    const evidence = (await db.evidence.where('recordId').anyOf(others).toArray()).filter((e) => e.recordType === 'person');
    for (const e of evidence) {
      await put(db.evidence, e, { ...e, recordId: survivorId, updatedAt: nextVersion(clock, e.updatedAt) });
      if (!e.deletedAt) moved.evidence++;
    }
    await assertIntegrity(
      db,
      writes.map((w, i) => ({ table: w.table.name, record: w.row, before: before[i]!.row }) as IntegrityWrite),
    );
    for (const w of writes) await (w.table as unknown as { put(r: Row): Promise<unknown> }).put(w.row);
    result = { survivor: next, merged, moved };
  });
  pushUndo({
    label: `Merge people into ${result!.survivor.name}`,
    revert: () =>
      db.transaction('rw', tables, async () => {
        for (const { table, row, stamp } of before) {
          const now = (await (table as unknown as { get(id: string): Promise<Row | undefined> }).get(row.id)) ?? null;
          if (now && now.updatedAt !== stamp) throw new ConflictError('Record', now);
        }
        for (const { table, row } of before) await (table as unknown as { put(r: Row): Promise<unknown> }).put(row);
      }),
  });
  return result!;
}

export interface DuplicateCandidate {
  a: Person;
  b: Person;
  reason: MatchReason;
  /** Visits naming each (as traveller, delegation or host), to help choose which record to keep. */
  visits: [number, number];
}

/**
 * Pairs of live people who may be one person (see shared/people/match.ts), the surest first, then
 * by name. Read-only; one pass over the people and one over the visits.
 */
export async function listPossibleDuplicates(): Promise<DuplicateCandidate[]> {
  return db.transaction('r', [db.people, db.visits], async () => {
    const people = (await db.people.toArray()).filter((p) => !p.deletedAt);
    const byId = new Map(people.map((p) => [p.id, p]));
    const pairs = new PeopleMatcher(people).duplicatePairs();
    if (pairs.length === 0) return [];
    const wanted = new Set(pairs.flatMap((p) => [p.a, p.b]));
    const counts = new Map<string, number>();
    for (const v of await db.visits.toArray()) {
      if (v.deletedAt) continue;
      for (const id of new Set([v.travellerId, ...v.delegationIds, ...v.hostIds]))
        if (wanted.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const rank: Record<MatchReason, number> = { 'same name': 0, alias: 1, 'middle initial': 2, 'spelling variant': 3 };
    return pairs
      .map((p): DuplicateCandidate => {
        const [a, b] = [byId.get(p.a)!, byId.get(p.b)!].sort((x, y) => x.name.localeCompare(y.name));
        return { a: a!, b: b!, reason: p.reason, visits: [counts.get(a!.id) ?? 0, counts.get(b!.id) ?? 0] };
      })
      .sort((x, y) => rank[x.reason] - rank[y.reason] || x.a.name.localeCompare(y.a.name) || x.b.name.localeCompare(y.b.name));
  });
}
