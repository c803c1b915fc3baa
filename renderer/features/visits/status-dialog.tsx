import { useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import {
  allowedTransitions,
  dayLabel,
  earliestDayFor,
  fuzzyDateToInput,
  isValidDay,
  localToday,
  reasonMissing,
  requiresReason,
  takesDates,
  transitionError,
  transitionLabel,
  type FuzzyDate,
  type StatusChangeRequest,
  type Visit,
  type VisitStatus,
} from '../../../shared/model';
import { Dialog, Field, FuzzyDateInput, fuzzyDateHint, useToast } from '../../components';
import { Combobox, type ComboOption } from '../../components/combobox';
import { ConflictError, changeVisitStatus, describeStorageError, listSources, useQuery } from '../../db';
import { parseOptionalDate } from './visit-form-model';

type Errors = Partial<Record<'to' | 'on' | 'reason' | 'start' | 'end' | 'form', string>>;

/**
 * What the dialog is opened for: any change the machine allows, or one of the visit page's
 * follow-up actions, which offer only their own statuses (the machine still decides which).
 */
export type StatusDialogMode = 'change' | 'record' | 'reschedule' | 'reopen';

const MODES: Record<StatusDialogMode, { title: string; only: readonly VisitStatus[] | null }> = {
  change: { title: 'Change status', only: null },
  record: { title: 'Record what happened', only: ['completed', 'cancelled'] },
  reschedule: { title: 'Reschedule', only: ['planned'] },
  reopen: { title: 'Reopen', only: ['planned', 'underway'] },
};

/** The statuses a mode offers from the visit's status, in the machine's order. */
export function choicesFor(status: VisitStatus, mode: StatusDialogMode): VisitStatus[] {
  const only = MODES[mode].only;
  return allowedTransitions(status).filter((s) => !only || only.includes(s));
}

/**
 * Changes a visit's status through the state machine: only allowed transitions are offered, the
 * change is dated (its effective date, which can be in the past but not before the history's last
 * entry), explained and sourced, and a refusal from the repository is shown here with everything
 * typed kept.
 */
export function StatusDialog({
  visit,
  title,
  onClose,
  mode = 'change',
}: {
  visit: Visit;
  title: string;
  onClose: () => void;
  mode?: StatusDialogMode;
}) {
  const toast = useToast();
  // Read when the dialog opens, not with the visit: every source holds its article's full text.
  const sources = useQuery(() => listSources(), []);
  // Typed to find: an analyst keeps hundreds of articles. Found by title, publisher and day.
  const sourceOptions = useMemo<ComboOption[]>(
    () => [
      { id: '', label: sources.data ? 'No source' : sources.error ? 'No source' : 'Reading the sources…' },
      ...(sources.data ?? []).map((s) => ({
        id: s.id,
        label: s.title,
        keywords: [s.publisher ?? '', s.publishedOn ?? ''].filter(Boolean),
        detail: [s.publisher, s.publishedOn ? dayLabel(s.publishedOn) : ''].filter(Boolean).join(', ') || undefined,
      })),
    ],
    [sources.data, sources.error],
  );
  const choices = choicesFor(visit.status, mode);
  const earliest = earliestDayFor(visit.statusHistory, visit.statusHistory.length);
  const dialogTitle = MODES[mode].title;
  const [to, setTo] = useState<VisitStatus | ''>(choices[0] ?? '');
  const [on, setOn] = useState(localToday());
  const [reason, setReason] = useState('');
  const [sourceId, setSourceId] = useState('');
  const initialStart = fuzzyDateToInput(visit.start);
  const initialEnd = fuzzyDateToInput(visit.end);
  const [start, setStart] = useState(initialStart);
  const [end, setEnd] = useState(initialEnd);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  // The version of the visit the user looked at when choosing: a change saved elsewhere since (a
  // status, its dates) is shown here before this one is applied on top of it.
  const [version, setVersion] = useState(visit.updatedAt);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    const next: Errors = {};
    if (!to) next.to = 'Choose the new status';
    if (!isValidDay(on)) next.on = 'Enter the day the change took effect';
    else if (earliest !== null && on < earliest)
      next.on = `The history is kept in date order: date this change ${dayLabel(earliest)} or later (the last entry's date), or correct that entry first.`;
    if (to && requiresReason(to, visit.status) && reason.trim() === '') next.reason = reasonMissing(visit.status, to);
    const req: StatusChangeRequest = { to: to || 'planned', on, reason, sourceId: sourceId || null };
    if (to && takesDates(to)) {
      // Unchanged text keeps the visit's dates as they are; cleared text means "no longer known".
      const s = parseOptionalDate(start);
      const en = parseOptionalDate(end);
      if (!s.ok) next.start = s.error;
      if (!en.ok) next.end = en.error;
      const sv: FuzzyDate | null = s.ok ? s.value : null;
      const ev: FuzzyDate | null = en.ok ? en.value : null;
      if (s.ok && en.ok && sv && ev && ev.to < sv.from) next.end = 'The end date is before the start date';
      if (start !== initialStart) req.start = sv;
      if (end !== initialEnd) req.end = ev;
    }
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    try {
      await changeVisitStatus(visit.id, req, version);
      toast.notify(`Status changed to ${req.to}`, { undo: true });
      onClose();
    } catch (err) {
      if (err instanceof ConflictError) {
        const now = err.current as Visit;
        setVersion(now.updatedAt);
        setErrors({
          form: `This visit was changed in another window while this dialog was open (its status is now ${now.status}). Nothing was saved: check the choices, then save again.`,
        });
      } else {
        setErrors({ form: describeStorageError(err) });
      }
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  };

  if (choices.length === 0) {
    return (
      <Dialog title={dialogTitle} open onClose={onClose}>
        <p role="alert">{transitionError(visit.status, MODES[mode].only?.[0] ?? 'planned') ?? `A ${visit.status} visit cannot do this.`}</p>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title={dialogTitle} open onClose={onClose}>
      <form className="status-form" onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate>
        <p className="muted">
          {title} — now <strong>{visit.status}</strong>
        </p>
        {errors.form && (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        )}
        <Field label="New status" error={errors.to}>
          <select value={to} onChange={(e) => setTo(e.target.value as VisitStatus)}>
            {choices.map((s) => (
              <option key={s} value={s}>
                {transitionLabel(visit.status, s)} ({s})
              </option>
            ))}
          </select>
        </Field>
        <Field
          label="Effective date"
          error={errors.on}
          hint={`The day it took effect in the world, not the day you record it; it can be in the past.${earliest ? ` On or after ${dayLabel(earliest)} (the history's last entry).` : ''}`}
        >
          <input type="date" value={on} min={earliest ?? undefined} onChange={(e) => setOn(e.target.value)} required />
        </Field>
        <Field
          label="Reason"
          error={errors.reason}
          hint={
            to && requiresReason(to, visit.status)
              ? mode === 'reopen'
                ? 'Required: say what was wrong or what changed.'
                : 'Required: say why.'
              : 'Optional.'
          }
        >
          <textarea
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required={!!to && requiresReason(to, visit.status)}
          />
        </Field>
        <Field
          label="Source"
          hint={
            sources.error
              ? 'Where this was reported. The sources could not be read: the change can be saved without one.'
              : 'Where this was reported: type part of its title.'
          }
        >
          <Combobox
            options={sourceOptions}
            value={sourceId}
            onChange={setSourceId}
            listLabel="Sources"
            placeholder="Type a title…"
            missingLabel="A deleted source"
            disabled={!sources.data && !sources.error}
          />
        </Field>
        {to && takesDates(to) && (
          <div className="date-pair">
            <Field
              label={mode === 'reschedule' ? 'New start' : to === 'completed' ? 'Start (as it happened)' : 'Start'}
              error={errors.start}
              hint={fuzzyDateHint(start, 'Empty: not known.')}
            >
              <FuzzyDateInput value={start} onChange={setStart} />
            </Field>
            <Field
              label={mode === 'reschedule' ? 'New end' : to === 'completed' ? 'End (as it happened)' : 'End'}
              error={errors.end}
              hint={fuzzyDateHint(end, 'Empty: not known.')}
            >
              <FuzzyDateInput value={end} onChange={setEnd} />
            </Field>
          </div>
        )}
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={busy}>
            {to ? transitionLabel(visit.status, to) : 'Change status'}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
