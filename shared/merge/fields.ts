/**
 * Three-way merge of a record's fields, for a form saved after the record changed elsewhere: the
 * version the form started from (`base`), what the user has now (`mine`) and what is stored now
 * (`theirs`). A field changed on one side only takes that side's value; a field changed on both
 * sides to different values is a conflict, decided by the user.
 */

/** What happened to one field. */
export type FieldMergeKind =
  /** Neither side changed it. */
  | 'same'
  /** Changed here only: the user's value stays. */
  | 'mine'
  /** Changed elsewhere only: the other value is taken. */
  | 'theirs'
  /** Changed on both sides, to the same value. */
  | 'both-same'
  /** Changed on both sides, differently: the user chooses. */
  | 'conflict';

export interface FieldMerge<K extends string, V> {
  field: K;
  kind: FieldMergeKind;
  base: V;
  mine: V;
  theirs: V;
}

export type FieldChoice = 'mine' | 'theirs';

/** Compares each of `fields` in the three versions (`equal` decides what "changed" means, e.g. arrays by content). */
export function mergeFields<T extends object, K extends keyof T & string>(
  fields: readonly K[],
  base: T,
  mine: T,
  theirs: T,
  equal: (a: T[K], b: T[K], field: K) => boolean = Object.is,
): FieldMerge<K, T[K]>[] {
  return fields.map((field) => {
    const b = base[field];
    const m = mine[field];
    const t = theirs[field];
    const mineChanged = !equal(m, b, field);
    const theirsChanged = !equal(t, b, field);
    const kind: FieldMergeKind =
      !mineChanged && !theirsChanged
        ? 'same'
        : mineChanged && !theirsChanged
          ? 'mine'
          : !mineChanged
            ? 'theirs'
            : equal(m, t, field)
              ? 'both-same'
              : 'conflict';
    return { field, kind, base: b, mine: m, theirs: t };
  });
}

/** The fields both sides changed differently. */
export function conflictingFields<K extends string, V>(merges: readonly FieldMerge<K, V>[]): K[] {
  return merges.filter((m) => m.kind === 'conflict').map((m) => m.field);
}

/**
 * The merged record: `mine` with every field changed only elsewhere taken from `theirs`, and each
 * conflicting field as `choices` say (the user's value when no choice is given).
 */
export function applyFieldMerge<T extends object, K extends keyof T & string>(
  mine: T,
  merges: readonly FieldMerge<K, T[K]>[],
  choices: Partial<Record<K, FieldChoice>> = {},
): T {
  const out: T = { ...mine };
  for (const m of merges) {
    if (m.kind === 'theirs' || (m.kind === 'conflict' && choices[m.field] === 'theirs')) out[m.field] = m.theirs;
  }
  return out;
}
