import { useState } from 'react';
import { Link } from 'react-router';
import { formatVisitDates, visitTitle } from '../../../shared/model';
import { EmptyState, StatusBadge, useToast } from '../../components';
import { acceptReconcileProposal, listReconcileProposals, rejectReconcileProposal, useQuery, type ReconcileRow } from '../../db';

const KIND_LABEL = { 'fulfilled-by': 'Fulfilled by', 'rescheduled-as': 'Rescheduled as' } as const;

/**
 * Planned and postponed visits that recorded ones (e.g. from an imported dataset) seem to fulfil.
 * Nothing changes until the user accepts a match; a rejected match is not proposed again.
 */
export function ReconcilePage() {
  const { data: rows, isLoading, error } = useQuery(() => listReconcileProposals(), []);
  const toast = useToast();
  const [busy, setBusy] = useState<string | null>(null);

  const act = async (row: ReconcileRow, accept: boolean) => {
    setBusy(row.plannedId);
    try {
      if (accept) {
        await acceptReconcileProposal(row);
        toast.notify(`Match accepted: ${visitTitle({ name: row.travellerName }, row.planned.place)} is now ${row.recorded.status}`, {
          undo: true,
        });
      } else {
        await rejectReconcileProposal(row);
        toast.notify('Match rejected; it will not be proposed again', { undo: true });
      }
    } catch (e) {
      toast.fail(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="reconcile-heading">
      <div className="page-head">
        <h1 id="reconcile-heading">Reconcile</h1>
      </div>
      <p className="muted">
        Planned and postponed visits matched with recorded ones: same traveller (by name or alias), same host country, recorded inside the
        planned dates (give or take two weeks) or after a postponement. Accepting records how the trip ended, with the recorded
        visit&rsquo;s dates and source, and merges the two records. Nothing changes until you accept.
      </p>
      {error && <p className="form-error">{error.message}</p>}
      {isLoading && <p className="muted">Looking for matches…</p>}
      {rows && rows.length === 0 && (
        <EmptyState title="Nothing to reconcile">
          <p>
            No planned or postponed visit matches a recorded one. Import a dataset or an article from <Link to="/import">Import</Link> to
            find matches.
          </p>
        </EmptyState>
      )}
      {rows && rows.length > 0 && (
        <table aria-label="Proposed matches">
          <thead>
            <tr>
              <th scope="col">Planned or postponed</th>
              <th scope="col">Match</th>
              <th scope="col">Recorded</th>
              <th scope="col">Why</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.plannedId}>${row.recordedId}`}>
                <td>
                  <Link to={`/visits/${row.plannedId}`}>{visitTitle({ name: row.travellerName }, row.planned.place)}</Link>
                  <div className="muted">
                    <StatusBadge status={row.planned.status} /> {formatVisitDates(row.planned.start, row.planned.end)}
                  </div>
                </td>
                <td>{KIND_LABEL[row.kind]}</td>
                <td>
                  <Link to={`/visits/${row.recordedId}`}>{visitTitle({ name: row.recordedTravellerName }, row.recorded.place)}</Link>
                  <div className="muted">
                    <StatusBadge status={row.recorded.status} /> {formatVisitDates(row.recorded.start, row.recorded.end)}
                  </div>
                </td>
                <td>{row.reason}</td>
                <td className="reconcile-actions">
                  <button
                    type="button"
                    className="primary"
                    disabled={busy === row.plannedId}
                    onClick={() => void act(row, true)}
                    aria-label={`Accept: ${visitTitle({ name: row.travellerName }, row.planned.place)} ${KIND_LABEL[row.kind].toLowerCase()} the visit of ${formatVisitDates(row.recorded.start, row.recorded.end)}`}
                  >
                    Accept
                  </button>{' '}
                  <button
                    type="button"
                    disabled={busy === row.plannedId}
                    onClick={() => void act(row, false)}
                    aria-label={`Reject: ${visitTitle({ name: row.travellerName }, row.planned.place)}`}
                  >
                    Reject
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
