import type Dexie from 'dexie';
import {
  checkRecord,
  referencesOf,
  type IntegrityProblem,
  type IntegrityRecords,
  type IntegrityTable,
  type Reference,
  type ReferenceTarget,
  type ReferencedRecord,
} from '../../shared/integrity';
import { ValidationError } from './errors';

/**
 * The integrity check of shared/integrity for the records one write stores, run inside the
 * write's transaction: the referenced records are read in it (so a record deleted in another
 * window a moment before is seen as deleted), or found among the records the same write stores.
 * Every write path of the app calls it before writing; a problem throws a ValidationError whose
 * `fields` name the record's fields, so a form shows it next to what the user typed, and the
 * transaction writes nothing.
 *
 * The transaction must include the tables the records refer to (`integrityScope` lists them).
 */

/** One record a write stores, with the record as stored before it when it replaces one. */
export type IntegrityWrite = {
  [T in IntegrityTable]: { table: T; record: IntegrityRecords[T]; before?: IntegrityRecords[T] | null };
}[IntegrityTable];

const TARGET_TABLE: Record<ReferenceTarget, IntegrityTable> = {
  people: 'people',
  sources: 'sources',
  visits: 'visits',
  meetings: 'meetings',
  events: 'events',
  statusChange: 'visits',
};

/** The tables a transaction writing `tables` must also read for the check. */
export function integrityScope(...tables: IntegrityTable[]): IntegrityTable[] {
  const need: Record<IntegrityTable, IntegrityTable[]> = {
    people: [],
    sources: [],
    visits: ['people', 'sources'],
    meetings: ['visits', 'people', 'sources'],
    events: ['people', 'sources'],
    evidence: ['visits', 'people', 'meetings', 'events', 'sources'],
    notes: ['visits', 'people'],
  };
  return [...new Set(tables.flatMap((t) => [t, ...need[t]]))];
}

/** The problems of the records, references read from `db` in the current transaction. */
export async function integrityProblems(db: Dexie, writes: readonly IntegrityWrite[]): Promise<IntegrityProblem[]> {
  const pending = new Map<string, ReferencedRecord>();
  const key = (target: ReferenceTarget, id: string) => `${target}:${id}`;
  for (const w of writes) {
    pending.set(key(w.table as ReferenceTarget, w.record.id), w.record);
    if (w.table === 'visits') for (const c of w.record.statusHistory) pending.set(key('statusChange', c.id), w.record);
  }
  const refs = writes.map((w) => referencesOf(w.table, w.record as never));
  const wanted = new Map<ReferenceTarget, Set<string>>();
  for (const ref of refs.flat()) {
    if (pending.has(key(ref.target, ref.id))) continue;
    let set = wanted.get(ref.target);
    if (!set) wanted.set(ref.target, (set = new Set()));
    set.add(ref.id);
  }
  const stored = new Map<string, ReferencedRecord>();
  for (const [target, idSet] of wanted) {
    const ids = [...idSet];
    if (target === 'statusChange') {
      // Status changes live inside visits, with no index of their own: only evidence refers to
      // one, almost always of a visit the same write stores (found above without a read).
      await db
        .table('visits')
        .filter((v: IntegrityRecords['visits']) => v.statusHistory.some((c) => idSet.has(c.id)))
        .each((v: IntegrityRecords['visits']) => {
          for (const c of v.statusHistory) if (idSet.has(c.id)) stored.set(key(target, c.id), v);
        });
      continue;
    }
    const rows = (await db.table(TARGET_TABLE[target]).bulkGet(ids)) as (ReferencedRecord | undefined)[];
    rows.forEach((r, i) => {
      if (r) stored.set(key(target, ids[i]!), r);
    });
  }
  const found = (ref: Reference) => pending.get(key(ref.target, ref.id)) ?? stored.get(key(ref.target, ref.id));
  return writes.flatMap((w) => checkRecord(w.table, w.record as never, found, { before: w.before ?? null }));
}

/**
 * Throws a ValidationError when any record breaks a rule: the message names the table, the record
 * and the field (the first problems, and how many more), `fields` maps each field to its problem.
 */
export async function assertIntegrity(db: Dexie, writes: readonly IntegrityWrite[], lead = 'Nothing was saved.'): Promise<void> {
  const problems = await integrityProblems(db, writes);
  if (problems.length > 0) throw integrityError(problems, lead);
}

export function integrityError(problems: readonly IntegrityProblem[], lead = 'Nothing was saved.'): ValidationError {
  const fields: Record<string, string> = {};
  for (const p of problems) {
    fields[p.field] ??= p.message;
    // The form names a list by its head ("hostIds"), an entry by its path ("hostIds.2").
    const head = p.field.replace(/\.\d+$/, '');
    fields[head] ??= p.message;
  }
  const shown = problems.slice(0, 3).map((p) => p.message);
  const more = problems.length > 3 ? ` …and ${problems.length - 3} more problem(s).` : '';
  return new ValidationError(`${lead} ${shown.join(' ')}${more}`, fields);
}
