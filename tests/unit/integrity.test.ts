import { describe, expect, it } from 'vitest';
import { checkIntegrity, checkRecord, referencesOf, type Reference, type ReferencedRecord } from '../../shared/integrity';
import type { Note, Visit } from '../../shared/model';
import { buildGeneratedTables, genId } from './reports/build-visits';

/**
 * shared/integrity: one set of rules for a whole set of records (restore, merge) and for the
 * records one write stores (forms, imports). The same defect gives the same problem both ways.
 */

const tables = () => buildGeneratedTables(6);
const MISSING = genId(13, 0xdead);

/** A lookup over a set of tables, the way renderer/db/integrity.ts reads the database. */
function lookup(t: ReturnType<typeof tables>): (ref: Reference) => ReferencedRecord | undefined {
  const all = new Map<string, ReferencedRecord>();
  for (const rows of [t.people, t.sources, t.visits, t.meetings, t.events]) for (const r of rows) all.set(r.id, r);
  for (const v of t.visits) for (const c of v.statusHistory) all.set(c.id, v);
  return (ref) => all.get(ref.id);
}

describe('checkRecord (one record, as a write stores it)', () => {
  it('finds nothing wrong with the records of a valid set', () => {
    const t = tables();
    expect(checkIntegrity(t)).toEqual([]);
    const found = lookup(t);
    for (const v of t.visits) expect(checkRecord('visits', v, found)).toEqual([]);
    for (const n of t.notes) expect(checkRecord('notes', n, found)).toEqual([]);
  });

  it('names the table, the record and the field of a dangling host', () => {
    const t = tables();
    const visit: Visit = { ...t.visits[0]!, hostIds: [t.people[1]!.id, MISSING] };
    const problems = checkRecord('visits', visit, lookup(t));
    expect(problems).toEqual([
      {
        table: 'visits',
        id: visit.id,
        field: 'hostIds.1',
        message: `Visit ${visit.id}: host ${MISSING} does not exist in your data (it may have been deleted in another window).`,
      },
    ]);
  });

  it('refuses a new reference to a deleted person, keeps one the record already held', () => {
    const t = tables();
    const gone = { ...t.people[2]!, deletedAt: '2022-01-01T00:00:00.000Z' };
    t.people[2] = gone;
    const before: Visit = { ...t.visits[0]!, hostIds: [] };
    const after: Visit = { ...before, hostIds: [gone.id] };
    expect(checkRecord('visits', after, lookup(t), { before }).map((p) => p.message)).toEqual([
      `Visit ${after.id}: host ${gone.id} has been deleted.`,
    ]);
    expect(checkRecord('visits', after, lookup(t), { before: after })).toEqual([]);
  });

  it('refuses a deleted traveller for a live visit even if it was already the traveller', () => {
    const t = tables();
    const visit = t.visits[0]!;
    const i = t.people.findIndex((p) => p.id === visit.travellerId);
    t.people[i] = { ...t.people[i]!, deletedAt: '2022-01-01T00:00:00.000Z' };
    expect(checkRecord('visits', visit, lookup(t), { before: visit }).map((p) => p.field)).toEqual(['travellerId']);
  });

  it('refuses unknown country codes, accepts historical ones', () => {
    const t = tables();
    const person = { ...t.people[0]!, country: 'XX', roles: [{ title: 'Envoy', country: 'SU', from: null, to: null }] };
    const problems = checkRecord('people', person, lookup(t));
    expect(problems.map((p) => [p.field, p.message])).toEqual([
      ['country', `Person ${person.id}: country "XX" is not a country code Legation knows.`],
    ]);
  });

  it('refuses a note whose key disagrees with its target, or whose target is missing', () => {
    const t = tables();
    const note: Note = { ...t.notes[0]!, target: { type: 'person', id: MISSING }, targetKey: 'visit:x' };
    expect(checkRecord('notes', note, lookup(t)).map((p) => p.field)).toEqual(['target', 'targetKey']);
  });

  it('lists every reference a record makes, with its field', () => {
    const t = tables();
    const v = t.visits.find((x) => x.hostIds.length > 0 && x.sourceIds.length > 0)!;
    const fields = referencesOf('visits', v).map((r) => r.field);
    expect(fields).toContain('travellerId');
    expect(fields).toContain('hostIds.0');
    expect(fields).toContain('sourceIds.0');
  });

  it('gives a backup the same rule with its own wording', () => {
    const t = tables();
    t.visits[1] = { ...t.visits[1]!, hostIds: [MISSING] };
    expect(checkIntegrity(t)).toEqual([`visits[1] (visit ${t.visits[1].id}): host ${MISSING} is not in the backup.`]);
  });
});
