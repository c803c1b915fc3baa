import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { localTimeLabel } from '../../shared/model';
import { unfinishedRestore, type RestoreJournalEntry } from '../db';

/**
 * Shown once, at the launch after a restore was cut off (the app or the machine stopped while it
 * wrote): which file, and that nothing of it was written — the restore is all or nothing.
 */
export function RestoreNotice() {
  const [entry, setEntry] = useState<RestoreJournalEntry | null>(null);
  useEffect(() => {
    let live = true;
    unfinishedRestore().then(
      (e) => {
        if (live) setEntry(e);
      },
      // A journal that cannot be read must not stop the app; there is nothing to say then.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  if (!entry) return null;
  return (
    <section className="data-loss" role="alert" aria-labelledby="restore-notice-title">
      <h2 id="restore-notice-title">The backup was not restored</h2>
      <p>
        Legation stopped while it was restoring “{entry.fileName}” ({localTimeLabel(entry.startedAt)}). A restore is all or nothing, so none
        of it was written: your data is as it was before.
      </p>
      <p>
        To restore that backup, choose the file again: <Link to="/settings?action=restore">Restore a backup…</Link>
      </p>
      <div className="button-row">
        <button type="button" onClick={() => setEntry(null)}>
          Dismiss
        </button>
      </div>
    </section>
  );
}
