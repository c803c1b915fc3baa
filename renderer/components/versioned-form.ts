import { useState } from 'react';
import { applyFieldMerge, mergeFields, type FieldMerge } from '../../shared/merge';
import { ConflictError, describeStorageError, ValidationError } from '../db';
import type { ConflictChoices, ConflictRow } from './field-conflict-panel';
import { useToast } from './toast';

/**
 * The state of an edit form whose save carries the version it started from (see db/version.ts),
 * for dialogs that edit one record: what is typed, the stored version it applies to, and, after a
 * save refused with a ConflictError, the three-way merge of each field (shared/merge). Fields
 * changed on one side only merge on their own; fields changed on both wait for the user's choice
 * in the FieldConflictPanel. What the user typed is never replaced without their say.
 */

export interface FormConflict<S, K extends keyof S & string> {
  theirsState: S;
  theirsVersion: string;
  merges: FieldMerge<K, S[K]>[];
}

type Equal<S, K extends keyof S & string> = (a: S[K], b: S[K], field: K) => boolean;

/** Arrays by content, everything else by identity: what a form's fields need. */
function sameFieldValue(a: unknown, b: unknown): boolean {
  return Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x, i) => x === b[i]) : a === b;
}

export function useVersionedForm<S extends object, K extends keyof S & string, R extends { updatedAt: string }>({
  initial,
  version,
  fields,
  stateOf,
  latest,
  equal = sameFieldValue,
}: {
  initial: S;
  /** The stored record's `updatedAt` the form opens at ('' for a new record). */
  version: string;
  /** The fields the form saves. */
  fields: readonly K[];
  /** The form's state for a stored record (the other window's version, in a conflict). */
  stateOf: (record: R) => S;
  /** The record as stored now, live: an untouched form follows another window's saves. */
  latest?: R | null | undefined;
  equal?: Equal<S, K>;
}) {
  const [state, setState] = useState(initial);
  const [base, setBase] = useState({ state: initial, version });
  const [conflict, setConflict] = useState<FormConflict<S, K> | null>(null);
  const [busy, setBusy] = useState(false);
  const [refreshed, setRefreshed] = useState(false);
  const same = (a: S, b: S) => fields.every((f) => equal(a[f], b[f], f));
  const dirty = !same(state, base.state);
  // Saved in another window while nothing is typed here: show the new version (derived in render,
  // as the visit form does). With typing, the save merges instead.
  if (latest && version && latest.updatedAt !== base.version && !dirty && !conflict && !busy) {
    const next = stateOf(latest);
    setState(next);
    setBase({ state: next, version: latest.updatedAt });
    setRefreshed(true);
  }
  const changedElsewhere = !!latest && !!version && !conflict && latest.updatedAt !== base.version && dirty;

  /**
   * Saves `form` through `write` at `from`'s version. A ConflictError merges: one-sided changes are
   * taken and saved again; both-sided ones stop here with `conflict` set (returns null). Returns
   * the fields taken from the other window. Other errors are thrown to the caller, `form` kept.
   */
  const submit = async (
    write: (form: S, version: string) => Promise<void>,
    form: S = state,
    from: typeof base = base,
    taken: K[] = [],
  ): Promise<K[] | null> => {
    setBusy(true);
    try {
      try {
        await write(form, from.version);
        return taken;
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err;
        const current = err.current as unknown as R;
        const theirsState = stateOf(current);
        const merges = mergeFields(fields, from.state, form, theirsState, equal).filter((m) => m.kind !== 'same');
        const next = { state: theirsState, version: current.updatedAt };
        if (merges.some((m) => m.kind === 'conflict')) {
          setConflict({ theirsState, theirsVersion: current.updatedAt, merges });
          return null;
        }
        const merged = applyFieldMerge(form, merges);
        setState(merged);
        setBase(next);
        return await submit(write, merged, next, [...taken, ...merges.filter((m) => m.kind === 'theirs').map((m) => m.field)]);
      }
    } finally {
      setBusy(false);
    }
  };

  /** The user's choices in the conflict panel: the merge becomes the form, at the other window's version. */
  const resolve = (choices: ConflictChoices<K>): { form: S; from: typeof base } | null => {
    if (!conflict) return null;
    const form = applyFieldMerge(state, conflict.merges, choices);
    const from = { state: conflict.theirsState, version: conflict.theirsVersion };
    setState(form);
    setBase(from);
    setConflict(null);
    return { form, from };
  };

  /** Drops the user's edits for the other window's version. */
  const takeTheirs = () => {
    if (!conflict) return;
    setState(conflict.theirsState);
    setBase({ state: conflict.theirsState, version: conflict.theirsVersion });
    setConflict(null);
  };

  /** The conflict's rows in words, for the FieldConflictPanel. */
  const conflictRows = (labels: Record<K, string>, describe: (field: K, s: S) => string): ConflictRow<K>[] =>
    (conflict?.merges ?? []).map((m) => ({
      field: m.field,
      label: labels[m.field],
      kind: m.kind,
      before: describe(m.field, base.state),
      mine: describe(m.field, state),
      theirs: describe(m.field, conflict!.theirsState),
    }));

  const set = (patch: Partial<S>) => setState((s) => ({ ...s, ...patch }));
  return { state, set, setState, base, dirty, busy, conflict, changedElsewhere, refreshed, submit, resolve, takeTheirs, conflictRows };
}

export type VersionedForm<S extends object, K extends keyof S & string, R extends { updatedAt: string }> = ReturnType<
  typeof useVersionedForm<S, K, R>
>;

/**
 * The save of a dialog that edits one record through useVersionedForm: the form is checked first
 * (errors at the fields, nothing written), then written at the version it started from; a merge
 * with another window's changes is named in the toast; a refusal from the store is shown at the
 * fields and above the form, with everything typed kept. `attempt` moves at each refusal, so the
 * dialog can move focus to the message.
 */
export function useVersionedSave<
  S extends object,
  K extends keyof S & string,
  R extends { updatedAt: string },
  D,
  E extends Partial<Record<string, string>>,
  T,
>({
  form: f,
  what,
  labels,
  editing,
  check,
  write,
  errorsFromFields,
  onSaved,
  describe,
}: {
  form: VersionedForm<S, K, R>;
  /** The record's kind in words, capitalised in messages ('meeting', 'event'). */
  what: string;
  labels: Record<K, string>;
  /** True when the dialog edits a stored record, false when it adds one. */
  editing: boolean;
  check: (form: S) => { ok: true; draft: D } | { ok: false; errors: E };
  write: (draft: D, version: string) => Promise<T>;
  errorsFromFields: (fields: Record<string, string>) => E;
  onSaved: (saved: T) => void;
  /** A field's value in words, for the conflict panel. */
  describe: (field: K, form: S) => string;
}) {
  const toast = useToast();
  const [errors, setErrors] = useState<Partial<E>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const Kind = what.charAt(0).toUpperCase() + what.slice(1);

  const save = async (form: S = f.state, from = f.base) => {
    if (f.busy) return;
    const checked = check(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFormError(`The ${what} was not saved: correct the fields marked below.`);
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    setFormError(null);
    try {
      let saved: { value: T } | null = null;
      const taken = await f.submit(
        async (s, version) => {
          const r = check(s);
          if (!r.ok)
            throw new ValidationError(
              `The merged ${what} is not valid: correct the fields marked below.`,
              r.errors as Record<string, string>,
            );
          saved = { value: await write(r.draft, version) };
        },
        form,
        from,
      );
      if (taken === null || !saved) return;
      toast.notify(
        taken.length > 0
          ? `${Kind} saved, merged with another window’s changes to ${taken.map((k) => labels[k].toLowerCase()).join(', ')}`
          : `${Kind} ${editing ? 'saved' : 'added'}`,
        { undo: true },
      );
      onSaved((saved as { value: T }).value);
    } catch (err) {
      if (err instanceof ValidationError) setErrors(errorsFromFields(err.fields));
      setFormError(describeStorageError(err));
      setAttempt((n) => n + 1);
    }
  };
  /** What RecordFormDialog takes from the form and its save. */
  const frame = {
    what,
    dirty: f.dirty,
    busy: f.busy,
    changedElsewhere: f.changedElsewhere,
    refreshed: f.refreshed,
    formError,
    attempt,
    conflictRows: f.conflict ? f.conflictRows(labels, describe) : null,
    onSave: () => void save(),
    onResolve: (choices: ConflictChoices<K>, andSave: boolean) => {
      const r = f.resolve(choices);
      if (r && andSave) void save(r.form, r.from);
    },
    onTakeTheirs: f.takeTheirs,
  };
  return { errors, frame };
}
