import { describe, expect, it } from 'vitest';
import { conflictRows, mergedValues, needsChoice, takenFromOther, visitConflict } from '../../../renderer/features/visits/visit-conflict';
import { formFromVisit } from '../../../renderer/features/visits/visit-form-model';
import { personConflict, mergedPersonState, personNeedsChoice } from '../../../renderer/features/people/person-conflict';
import { formStateOf } from '../../../renderer/features/people/person-draft';
import { createVisit, dayDate, type Person } from '../../../shared/model';

const clock = { newId: () => '00000000-0000-4000-8000-000000000001', now: () => '2020-08-01T00:00:00.000Z' };
const people: Person[] = [
  { id: 'p1', name: 'Mustafa al-Kadhemi', aliases: [], roles: [], country: 'IQ', note: '', createdAt: '', updatedAt: '', deletedAt: null },
  { id: 'p2', name: 'Ali Khamenei', aliases: [], roles: [], country: 'IR', note: '', createdAt: '', updatedAt: '', deletedAt: null },
];
const stored = createVisit(
  {
    travellerId: 'p1',
    place: { country: 'IR', city: 'Tehran', lat: null, lon: null },
    kind: 'official',
    purpose: 'Talks',
    start: dayDate('2020-07-21'),
    end: null,
    tags: ['first-trip-abroad'],
    hostIds: [],
    status: 'planned',
  },
  clock,
  '2020-07-01',
);

describe('the visit form after a save elsewhere', () => {
  const base = formFromVisit(stored);

  it('merges fields changed on one side only, without asking, and names those taken from the other window', () => {
    const mine = { ...base, tags: 'first-trip-abroad, iran' };
    const theirs = { ...stored, purpose: 'Talks on the dollar auction', hostIds: ['p2'], updatedAt: '2020-08-02T00:00:00.000Z' };
    const c = visitConflict(base, mine, theirs);
    expect(needsChoice(c)).toBe(false);
    expect(mergedValues(mine, c)).toEqual({ ...mine, purpose: 'Talks on the dollar auction', hostIds: ['p2'] });
    expect(takenFromOther(c)).toEqual(['purpose', 'hostIds']);
    // The status is never part of the form's merge (it has its own dialog and history).
    expect(c.merges.map((m) => m.field)).not.toContain('status');
  });

  it('asks where both changed a field differently, and describes each value in words', () => {
    const mine = { ...base, purpose: 'Mine', hostIds: ['p2'] };
    const theirs = { ...stored, purpose: 'Theirs', place: { ...stored.place, country: 'IQ', city: 'Baghdad' } };
    const c = visitConflict(base, mine, theirs);
    expect(needsChoice(c)).toBe(true);
    expect(mergedValues(mine, c, { purpose: 'theirs' }).purpose).toBe('Theirs');
    expect(mergedValues(mine, c).purpose).toBe('Mine');
    const rows = conflictRows(c, base, mine, people);
    expect(rows.find((r) => r.field === 'purpose')).toMatchObject({ kind: 'conflict', before: 'Talks', mine: 'Mine', theirs: 'Theirs' });
    expect(rows.find((r) => r.field === 'country')).toMatchObject({ kind: 'theirs', before: 'Iran', theirs: 'Iraq' });
    expect(rows.find((r) => r.field === 'hostIds')).toMatchObject({ kind: 'mine', before: '', mine: 'Ali Khamenei' });
  });
});

describe('the person form after a save elsewhere', () => {
  it('compares roles by what they say, not by their row keys', () => {
    const p: Person = { ...people[0]!, roles: [{ title: 'Prime Minister', country: 'IQ', from: '2020-05', to: null }] };
    const base = formStateOf(p);
    const mine = { ...base, name: 'Mustafa al-Kadhimi' };
    const c = personConflict(base, mine, { ...p, note: 'From window B' });
    expect(c.merges.map((m) => [m.field, m.kind])).toEqual([
      ['name', 'mine'],
      ['note', 'theirs'],
    ]);
    expect(personNeedsChoice(c)).toBe(false);
    expect(mergedPersonState(mine, c)).toMatchObject({ name: 'Mustafa al-Kadhimi', note: 'From window B' });
  });
});
