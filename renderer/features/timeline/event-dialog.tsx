import { useMemo, useState } from 'react';
import type { ContextEvent, Person, Source } from '../../../shared/model';
import { Field, FuzzyDateInput, fuzzyDateHint, useToast } from '../../components';
import { MultiCombobox } from '../../components/combobox';
import { CountryCombobox } from '../../components/country-select';
import { PeopleCombobox } from '../../components/person-select';
import { RecordFormDialog } from '../../components/record-form-dialog';
import { useVersionedForm } from '../../components/versioned-form';
import { createEvent, describeStorageError, updateEvent, ValidationError } from '../../db';
import {
  EVENT_FIELDS,
  EVENT_LABELS,
  describeEventField,
  eventErrorsFromFields,
  eventDraftFromForm,
  eventFormState,
  type EventFormErrors,
  type EventFormState,
} from './event-form-model';

/**
 * Adds a context event (the background a timeline shows above the visits), or edits one: title,
 * date or range, place, description, the people and sources it concerns. The save carries the
 * version the dialog opened at, as the meeting dialog's does.
 */
export function EventDialog({
  event,
  latest,
  people,
  sources,
  onClose,
  onSaved,
}: {
  /** The event as it was when the dialog opened; null to add one. */
  event: ContextEvent | null;
  /** The event as stored now, live (null once deleted; undefined when not known). */
  latest?: ContextEvent | null | undefined;
  people: readonly Person[];
  sources: readonly Source[];
  onClose: () => void;
  /** After a save, with the event as saved. */
  onSaved?: (e: ContextEvent) => void;
}) {
  const toast = useToast();
  const f = useVersionedForm({
    initial: eventFormState(event),
    version: event?.updatedAt ?? '',
    fields: EVENT_FIELDS,
    stateOf: (e: ContextEvent) => eventFormState(e),
    latest,
  });
  const [errors, setErrors] = useState<EventFormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const sourceOptions = useMemo(
    () => sources.map((s) => ({ id: s.id, label: s.title, ...(s.publisher ? { detail: s.publisher } : {}) })),
    [sources],
  );

  const save = async (form: EventFormState = f.state, from = f.base) => {
    if (f.busy) return;
    const checked = eventDraftFromForm(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFormError('The event was not saved: correct the fields marked below.');
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    setFormError(null);
    try {
      let saved: ContextEvent | null = null;
      const taken = await f.submit(
        async (s, version) => {
          const r = eventDraftFromForm(s);
          if (!r.ok) throw new ValidationError('The merged event is not valid: correct the fields marked below.', r.errors);
          saved = event ? await updateEvent(event.id, r.draft, version) : await createEvent(r.draft);
        },
        form,
        from,
      );
      if (taken === null || !saved) return;
      toast.notify(
        taken.length > 0
          ? `Event saved, merged with another window’s changes to ${taken.map((k) => EVENT_LABELS[k].toLowerCase()).join(', ')}`
          : event
            ? 'Event saved'
            : 'Event added',
        { undo: true },
      );
      onSaved?.(saved);
      onClose();
    } catch (err) {
      if (err instanceof ValidationError) setErrors(eventErrorsFromFields(err.fields));
      setFormError(describeStorageError(err));
      setAttempt((n) => n + 1);
    }
  };

  const title = event ? 'Edit context event' : 'Add context event';
  return (
    <RecordFormDialog
      title={title}
      what="event"
      submitLabel={event ? 'Save event' : 'Add event'}
      dirty={f.dirty}
      busy={f.busy}
      gone={event !== null && latest === null}
      changedElsewhere={f.changedElsewhere}
      refreshed={f.refreshed}
      formError={formError}
      attempt={attempt}
      conflictRows={f.conflict ? f.conflictRows(EVENT_LABELS, (k, s) => describeEventField(k, s, people, sources)) : null}
      onSave={() => void save()}
      onResolve={(choices, andSave) => {
        const r = f.resolve(choices);
        if (r && andSave) void save(r.form, r.from);
      }}
      onTakeTheirs={f.takeTheirs}
      onClose={onClose}
    >
      <Field label="Title" error={errors.title}>
        <input value={f.state.title} onChange={(e) => f.set({ title: e.target.value })} autoComplete="off" autoFocus={!event} />
      </Field>
      <Field label="Date" error={errors.date} hint={fuzzyDateHint(f.state.date, 'Required.')}>
        <FuzzyDateInput value={f.state.date} onChange={(t) => f.set({ date: t })} />
      </Field>
      <div className="place-pair">
        <Field label="Country" error={errors.country} hint="Leave empty if not known.">
          <CountryCombobox value={f.state.country} onChange={(code) => f.set({ country: code })} />
        </Field>
        <Field label="City" error={errors.city}>
          <input value={f.state.city} onChange={(e) => f.set({ city: e.target.value })} autoComplete="off" />
        </Field>
      </div>
      <Field label="Description" error={errors.description}>
        <textarea rows={3} value={f.state.description} onChange={(e) => f.set({ description: e.target.value })} />
      </Field>
      <Field label="People" error={errors.personIds} hint="Who the event concerns. Type a name and press Enter to add.">
        <PeopleCombobox people={people} value={f.state.personIds} onChange={(ids) => f.set({ personIds: ids })} />
      </Field>
      <Field label="Sources" error={errors.sourceIds} hint="Where it is reported. Type part of a title and press Enter to add.">
        <MultiCombobox
          options={sourceOptions}
          value={f.state.sourceIds}
          onChange={(ids) => f.set({ sourceIds: ids })}
          listLabel="Sources"
          placeholder="Type a title to add…"
        />
      </Field>
    </RecordFormDialog>
  );
}
