import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { localTimeLabel, noteTitle } from '../../../shared/model';
import { EmptyState, StatusBadge, useToast } from '../../components';
import { countryName } from '../../../shared/places';
import { createNote, deletePerson, describeStorageError, useQuery, type VisitSummary } from '../../db';
import { getPersonDetail } from './people-data';
import { rolePeriod } from './person-draft';

function VisitTable({ label, rows, empty }: { label: string; rows: VisitSummary[]; empty: string }) {
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  return (
    <table aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Visit</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ visit, label: text }) => (
          <tr key={visit.id}>
            <td>
              <Link to={`/visits/${visit.id}`}>{text}</Link>
            </td>
            <td>
              <StatusBadge status={visit.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One person: names, roles over time, the visits they made or hosted, and notes about them. */
export function PersonPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const toast = useToast();
  const { data, isLoading, error } = useQuery(() => getPersonDetail(id), [id]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (error)
    return (
      <p className="form-error" role="alert">
        {error.message}
      </p>
    );
  if (isLoading) return <p className="muted">Loading…</p>;
  if (!data) {
    return (
      <EmptyState title="This person does not exist">
        <p>
          They may have been deleted in another window. <Link to="/people">Back to People</Link>
        </p>
      </EmptyState>
    );
  }
  const { person, asTraveller, asHost, notes } = data;

  const onDelete = async () => {
    setRefusal(null);
    setBusy(true);
    try {
      await deletePerson(person.id);
      toast.notify(`Deleted ${person.name}`, { undo: true });
      void navigate('/people');
    } catch (e) {
      // Refused (e.g. still the traveller of visits): say why here, next to the button.
      setRefusal(describeStorageError(e));
    } finally {
      setBusy(false);
    }
  };

  const onNewNote = async () => {
    try {
      const note = await createNote({ type: 'person', id: person.id });
      void navigate(`/notes/${note.id}`);
    } catch (e) {
      toast.fail(e);
    }
  };

  return (
    <article className="person-page">
      <p className="crumbs">
        <Link to="/people">People</Link>
      </p>
      <div className="page-head">
        <h1>{person.name}</h1>
        <div className="actions">
          <Link className="button" to={`/people/${person.id}/edit`}>
            Edit
          </Link>
          <button type="button" className="danger" disabled={busy} onClick={() => void onDelete()}>
            Delete
          </button>
        </div>
      </div>
      {refusal && (
        <p className="form-error" role="alert">
          {refusal}
        </p>
      )}
      <dl className="facts">
        <dt>Also written</dt>
        <dd>{person.aliases.length ? person.aliases.join(', ') : <span className="muted">no other spellings recorded</span>}</dd>
        <dt>Country</dt>
        <dd>{person.country ? countryName(person.country) : <span className="muted">not recorded</span>}</dd>
        {person.note && (
          <>
            <dt>About</dt>
            <dd className="pre-wrap">{person.note}</dd>
          </>
        )}
      </dl>

      <section aria-labelledby="roles-h">
        <h2 id="roles-h">Roles</h2>
        {person.roles.length === 0 ? (
          <p className="muted">No roles recorded.</p>
        ) : (
          <table aria-label="Roles">
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Country</th>
                <th scope="col">From – to</th>
              </tr>
            </thead>
            <tbody>
              {person.roles.map((r, i) => (
                <tr key={i}>
                  <td>{r.title}</td>
                  <td>{r.country ? countryName(r.country) : <span className="muted">—</span>}</td>
                  <td>{rolePeriod(r) || <span className="muted">dates unknown</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="travel-h">
        <h2 id="travel-h">Visits as traveller</h2>
        <VisitTable label="Visits as traveller" rows={asTraveller} empty="No visits abroad recorded." />
      </section>
      <section aria-labelledby="host-h">
        <h2 id="host-h">Visits as host</h2>
        <VisitTable label="Visits as host" rows={asHost} empty="Has not hosted or met a recorded visitor." />
      </section>

      <section aria-labelledby="notes-h">
        <div className="section-head">
          <h2 id="notes-h">Notes</h2>
          <button type="button" onClick={() => void onNewNote()}>
            New note
          </button>
        </div>
        {notes.length === 0 ? (
          <p className="muted">No notes about {person.name} yet.</p>
        ) : (
          <ul className="note-links">
            {notes.map((n) => (
              <li key={n.id}>
                <Link to={`/notes/${n.id}`}>{noteTitle(n.body)}</Link> <span className="muted">edited {localTimeLabel(n.updatedAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
