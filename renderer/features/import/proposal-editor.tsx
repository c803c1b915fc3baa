import { useState, type FormEvent } from 'react';
import { VISIT_STATUSES } from '../../../shared/model';
import { Dialog, Field, FuzzyDateInput, fuzzyDateHint } from '../../components';
import { CountryCombobox } from '../../components/country-select';
import type { ImportVisitProposal } from '../../db';
import { applyEditForm, editFormOf, type EditForm } from './review-model';

/** The form inside the edit dialog; mounted only while the dialog is open, so it starts from the row. */
/** The article's words that decided the status and the date, shown as hints while correcting them. */
export interface ProposalCues {
  status: string | null;
  date: string | null;
}

function EditProposalForm({
  proposal,
  cues,
  onSave,
  onCancel,
}: {
  proposal: ImportVisitProposal;
  cues: ProposalCues | null;
  onSave: (p: ImportVisitProposal) => void;
  onCancel: () => void;
}) {
  const [form, setForm] = useState<EditForm>(() => editFormOf(proposal));
  const startAsRead = editFormOf(proposal).start;
  const [errors, setErrors] = useState<Partial<Record<keyof EditForm, string>>>({});
  const set = (patch: Partial<EditForm>) => setForm((f) => ({ ...f, ...patch }));
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const r = applyEditForm(proposal, form);
    if (!r.ok) {
      setErrors(r.errors);
      // Take the user to the first field that needs fixing.
      // (after React has rendered the messages; the event's currentTarget is gone by then).
      const form = e.currentTarget;
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    onSave(r.value);
  };
  return (
    <form className="proposal-form" onSubmit={submit} noValidate>
      {Object.keys(errors).length > 0 && (
        <p className="form-error" role="alert">
          Correct the fields marked below.
        </p>
      )}
      <div className="form-grid">
        <Field
          label="Traveller"
          error={errors.name}
          hint={proposal.traveller.knownPersonId ? 'Renaming unlinks the matched person.' : undefined}
        >
          <input value={form.name} onChange={(e) => set({ name: e.target.value })} autoComplete="off" />
        </Field>
        <Field label="Title" error={errors.title} hint="e.g. President of the United States">
          <input value={form.title} onChange={(e) => set({ title: e.target.value })} autoComplete="off" />
        </Field>
        <Field label="Host country" error={errors.country}>
          <CountryCombobox value={form.country} onChange={(country) => set({ country })} />
        </Field>
        <Field label="City" error={errors.city}>
          <input value={form.city} onChange={(e) => set({ city: e.target.value })} autoComplete="off" />
        </Field>
        <Field
          label="Status"
          error={errors.status}
          hint={cues?.status && form.status === proposal.status ? `Read from “${cues.status}”` : undefined}
        >
          <select value={form.status} onChange={(e) => set({ status: e.target.value as EditForm['status'] })}>
            {VISIT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s[0]!.toUpperCase() + s.slice(1)}
              </option>
            ))}
          </select>
        </Field>
        <div />
        <Field
          label="Start"
          error={errors.start}
          hint={[fuzzyDateHint(form.start), cues?.date && form.start === startAsRead ? `read from “${cues.date}”` : '']
            .filter(Boolean)
            .join(' · ')}
        >
          <FuzzyDateInput value={form.start} onChange={(start) => set({ start })} />
        </Field>
        <Field label="End" error={errors.end} hint={fuzzyDateHint(form.end)}>
          <FuzzyDateInput value={form.end} onChange={(end) => set({ end })} />
        </Field>
      </div>
      <div className="dialog-actions">
        <button type="submit" className="primary">
          Apply changes
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Edits one proposal before it is saved (nothing is written until "Save accepted"). */
export function ProposalEditor({
  proposal,
  cues = null,
  onSave,
  onClose,
}: {
  proposal: ImportVisitProposal | null;
  cues?: ProposalCues | null;
  onSave: (p: ImportVisitProposal) => void;
  onClose: () => void;
}) {
  return (
    <Dialog title="Edit proposed visit" open={proposal !== null} onClose={onClose}>
      {proposal && <EditProposalForm proposal={proposal} cues={cues} onSave={onSave} onCancel={onClose} />}
    </Dialog>
  );
}
