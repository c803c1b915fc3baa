import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { Person } from '../../shared/model';
import { countryName } from '../../shared/places';
import { createPerson } from '../db';
import { Combobox, MultiCombobox, type ComboOption } from './combobox';
import { useToast } from './toast';

/** People as combobox options, by name: found by name and aliases, the latest role shown beside. */
function usePersonOptions(people: readonly Person[]): ComboOption[] {
  return useMemo(
    () =>
      [...people]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((p) => {
          const role = p.roles.at(-1);
          const detail = role ? [role.title, role.country ? countryName(role.country) : ''].filter(Boolean).join(', ') : undefined;
          return { id: p.id, label: p.name, keywords: p.aliases, detail };
        }),
    [people],
  );
}

type FieldProps = { id?: string; 'aria-invalid'?: boolean | undefined; 'aria-describedby'?: string | undefined };

/**
 * One person, typed to find: for lists of any size (the visit form's traveller; a filter's
 * traveller, where `emptyLabel` names the choice of nobody in particular, "Anyone").
 */
export function PersonCombobox({
  people,
  value,
  onChange,
  emptyLabel,
  ...field
}: FieldProps & { people: readonly Person[]; value: string; onChange: (id: string) => void; autoFocus?: boolean; emptyLabel?: string }) {
  const personOptions = usePersonOptions(people);
  const options = useMemo(
    () => (emptyLabel ? [{ id: '', label: emptyLabel }, ...personOptions] : personOptions),
    [emptyLabel, personOptions],
  );
  return (
    <Combobox
      {...field}
      options={options}
      value={value}
      onChange={onChange}
      listLabel="People"
      placeholder="Type a name…"
      missingLabel="A deleted person"
    />
  );
}

/** Several people, typed to find one at a time, shown as removable buttons (a visit's hosts). */
export function PeopleCombobox({
  people,
  value,
  onChange,
  exclude,
  ...field
}: FieldProps & { people: readonly Person[]; value: readonly string[]; onChange: (ids: string[]) => void; exclude?: readonly string[] }) {
  const options = usePersonOptions(people);
  return (
    <MultiCombobox {...field} options={options} value={value} onChange={onChange} listLabel="People" {...(exclude ? { exclude } : {})} />
  );
}

/**
 * Adds a person by name without leaving the form, so a user with an empty database can still record
 * a visit. Not a nested <form> (HTML forbids it): Enter in the name field creates the person
 * instead of submitting the surrounding form.
 */
export function QuickAddPerson({ onCreated, buttonLabel = 'New person…' }: { onCreated: (person: Person) => void; buttonLabel?: string }) {
  const toast = useToast();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async () => {
    if (name.trim() === '') {
      setError('Type the person’s name');
      return;
    }
    setBusy(true);
    try {
      const person = await createPerson({ name: name.trim(), aliases: [], roles: [], country: null, note: '' });
      onCreated(person);
      toast.notify(`Added ${person.name} to People`);
      setName('');
      setError(null);
      setOpen(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void create();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setOpen(false);
    }
  };

  if (!open) {
    return (
      <button type="button" className="quick-add-toggle" onClick={() => setOpen(true)}>
        {buttonLabel}
      </button>
    );
  }
  return (
    <div className="quick-add" role="group" aria-label="New person">
      <label htmlFor={id}>Name of the new person</label>
      <div className="quick-add-row">
        <input
          id={id}
          value={name}
          autoFocus
          onChange={(e) => setName(e.target.value)}
          onKeyDown={onKey}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <button type="button" className="primary" disabled={busy} onClick={() => void create()}>
          {name.trim() ? `Create person “${name.trim()}”` : 'Create person'}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      {error && (
        <div className="field-error" id={`${id}-error`}>
          {error}
        </div>
      )}
    </div>
  );
}
