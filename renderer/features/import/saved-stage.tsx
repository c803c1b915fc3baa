import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { formatVisitDates } from '../../../shared/model';
import { countryName } from '../../../shared/places';
import { StatusBadge } from '../../components';
import { getSource, useQuery, type ArticleImportResult } from '../../db';

/** The last stage of /import: what was saved (or that it was undone since), with links to it. */
export function SavedStage({
  saved,
  names,
  onAnother,
}: {
  saved: ArticleImportResult;
  names: Record<string, string>;
  onAnother: () => void;
}) {
  const stillThere = useQuery(() => getSource(saved.source.id), [saved.source.id]);
  const undone = !stillThere.isLoading && !stillThere.data;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const n = saved.visits.length;
  return (
    <div className="import-saved" aria-labelledby="import-saved-h">
      <h2 id="import-saved-h" ref={headingRef} tabIndex={-1}>
        {undone ? 'This import was undone' : `Saved ${n} visit${n === 1 ? '' : 's'}`}
      </h2>
      {undone ? (
        <p>The source, the new people, the visits and their evidence were removed.</p>
      ) : (
        <>
          <p>
            From <Link to={`/sources/${saved.source.id}`}>{saved.source.title}</Link>: {saved.createdPeople.length} new{' '}
            {saved.createdPeople.length === 1 ? 'person' : 'people'}, {saved.linkedPeople.length} already known, {saved.evidence.length}{' '}
            evidence quote{saved.evidence.length === 1 ? '' : 's'}.
          </p>
          <p>
            <Link to="/reconcile">Match planned visits with recorded ones (Reconcile)</Link>
          </p>
          <ul className="import-saved-list" aria-label="Imported visits">
            {saved.visits.map((v) => (
              <li key={v.id}>
                <Link to={`/visits/${v.id}`}>
                  {names[v.travellerId] ?? 'Traveller'} → {countryName(v.place.country)}
                  {v.place.city ? `, ${v.place.city}` : ''}
                </Link>{' '}
                <StatusBadge status={v.status} /> <span className="muted">{formatVisitDates(v.start, v.end)}</span>
              </li>
            ))}
          </ul>
          {saved.skipped.length > 0 && (
            <p className="muted">
              {saved.skipped.length} accepted proposal{saved.skipped.length === 1 ? ' was' : 's were'} already recorded and not duplicated:{' '}
              {saved.skipped.map((s, i) => (
                <span key={s.existingVisitId}>
                  {i > 0 && ', '}
                  <Link to={`/visits/${s.existingVisitId}`}>visit {i + 1}</Link>
                </span>
              ))}
              .
            </p>
          )}
        </>
      )}
      <div className="form-actions">
        <button type="button" className="primary" onClick={onAnother}>
          Import another article
        </button>
        <Link className="button" to="/visits">
          Go to Visits
        </Link>
      </div>
    </div>
  );
}
