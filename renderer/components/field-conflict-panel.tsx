import { useEffect, useRef, useState } from 'react';
import type { FieldChoice, FieldMergeKind } from '../../shared/merge';
import './field-conflict.css';

/** One field of a record changed here, in another window, or both, in words. */
export interface ConflictRow<K extends string> {
  field: K;
  label: string;
  kind: FieldMergeKind;
  before: string;
  mine: string;
  theirs: string;
}

export type ConflictChoices<K extends string> = Partial<Record<K, FieldChoice>>;

/**
 * Shown by an edit form whose save was refused because the record changed in another window
 * (a ConflictError): every field changed on either side, with its value before, the user's and
 * the other window's. Fields changed on one side only are merged; for each field changed on both,
 * the user picks a side (their own by default). Nothing is written until they choose an action; what
 * they typed stays in the form underneath.
 */
export function FieldConflictPanel<K extends string>({
  what,
  rows,
  busy,
  onSave,
  onReview,
  onTakeTheirs,
}: {
  /** "visit", "person", "source". */
  what: string;
  rows: readonly ConflictRow<K>[];
  busy: boolean;
  /** Save the merge, with these choices for the fields changed on both sides. */
  onSave: (choices: ConflictChoices<K>) => void;
  /** Put the merge in the form, unsaved, to edit it further. */
  onReview?: (choices: ConflictChoices<K>) => void;
  /** Drop the user's edits: the form shows the other window's version. */
  onTakeTheirs: () => void;
}) {
  const [choices, setChoices] = useState<ConflictChoices<K>>({});
  // It appears above the form while the user is at its Save button: bring it into view, with the
  // keyboard at its heading.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, []);
  const both = rows.filter((r) => r.kind === 'conflict').length;
  const show = (s: string) => s || '(empty)';
  return (
    <section className="field-conflict" role="alert" aria-labelledby="field-conflict-heading">
      <h2 id="field-conflict-heading" ref={heading} tabIndex={-1}>
        This {what} was changed in another window
      </h2>
      <p>
        Nothing has been saved yet, and what you typed is kept.{' '}
        {both === 1
          ? 'One field was changed in both windows: choose which version to keep.'
          : `${both} fields were changed in both windows: choose which version of each to keep.`}{' '}
        Fields changed in one window only are merged.
      </p>
      <table className="field-conflict-table">
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
          {rows.map((r) => (
            <tr key={r.field} className={`conflict-${r.kind}`}>
              <th scope="row">{r.label}</th>
              <td className="conflict-before" data-label="Before">
                {show(r.before)}
              </td>
              <td data-label="Yours">{show(r.mine)}</td>
              <td data-label="Other window">{show(r.theirs)}</td>
              <td data-label="Keep">
                <Outcome row={r} choice={choices[r.field]} onChoose={(c) => setChoices((old) => ({ ...old, [r.field]: c }))} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => onSave(choices)}>
          Save merged {what}
        </button>
        {onReview && (
          <button type="button" disabled={busy} onClick={() => onReview(choices)}>
            Edit the merge before saving
          </button>
        )}
        <button type="button" disabled={busy} onClick={onTakeTheirs}>
          Discard my edits, keep the other window’s
        </button>
      </div>
    </section>
  );
}

function Outcome<K extends string>({
  row,
  choice,
  onChoose,
}: {
  row: ConflictRow<K>;
  choice: FieldChoice | undefined;
  onChoose: (c: FieldChoice) => void;
}) {
  if (row.kind === 'mine') return <span>Yours (changed here only)</span>;
  if (row.kind === 'theirs') return <span>Other window’s (changed there only)</span>;
  if (row.kind === 'both-same') return <span>Same in both</span>;
  if (row.kind === 'same') return <span>Unchanged</span>;
  const name = `keep-${row.field}`;
  return (
    <div role="radiogroup" aria-label={`Keep which ${row.label.toLowerCase()}`} className="conflict-choice">
      <label>
        <input type="radio" name={name} checked={(choice ?? 'mine') === 'mine'} onChange={() => onChoose('mine')} /> Yours
      </label>
      <label>
        <input type="radio" name={name} checked={choice === 'theirs'} onChange={() => onChoose('theirs')} /> Other window’s
      </label>
    </div>
  );
}
