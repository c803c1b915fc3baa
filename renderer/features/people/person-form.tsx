import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { CountryCombobox, EmptyState, Field, FieldConflictPanel, useToast } from '../../components';
import { ConflictError, createPerson, describeStorageError, getPerson, updatePerson, useQuery, ValidationError } from '../../db';
import type { Person } from '../../../shared/model';
import { formStateOf, newRoleRow, validatePersonForm, type FormErrors, type PersonFormState, type RoleRow } from './person-draft';
import {
  PERSON_FIELD_LABELS,
  mergedPersonState,
  personConflict,
  personConflictRows,
  personNeedsChoice,
  type PersonConflict,
  type PersonField,
} from './person-conflict';
import type { FieldChoice } from '../../../shared/merge';

function RoleEditor({
  row,
  index,
  errors,
  onChange,
  onRemove,
}: {
  row: RoleRow;
  index: number;
  errors: FormErrors;
  onChange: (patch: Partial<RoleRow>) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  const err = (k: string) => errors[`roles.${index}.${k}`];
  return (
    <fieldset className="role-row">
      <legend>Role {n}</legend>
      <Field label={`Title (role ${n})`} error={err('title')}>
        <input value={row.title} onChange={(e) => onChange({ title: e.target.value })} placeholder="Prime Minister" />
      </Field>
      <Field label={`Country (role ${n})`} error={err('country')}>
        <CountryCombobox value={row.country} onChange={(country) => onChange({ country })} emptyLabel="No country" historical />
      </Field>
      <Field label={`From (role ${n})`} error={err('from')}>
        <input
          value={row.from}
          onChange={(e) => onChange({ from: e.target.value })}
          placeholder="YYYY-MM-DD"
          inputMode="numeric"
          size={11}
        />
      </Field>
      <Field label={`To (role ${n})`} error={err('to')}>
        <input value={row.to} onChange={(e) => onChange({ to: e.target.value })} placeholder="empty = still holds it" size={11} />
      </Field>
      <button type="button" className="remove-role" onClick={onRemove}>
        Remove role {n}
      </button>
    </fieldset>
  );
}

function PersonForm({ person }: { person: Person | undefined }) {
  const navigate = useNavigate();
  const toast = useToast();
  const [state, setState] = useState<PersonFormState>(() => formStateOf(person));
  // The stored version the edits apply to (as the form opened, then the one merged with): a save
  // carries it and is refused if the person changed since, in another window; see onConflict.
  const [base, setBase] = useState(() => ({ state, version: person?.updatedAt ?? '' }));
  const [conflict, setConflict] = useState<PersonConflict | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // After a refused save, take the user to the first field that needs fixing.
  useEffect(() => {
    if (Object.keys(errors).length) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const set = (patch: Partial<PersonFormState>) => setState((s) => ({ ...s, ...patch }));
  const setRole = (key: string, patch: Partial<RoleRow>) =>
    setState((s) => ({ ...s, roles: s.roles.map((r) => (r.key === key ? { ...r, ...patch } : r)) }));

  const save = async (form: PersonFormState, from: typeof base): Promise<void> => {
    setFormError(null);
    const checked = validatePersonForm(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFormError('The person was not saved: correct the fields marked below.');
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      let merged: PersonField[] = [];
      let saved: Person;
      if (!person) {
        saved = await createPerson(checked.draft);
      } else {
        try {
          saved = await updatePerson(person.id, checked.draft, from.version);
        } catch (err) {
          if (!(err instanceof ConflictError)) throw err;
          // Changed in another window since: fields changed on one side merge on their own; if
          // one changed on both, the user chooses (nothing is saved meanwhile).
          const c = personConflict(from.state, form, err.current as Person);
          const next = { state: c.theirsState, version: c.theirs.updatedAt };
          if (personNeedsChoice(c)) {
            setConflict(c);
            return;
          }
          const mergedForm = mergedPersonState(form, c);
          setState(mergedForm);
          setBase(next);
          const again = validatePersonForm(mergedForm);
          if (!again.ok) {
            setErrors(again.errors);
            setFormError('The person was not saved: correct the fields marked below.');
            return;
          }
          saved = await updatePerson(person.id, again.draft, next.version);
          merged = c.merges.filter((m) => m.kind === 'theirs').map((m) => m.field);
        }
      }
      const also = merged.length
        ? `, merged with another window’s changes to ${merged.map((f) => PERSON_FIELD_LABELS[f].toLowerCase()).join(', ')}`
        : '';
      toast.notify(person ? `Saved ${saved.name}${also}` : `Added ${saved.name}`, { undo: true });
      void navigate(`/people/${saved.id}`);
    } catch (err) {
      // Keep everything typed; show what the repository refused.
      if (err instanceof ValidationError) setErrors(err.fields);
      setFormError(describeStorageError(err));
    } finally {
      setSaving(false);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save(state, base);
  };

  const resolve = (choices: Partial<Record<PersonField, FieldChoice>>) => {
    if (!conflict) return;
    const merged = mergedPersonState(state, conflict, choices);
    const next = { state: conflict.theirsState, version: conflict.theirs.updatedAt };
    setState(merged);
    setBase(next);
    setConflict(null);
    void save(merged, next);
  };

  const cancelTo = person ? `/people/${person.id}` : '/people';
  return (
    <form ref={formRef} className="person-form" onSubmit={onSubmit} noValidate aria-label={person ? `Edit ${person.name}` : 'New person'}>
      <p className="crumbs">
        <Link to="/people">People</Link>
      </p>
      <h1>{person ? `Edit ${person.name}` : 'New person'}</h1>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      {conflict && (
        <FieldConflictPanel
          what="person"
          rows={personConflictRows(conflict, base.state, state)}
          busy={saving}
          onSave={resolve}
          onTakeTheirs={() => {
            setState(conflict.theirsState);
            setBase({ state: conflict.theirsState, version: conflict.theirs.updatedAt });
            setConflict(null);
          }}
        />
      )}
      <div className="panel">
        <Field label="Name" error={errors.name}>
          <input value={state.name} onChange={(e) => set({ name: e.target.value })} autoFocus />
        </Field>
        <Field label="Aliases" error={errors.aliases} hint="Other spellings, one per line or separated by commas (Kadhimi, al-Kadhimi).">
          <textarea rows={3} value={state.aliases} onChange={(e) => set({ aliases: e.target.value })} />
        </Field>
        <Field label="Country" error={errors.country}>
          <CountryCombobox value={state.country} onChange={(country) => set({ country })} emptyLabel="No country" historical />
        </Field>
        <Field label="About" error={errors.note} hint="A line or two: who they are, why they matter.">
          <textarea rows={2} value={state.note} onChange={(e) => set({ note: e.target.value })} />
        </Field>
      </div>
      <section className="panel" aria-labelledby="roles-edit-h">
        <h2 id="roles-edit-h">Roles</h2>
        <p className="muted">Dates as YYYY, YYYY-MM or YYYY-MM-DD. Leave “To” empty while the role is held.</p>
        {state.roles.map((row, i) => (
          <RoleEditor
            key={row.key}
            row={row}
            index={i}
            errors={errors}
            onChange={(patch) => setRole(row.key, patch)}
            onRemove={() => setState((s) => ({ ...s, roles: s.roles.filter((r) => r.key !== row.key) }))}
          />
        ))}
        <button type="button" onClick={() => setState((s) => ({ ...s, roles: [...s.roles, newRoleRow()] }))}>
          Add role
        </button>
      </section>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <Link className="button" to={cancelTo}>
          Cancel
        </Link>
      </div>
    </form>
  );
}

/** /people/new and /people/:id/edit. */
export function PersonEditPage() {
  const { id } = useParams();
  const { data, isLoading } = useQuery(() => (id ? getPerson(id) : Promise.resolve(undefined)), [id]);
  if (!id) return <PersonForm person={undefined} />;
  if (isLoading) return <p className="muted">Loading…</p>;
  if (!data) return <EmptyState title="This person does not exist" />;
  // Keyed by id: the form's state is its own once loaded; live updates do not overwrite typing.
  return <PersonForm key={data.id} person={data} />;
}
