import { applyFieldMerge, mergeFields, type FieldChoice, type FieldMerge } from '../../../shared/merge';
import type { Person } from '../../../shared/model';
import { countryName } from '../../../shared/places';
import type { ConflictRow } from '../../components/field-conflict-panel';
import { formStateOf, type PersonFormState, type RoleRow } from './person-draft';

/**
 * A person form saved after the person changed in another window: each field as the form opened,
 * as typed, and as stored now. Pure; the form shows it with the FieldConflictPanel.
 */

export type PersonField = keyof PersonFormState;
export const PERSON_FIELDS: readonly PersonField[] = ['name', 'aliases', 'country', 'note', 'roles'];
export const PERSON_FIELD_LABELS: Record<PersonField, string> = {
  name: 'Name',
  aliases: 'Aliases',
  country: 'Country',
  note: 'About',
  roles: 'Roles',
};

export interface PersonConflict {
  theirs: Person;
  theirsState: PersonFormState;
  merges: FieldMerge<PersonField, PersonFormState[PersonField]>[];
}

/** Role rows compared by what they say (each row also has a key of its own, for React). */
function roleText(rows: readonly RoleRow[]): string {
  return rows.map((r) => [r.title.trim(), r.country, r.from.trim(), r.to.trim()].join('\u0001')).join('\u0000');
}

function sameValue(a: PersonFormState[PersonField], b: PersonFormState[PersonField]): boolean {
  return Array.isArray(a) && Array.isArray(b) ? roleText(a) === roleText(b) : a === b;
}

export function personConflict(base: PersonFormState, mine: PersonFormState, theirs: Person): PersonConflict {
  const theirsState = formStateOf(theirs);
  const merges = mergeFields(PERSON_FIELDS, base, mine, theirsState, sameValue).filter((m) => m.kind !== 'same');
  return { theirs, theirsState, merges };
}

export function personNeedsChoice(c: PersonConflict): boolean {
  return c.merges.some((m) => m.kind === 'conflict');
}

export function mergedPersonState(
  mine: PersonFormState,
  c: PersonConflict,
  choices: Partial<Record<PersonField, FieldChoice>> = {},
): PersonFormState {
  return applyFieldMerge(mine, c.merges, choices);
}

function describe(field: PersonField, s: PersonFormState): string {
  switch (field) {
    case 'country':
      return s.country ? countryName(s.country) : '';
    case 'aliases':
      return s.aliases
        .split(/[\n,;]/)
        .map((a) => a.trim())
        .filter(Boolean)
        .join(', ');
    case 'roles':
      return s.roles
        .map((r) => {
          const where = r.country ? `, ${countryName(r.country)}` : '';
          const when = r.from || r.to ? ` (${r.from || '…'} – ${r.to || 'present'})` : '';
          return `${r.title}${where}${when}`;
        })
        .join('; ');
    default:
      return s[field].trim();
  }
}

export function personConflictRows(c: PersonConflict, base: PersonFormState, mine: PersonFormState): ConflictRow<PersonField>[] {
  return c.merges.map((m) => ({
    field: m.field,
    label: PERSON_FIELD_LABELS[m.field],
    kind: m.kind,
    before: describe(m.field, base),
    mine: describe(m.field, mine),
    theirs: describe(m.field, c.theirsState),
  }));
}
