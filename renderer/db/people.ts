import { personSchema, type Person } from '../../shared/model';
import { foldForMatch } from '../../shared/text/fold';
import { NotFoundError, ValidationError } from './errors';
import { clock, db } from './instance';
import { pushUndo } from './undo';
import { expectVersion, nextVersion, putBack } from './version';

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
  await db.people.add(person);
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
