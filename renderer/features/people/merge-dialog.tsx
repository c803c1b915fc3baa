import { useState } from 'react';
import { Dialog, useToast } from '../../components';
import type { Person } from '../../../shared/model';
import { describeStorageError, mergePeople } from '../../db';
import { currentRole, roleLabel } from './person-draft';
import './people.css';

export interface MergeChoice {
  person: Person;
  /** Visits naming the person, to help choose the record to keep. */
  visits: number;
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/**
 * Merging people who are one human being: the user picks the record (and so the name) that
 * survives; the others' names become its aliases and everything that names them moves to it.
 * The people are taken at the version shown: if one changed since, nothing is merged and the
 * dialog says so.
 */
export function MergeDialog({ choices, onClose, onMerged }: { choices: MergeChoice[] | null; onClose: () => void; onMerged: () => void }) {
  return (
    <Dialog title="Merge people" open={choices !== null} onClose={onClose}>
      {choices && <MergeForm choices={choices} onClose={onClose} onMerged={onMerged} />}
    </Dialog>
  );
}

function MergeForm({ choices, onClose, onMerged }: { choices: MergeChoice[]; onClose: () => void; onMerged: () => void }) {
  const toast = useToast();
  // The record with the most visits is the likeliest to keep.
  const [keep, setKeep] = useState(() => [...choices].sort((a, b) => b.visits - a.visits)[0]!.person.id);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const survivor = choices.find((c) => c.person.id === keep)!.person;
  const others = choices.filter((c) => c.person.id !== keep);

  const merge = async () => {
    setBusy(true);
    setError(null);
    try {
      const versions = Object.fromEntries(choices.map((c) => [c.person.id, c.person.updatedAt]));
      const r = await mergePeople(
        keep,
        others.map((c) => c.person.id),
        versions,
      );
      const moved = r.moved.visits + r.moved.meetings + r.moved.events + r.moved.notes;
      toast.notify(
        `Merged ${r.merged.map((p) => p.name).join(', ')} into ${r.survivor.name} (${plural(moved, 'record', 'records')} moved)`,
        { undo: true },
      );
      onMerged();
    } catch (e) {
      setError(`Nothing was merged: ${describeStorageError(e)}`);
      setBusy(false);
    }
  };

  return (
    <form
      className="merge-form"
      onSubmit={(e) => {
        e.preventDefault();
        void merge();
      }}
    >
      <fieldset>
        <legend>Keep which name?</legend>
        {choices.map(({ person, visits }) => {
          const role = currentRole(person.roles);
          return (
            <label key={person.id} className="merge-choice">
              <input type="radio" name="merge-keep" value={person.id} checked={keep === person.id} onChange={() => setKeep(person.id)} />
              <span>
                <strong>{person.name}</strong>
                <span className="muted">
                  {' '}
                  · {plural(visits, 'visit', 'visits')}
                  {role && ` · ${roleLabel(role.role)}${role.former && role.role.to ? ` (until ${role.role.to})` : ''}`}
                  {person.aliases.length > 0 && ` · also ${person.aliases.slice(0, 4).join(', ')}${person.aliases.length > 4 ? '…' : ''}`}
                </span>
              </span>
            </label>
          );
        })}
      </fieldset>
      <p>
        {others.map((c) => c.person.name).join(', ')} will become {others.length === 1 ? 'an alias' : 'aliases'} of{' '}
        <strong>{survivor.name}</strong>. Their visits, meetings, events, notes and evidence move to {survivor.name}. You can undo the
        merge.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Merging…' : `Merge ${choices.length} people`}
        </button>
        <button type="button" onClick={onClose} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
