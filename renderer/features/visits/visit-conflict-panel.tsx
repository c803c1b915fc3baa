import { useState } from 'react';
import type { FieldChoice } from '../../../shared/merge';
import type { Person } from '../../../shared/model';
import { FIELD_LABELS, type VisitFormField, type VisitFormValues } from './visit-form-model';
import { describeValue, type VisitConflict, type VisitFieldMerge } from './visit-conflict';
import './visit-conflict.css';

export type ConflictChoices = Partial<Record<VisitFormField, FieldChoice>>;

/**
 * Shown when the form's save was refused because the visit changed in another window: every field
 * changed on either side, with its value before, the user's and the other window's. Fields changed
 * on one side only are merged; for each field changed on both, the user picks a side. Nothing is
 * written until they choose an action; what they typed stays in the form underneath.
 */
export function VisitConflictPanel({
  conflict,
  base,
  mine,
  people,
  busy,
  onSave,
  onReview,
  onTakeTheirs,
}: {
  conflict: VisitConflict;
  base: VisitFormValues;
  mine: VisitFormValues;
  people: readonly Person[];
  busy: boolean;
  /** Save the merge, with these choices for the fields changed on both sides. */
  onSave: (choices: ConflictChoices) => void;
  /** Put the merge in the form, unsaved, to edit it further. */
  onReview: (choices: ConflictChoices) => void;
  /** Drop the user's edits: the form shows the other window's version. */
  onTakeTheirs: () => void;
}) {
  const [choices, setChoices] = useState<ConflictChoices>({});
  const both = conflict.merges.filter((m) => m.kind === 'conflict');
  const show = (field: VisitFormField, values: VisitFormValues) => describeValue(field, values, people) || '(empty)';
  return (
    <section className="visit-conflict" role="alert" aria-labelledby="visit-conflict-heading">
      <h2 id="visit-conflict-heading">This visit was changed in another window</h2>
      <p>
        Nothing has been saved yet, and what you typed is kept.{' '}
        {both.length === 1
          ? 'One field was changed in both windows: choose which version to keep.'
          : `${both.length} fields were changed in both windows: choose which version of each to keep.`}{' '}
        Fields changed in one window only are merged.
      </p>
      <table className="visit-conflict-table">
        <caption className="visually-hidden">Fields changed since you opened the form</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Before</th>
            <th scope="col">Yours</th>
            <th scope="col">Other window</th>
            <th scope="col">Keep</th>
          </tr>
        </thead>
        <tbody>
          {conflict.merges.map((m) => (
            <tr key={m.field} className={`conflict-${m.kind}`}>
              <th scope="row">{FIELD_LABELS[m.field]}</th>
              <td className="conflict-before" data-label="Before">
                {show(m.field, base)}
              </td>
              <td data-label="Yours">{show(m.field, mine)}</td>
              <td data-label="Other window">{show(m.field, conflict.theirsValues)}</td>
              <td data-label="Keep">
                <Outcome merge={m} choice={choices[m.field]} onChoose={(c) => setChoices((old) => ({ ...old, [m.field]: c }))} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => onSave(choices)}>
          Save merged visit
        </button>
        <button type="button" disabled={busy} onClick={() => onReview(choices)}>
          Edit the merge before saving
        </button>
        <button type="button" disabled={busy} onClick={onTakeTheirs}>
          Discard my edits, keep the other window’s
        </button>
      </div>
    </section>
  );
}

function Outcome({
  merge,
  choice,
  onChoose,
}: {
  merge: VisitFieldMerge;
  choice: FieldChoice | undefined;
  onChoose: (c: FieldChoice) => void;
}) {
  if (merge.kind === 'mine') return <span>Yours (changed here only)</span>;
  if (merge.kind === 'theirs') return <span>Other window’s (changed there only)</span>;
  if (merge.kind === 'both-same') return <span>Same in both</span>;
  const name = `keep-${merge.field}`;
  const label = FIELD_LABELS[merge.field];
  return (
    <div role="radiogroup" aria-label={`Keep which ${label.toLowerCase()}`} className="conflict-choice">
      <label>
        <input type="radio" name={name} checked={(choice ?? 'mine') === 'mine'} onChange={() => onChoose('mine')} /> Yours
      </label>
      <label>
        <input type="radio" name={name} checked={choice === 'theirs'} onChange={() => onChoose('theirs')} /> Other window’s
      </label>
    </div>
  );
}
