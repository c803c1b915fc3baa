import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Meeting, Person } from '../../../shared/model';
import { Dialog, Field, FieldConflictPanel, FuzzyDateInput, fuzzyDateHint, useToast } from '../../components';
import { CountryCombobox } from '../../components/country-select';
import { PeopleCombobox } from '../../components/person-select';
import { useVersionedForm } from '../../components/versioned-form';
import '../../components/record-form.css';
import { createMeeting, describeStorageError, updateMeeting, ValidationError } from '../../db';
import {
  MEETING_FIELDS,
  MEETING_LABELS,
  describeMeetingField,
  meetingDraftFromForm,
  meetingFormState,
  type MeetingFormErrors,
  type MeetingFormState,
} from './meeting-form-model';

/**
 * Adds a meeting to a visit, or edits one: who met, when, where, what about. The save carries the
 * version the dialog opened at: a meeting changed in another window meanwhile is merged field by
 * field, or shown in the conflict panel for the user to choose; nothing typed is lost, and Escape
 * on typed changes asks first.
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
  const toast = useToast();
  const f = useVersionedForm({
    initial: meetingFormState(meeting, participantIds),
    version: meeting?.updatedAt ?? '',
    fields: MEETING_FIELDS,
    stateOf: (m: Meeting) => meetingFormState(m),
    latest,
  });
  const [errors, setErrors] = useState<MeetingFormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [confirmClose, setConfirmClose] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const gone = meeting !== null && latest === null;

  // After a refused save, the keyboard goes to the first field to correct.
  useEffect(() => {
    if (attempt === 0) return;
    const form = formRef.current;
    (form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('.form-error'))?.focus();
  }, [attempt]);

  const save = async (form: MeetingFormState = f.state, from = f.base) => {
    if (f.busy) return;
    const checked = meetingDraftFromForm(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFormError('The meeting was not saved: correct the fields marked below.');
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    setFormError(null);
    try {
      const taken = await f.submit(
        async (s, version) => {
          const r = meetingDraftFromForm(s);
          if (!r.ok) throw new ValidationError('The merged meeting is not valid: correct the fields marked below.', r.errors);
          if (meeting) await updateMeeting(meeting.id, r.draft, version);
          else await createMeeting(visitId, r.draft);
        },
        form,
        from,
      );
      if (taken === null) return;
      toast.notify(
        taken.length > 0
          ? `Meeting saved, merged with another window’s changes to ${taken.map((k) => MEETING_LABELS[k].toLowerCase()).join(', ')}`
          : meeting
            ? 'Meeting saved'
            : 'Meeting added',
        { undo: true },
      );
      onClose();
    } catch (err) {
      if (err instanceof ValidationError) setErrors(err.fields);
      setFormError(describeStorageError(err));
      setAttempt((n) => n + 1);
    }
  };

  const requestClose = () => (f.dirty ? setConfirmClose(true) : onClose());
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    } else if (e.key === 'Escape' && f.dirty && !e.defaultPrevented) {
      // The dialog would close and take the typing with it: ask first.
      e.preventDefault();
      setConfirmClose(true);
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };

  return (
    <Dialog title={meeting ? 'Edit meeting' : 'Add meeting'} open onClose={onClose}>
      <form
        ref={formRef}
        className="record-form"
        aria-label={meeting ? 'Edit meeting' : 'Add meeting'}
        onSubmit={onSubmit}
        onKeyDown={onKeyDown}
        noValidate
      >
        {gone && (
          <p className="form-error" role="alert">
            This meeting was deleted in another window. Saving will fail; copy what you need, or undo the deletion there.
          </p>
        )}
        {f.changedElsewhere && !gone && (
          <p className="field-conflict-note" role="status">
            This meeting was changed in another window since you opened it. Your edits are kept: saving will merge them, and ask you where
            both windows changed the same field.
          </p>
        )}
        {f.refreshed && !f.changedElsewhere && !f.conflict && (
          <p className="field-conflict-note" role="status">
            The form shows the changes saved in another window.
          </p>
        )}
        {formError && (
          <p className="form-error" role="alert" tabIndex={-1}>
            {formError}
          </p>
        )}
        {f.conflict && (
          <FieldConflictPanel
            what="meeting"
            rows={f.conflictRows(MEETING_LABELS, (k, s) => describeMeetingField(k, s, people))}
            busy={f.busy}
            onSave={(choices) => {
              const r = f.resolve(choices);
              if (r) void save(r.form, r.from);
            }}
            onReview={(choices) => void f.resolve(choices)}
            onTakeTheirs={f.takeTheirs}
          />
        )}
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
        {confirmClose ? (
          <div className="dialog-actions" role="group" aria-label="Discard your changes?">
            <span>What you typed has not been saved.</span>
            <button type="button" className="danger" onClick={onClose}>
              Discard changes
            </button>
            <button type="button" className="primary" autoFocus onClick={() => setConfirmClose(false)}>
              Keep editing
            </button>
          </div>
        ) : (
          <div className="dialog-actions">
            <button type="submit" className="primary" disabled={f.busy}>
              {meeting ? 'Save meeting' : 'Add meeting'}
            </button>
            <button type="button" onClick={requestClose}>
              Cancel
            </button>
            <span className="muted">Ctrl+Enter saves</span>
          </div>
        )}
      </form>
    </Dialog>
  );
}
