import type { Meeting, Person } from '../../../shared/model';
import { Field, FuzzyDateInput, fuzzyDateHint } from '../../components';
import { CountryCombobox } from '../../components/country-select';
import { PeopleCombobox } from '../../components/person-select';
import { RecordFormDialog } from '../../components/record-form-dialog';
import { useVersionedForm, useVersionedSave } from '../../components/versioned-form';
import { createMeeting, updateMeeting } from '../../db';
import {
  MEETING_FIELDS,
  MEETING_LABELS,
  describeMeetingField,
  meetingErrorsFromFields,
  meetingDraftFromForm,
  meetingFormState,
} from './meeting-form-model';

/**
 * Adds a meeting to a visit, or edits one: who met, when, where, what about. The save carries the
 * version the dialog opened at: a meeting changed in another window meanwhile is merged field by
 * field, or shown in the conflict panel for the user to choose; nothing typed is lost.
 */
export function MeetingDialog({
  visitId,
  meeting,
  latest,
  people,
  participantIds = [],
  onClose,
}: {
  visitId: string;
  /** The meeting as it was when the dialog opened; null to add one. */
  meeting: Meeting | null;
  /** The meeting as stored now, live (null once deleted). */
  latest?: Meeting | null | undefined;
  people: readonly Person[];
  /** Who a new meeting starts with (the traveller). */
  participantIds?: string[];
  onClose: () => void;
}) {
  const f = useVersionedForm({
    initial: meetingFormState(meeting, participantIds),
    version: meeting?.updatedAt ?? '',
    fields: MEETING_FIELDS,
    stateOf: (m: Meeting) => meetingFormState(m),
    latest,
  });
  const { errors, frame } = useVersionedSave({
    form: f,
    what: 'meeting',
    labels: MEETING_LABELS,
    editing: meeting !== null,
    check: meetingDraftFromForm,
    write: (draft, version) => (meeting ? updateMeeting(meeting.id, draft, version) : createMeeting(visitId, draft)),
    errorsFromFields: meetingErrorsFromFields,
    describe: (k, s) => describeMeetingField(k, s, people),
    onSaved: onClose,
  });

  const title = meeting ? 'Edit meeting' : 'Add meeting';
  return (
    <RecordFormDialog
      title={title}
      submitLabel={meeting ? 'Save meeting' : 'Add meeting'}
      gone={meeting !== null && latest === null}
      {...frame}
      onClose={onClose}
    >
      <Field label="Who met" error={errors.participantIds} hint="Type a name and press Enter to add; Backspace removes the last.">
        <PeopleCombobox people={people} value={f.state.participantIds} onChange={(ids) => f.set({ participantIds: ids })} />
      </Field>
      <Field label="Date" error={errors.date} hint={fuzzyDateHint(f.state.date)}>
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
      <Field label="Summary" error={errors.summary} hint="What was discussed or agreed.">
        <textarea rows={4} value={f.state.summary} onChange={(e) => f.set({ summary: e.target.value })} />
      </Field>
    </RecordFormDialog>
  );
}
