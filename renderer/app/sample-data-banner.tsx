import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { SEED_IDS } from '../../shared/seed';
import { Dialog, useToast } from '../components';
import { keepSampleData, removeSampleData, sampleDataNotice, useQuery } from '../db';

/**
 * The first launch explains itself: the visits a new profile shows are sample data taken from one
 * news article. The user keeps them (the banner goes for good), removes exactly them (confirmed,
 * and undoable), or loads the Office of the Historian records that ship with the app.
 */
export function SampleDataBanner() {
  const notice = useQuery(() => sampleDataNotice(), []);
  const toast = useToast();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!notice.data) return null;

  const keep = async () => {
    setBusy(true);
    try {
      await keepSampleData();
    } catch (e) {
      toast.fail(e);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    setBusy(true);
    try {
      const { removed, keptPeople } = await removeSampleData();
      setConfirming(false);
      const kept = keptPeople.length ? ` Kept ${keptPeople.join(', ')}: your own visits name them as traveller.` : '';
      toast.notify(`Sample data removed (${removed} records).${kept}`, { undo: true });
      void navigate('/visits');
    } catch (e) {
      toast.fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="sample-banner" aria-labelledby="sample-banner-title">
      <p id="sample-banner-title" className="sample-banner-title">
        <strong>These visits are sample data</strong>
      </p>
      <p>
        Legation started with {notice.data.visits === 1 ? 'a sample visit' : `${notice.data.visits} sample visits`}, with their people,
        events and notes, taken from one news article (Tehran, 22 July 2020) that is kept in{' '}
        <Link to={`/sources/${SEED_IDS.article}`}>Sources</Link> with every fact linked to its words. Keep them to try Legation out, remove
        them to start empty, or load the U.S. Office of the Historian’s records of leaders’ visits, which ship with the app.
      </p>
      <div className="button-row">
        <button type="button" onClick={() => void keep()} disabled={busy}>
          Keep
        </button>
        <button type="button" onClick={() => setConfirming(true)} disabled={busy}>
          Remove sample data
        </button>
        <button type="button" className="primary" onClick={() => void navigate('/import/dataset', { state: { loadBundled: true } })}>
          Load the Office of the Historian records
        </button>
      </div>
      {confirming ? (
        <Dialog title="Remove the sample data?" open onClose={() => setConfirming(false)}>
          <p>
            This deletes the records that came with the app: the three visits of the sample article, its people, the article itself, its
            quotes, events and notes. Records you added yourself stay. You can undo it right after.
          </p>
          <div className="button-row">
            <button type="button" className="danger" onClick={() => void remove()} disabled={busy}>
              Remove sample data
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </Dialog>
      ) : null}
    </section>
  );
}
