import { useState } from 'react';
import { Link } from 'react-router';
import { localTimeLabel } from '../../shared/model';
import { useToast } from '../components';
import { dataLossNotice, dismissDataLoss, useQuery } from '../db';

/**
 * Shown on every screen, until dismissed, when the browser engine reset the database at start (see
 * renderer/db/data-loss.ts): what happened, in the engine's words, and the way back (a backup).
 */
export function DataLossBanner() {
  const notice = useQuery(() => dataLossNotice(), []);
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const lost = notice.data;
  if (!lost) return null;
  const when = localTimeLabel(lost.at);
  const dismiss = async () => {
    setBusy(true);
    try {
      await dismissDataLoss();
    } catch (e) {
      toast.fail(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="data-loss" role="alert" aria-labelledby="data-loss-title">
      <h2 id="data-loss-title">Your saved records could not be opened</h2>
      <p>
        When Legation started ({when}), the browser engine that keeps its data found the database damaged and started it afresh, empty. The
        records saved before are not in it. This can follow a crash or a power cut while the app was saving.
      </p>
      <p>
        If you have a backup, restore it now: <Link to="/settings?action=restore">Restore a backup…</Link> Files you exported (reports,
        Markdown, CSV, calendars) are not affected.
      </p>
      <p className="muted">The engine said: “{lost.message}”</p>
      <div className="button-row">
        <button type="button" onClick={() => void dismiss()} disabled={busy}>
          Dismiss
        </button>
      </div>
    </section>
  );
}
