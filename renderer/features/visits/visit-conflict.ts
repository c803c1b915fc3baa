import { applyFieldMerge, mergeFields, type FieldChoice, type FieldMerge } from '../../../shared/merge';
import { KIND_LABELS, type Person, type Visit } from '../../../shared/model';
import { countryName } from '../../../shared/places';
import type { ConflictRow } from '../../components/field-conflict-panel';
import { FIELD_LABELS, FIELD_ORDER, formFromVisit, type VisitFormField, type VisitFormValues } from './visit-form-model';

/**
 * A visit form saved after the visit changed in another window: the three versions of each field
 * (as the form opened, as typed, as stored now) and what merging them gives. Pure; the form page
 * shows it with the FieldConflictPanel.
 */

/** The fields an edit form saves (status goes through its own dialog, with its history). */
export const EDITED_FIELDS: readonly VisitFormField[] = FIELD_ORDER.filter((f) => f !== 'status');

export type VisitFieldMerge = FieldMerge<VisitFormField, VisitFormValues[VisitFormField]>;

export interface VisitConflict {
  /** The visit as stored now: the version a resolved save starts from. */
  theirs: Visit;
  theirsValues: VisitFormValues;
  /** The fields changed on either side (fields nobody changed are left out). */
  merges: VisitFieldMerge[];
}

function sameValue(a: VisitFormValues[VisitFormField], b: VisitFormValues[VisitFormField]): boolean {
  return Array.isArray(a) && Array.isArray(b) ? a.join('\u0000') === b.join('\u0000') : a === b;
}

/** Compares the form as it opened (`base`), as typed (`mine`) and the stored visit (`theirs`). */
export function visitConflict(base: VisitFormValues, mine: VisitFormValues, theirs: Visit): VisitConflict {
  const theirsValues = formFromVisit(theirs);
  const merges = mergeFields(EDITED_FIELDS, base, mine, theirsValues, sameValue).filter((m) => m.kind !== 'same');
  return { theirs, theirsValues, merges };
}

/** True when some field was changed differently on both sides: the user has to choose. */
export function needsChoice(c: VisitConflict): boolean {
  return c.merges.some((m) => m.kind === 'conflict');
}

/** The form after merging: one-sided changes from their side, each conflicting field as chosen (the user's by default). */
export function mergedValues(
  mine: VisitFormValues,
  c: VisitConflict,
  choices: Partial<Record<VisitFormField, FieldChoice>> = {},
): VisitFormValues {
  return applyFieldMerge(mine, c.merges, choices);
}

/** The fields taken from the other window in an automatic merge, for the message after saving. */
export function takenFromOther(c: VisitConflict): VisitFormField[] {
  return c.merges.filter((m) => m.kind === 'theirs').map((m) => m.field);
}

/** A field's value in words, as the conflict panel shows it. */
export function describeValue(field: VisitFormField, values: VisitFormValues, people: readonly Person[]): string {
  const name = (id: string) => people.find((p) => p.id === id)?.name ?? 'a person not in the list';
  switch (field) {
    case 'travellerId':
      return values.travellerId ? name(values.travellerId) : '';
    case 'hostIds':
      return values.hostIds.map(name).join(', ');
    case 'country':
      return values.country ? countryName(values.country) : '';
    case 'kind':
      return KIND_LABELS[values.kind];
    case 'tags':
      return values.tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean)
        .join(', ');
    default:
      return values[field].trim();
  }
}

/** The conflict's rows, in words, for the FieldConflictPanel. */
export function conflictRows(
  c: VisitConflict,
  base: VisitFormValues,
  mine: VisitFormValues,
  people: readonly Person[],
): ConflictRow<VisitFormField>[] {
  return c.merges.map((m) => ({
    field: m.field,
    label: FIELD_LABELS[m.field],
    kind: m.kind,
    before: describeValue(m.field, base, people),
    mine: describeValue(m.field, mine, people),
    theirs: describeValue(m.field, c.theirsValues, people),
  }));
}
