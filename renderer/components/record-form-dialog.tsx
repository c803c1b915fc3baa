import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { Dialog } from './dialog';
import { FieldConflictPanel, type ConflictChoices, type ConflictRow } from './field-conflict-panel';
import './record-form.css';

/**
 * The frame of a dialog that edits one record with a versioned save (the meeting and context
 * event dialogs, with `useVersionedForm`): what happened in another window, the refusal message,
 * the conflict panel, the fields, and Save/Cancel. Ctrl/Cmd+Enter saves; Escape or Cancel with
 * typed changes asks before closing, so nothing typed goes without the user's say. After a refused
 * save (`attempt` grows) the keyboard goes to the first field to correct.
 */
export function RecordFormDialog<K extends string>({
  title,
  what,
  submitLabel,
  dirty,
  busy,
  gone,
  changedElsewhere,
  refreshed,
  formError,
  attempt,
  conflictRows,
  onSave,
  onResolve,
  onTakeTheirs,
  onClose,
  children,
}: {
  title: string;
  /** "meeting", "event": how the messages name the record. */
  what: string;
  submitLabel: string;
  dirty: boolean;
  busy: boolean;
  /** The record was deleted in another window while the dialog is open. */
  gone: boolean;
  changedElsewhere: boolean;
  refreshed: boolean;
  formError: string | null;
  attempt: number;
  /** The conflict panel's rows; null when there is no conflict. */
  conflictRows: ConflictRow<K>[] | null;
  onSave: () => void;
  /** The user's choices in the conflict panel, to save the merge or (`andSave` false) to review it. */
  onResolve: (choices: ConflictChoices<K>, andSave: boolean) => void;
  onTakeTheirs: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const [confirmClose, setConfirmClose] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (attempt === 0) return;
    const form = formRef.current;
    (form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('.form-error'))?.focus();
  }, [attempt]);
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onSave();
    } else if (e.key === 'Escape' && dirty && !e.defaultPrevented) {
      // The dialog would close and take the typing with it: ask first.
      e.preventDefault();
      setConfirmClose(true);
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    onSave();
  };
  return (
    <Dialog title={title} open onClose={onClose}>
      <form ref={formRef} className="record-form" aria-label={title} onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate>
        {gone && (
          <p className="form-error" role="alert">
            This {what} was deleted in another window. Saving will fail; copy what you need, or undo the deletion there.
          </p>
        )}
        {changedElsewhere && !gone && (
          <p className="field-conflict-note" role="status">
            This {what} was changed in another window since you opened it. Your edits are kept: saving will merge them, and ask you where
            both windows changed the same field.
          </p>
        )}
        {refreshed && !changedElsewhere && !conflictRows && (
          <p className="field-conflict-note" role="status">
            The form shows the changes saved in another window.
          </p>
        )}
        {formError && (
          <p className="form-error" role="alert" tabIndex={-1}>
            {formError}
          </p>
        )}
        {conflictRows && (
          <FieldConflictPanel
            what={what}
            rows={conflictRows}
            busy={busy}
            onSave={(choices) => onResolve(choices, true)}
            onReview={(choices) => onResolve(choices, false)}
            onTakeTheirs={onTakeTheirs}
          />
        )}
        {children}
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
            <button type="submit" className="primary" disabled={busy}>
              {submitLabel}
            </button>
            <button type="button" onClick={() => (dirty ? setConfirmClose(true) : onClose())}>
              Cancel
            </button>
            <span className="muted">Ctrl+Enter saves</span>
          </div>
        )}
      </form>
    </Dialog>
  );
}
