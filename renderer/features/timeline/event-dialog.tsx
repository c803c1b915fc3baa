import { useMemo } from 'react';
import type { ContextEvent, Person, Source } from '../../../shared/model';
import { Field, FuzzyDateInput, fuzzyDateHint } from '../../components';
import { MultiCombobox } from '../../components/combobox';
import { CountryCombobox } from '../../components/country-select';
import { PeopleCombobox } from '../../components/person-select';
import { RecordFormDialog } from '../../components/record-form-dialog';
import { useVersionedForm, useVersionedSave } from '../../components/versioned-form';
import { createEvent, updateEvent } from '../../db';
import {
  EVENT_FIELDS,
  EVENT_LABELS,
  describeEventField,
  eventErrorsFromFields,
  eventDraftFromForm,
  eventFormState,
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
  const f = useVersionedForm({
    initial: eventFormState(event),
    version: event?.updatedAt ?? '',
    fields: EVENT_FIELDS,
    stateOf: (e: ContextEvent) => eventFormState(e),
    latest,
  });
  const { errors, frame } = useVersionedSave({
    form: f,
    what: 'event',
    labels: EVENT_LABELS,
    editing: event !== null,
    check: eventDraftFromForm,
    write: (draft, version) => (event ? updateEvent(event.id, draft, version) : createEvent(draft)),
    errorsFromFields: eventErrorsFromFields,
    describe: (k, s) => describeEventField(k, s, people, sources),
    onSaved: (saved) => {
      onSaved?.(saved);
      onClose();
    },
  });
  const sourceOptions = useMemo(
    () => sources.map((s) => ({ id: s.id, label: s.title, ...(s.publisher ? { detail: s.publisher } : {}) })),
    [sources],
  );

  const title = event ? 'Edit context event' : 'Add context event';
  return (
    <RecordFormDialog
      title={title}
      submitLabel={event ? 'Save event' : 'Add event'}
      gone={event !== null && latest === null}
      {...frame}
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
