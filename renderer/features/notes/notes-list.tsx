import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { localTimeLabel, noteTitle } from '../../../shared/model';
import { foldForSearch } from '../../../shared/text/fold';
import { EmptyState, useToast } from '../../components';
import { createNote, useQuery } from '../../db';
import { listNoteRows } from './notes-data';

/** The Notes screen: every note, last edited first, with what it is attached to. */
export function NotesList() {
  const navigate = useNavigate();
  const toast = useToast();
  const [query, setQuery] = useState('');
  const { data, error, isLoading } = useQuery(() => listNoteRows(), []);
  const q = foldForSearch(query.trim());
  const rows = q
    ? data?.filter((r) => foldForSearch(r.note.body).includes(q) || foldForSearch(r.attachedTo?.label ?? '').includes(q))
    : data;

  const onNew = async () => {
    try {
      const note = await createNote(null);
      void navigate(`/notes/${note.id}`);
    } catch (e) {
      toast.fail(e);
    }
  };

  return (
    <section>
      <div className="page-head">
        <h1>Notes</h1>
        <button type="button" className="primary" onClick={() => void onNew()}>
          New note
        </button>
      </div>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="notes-find">Find in notes</label>
          <input id="notes-find" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Words in the text" />
        </div>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      {isLoading ? (
        <p className="muted">Loading notes…</p>
      ) : !rows || rows.length === 0 ? (
        <EmptyState title={q ? `No note contains “${query.trim()}”` : 'No notes yet'}>
          <p>{q ? 'Try other words.' : 'Write what you learn as you go: a note can stand alone or belong to a visit or a person.'}</p>
        </EmptyState>
      ) : (
        <table aria-label="Notes">
          <thead>
            <tr>
              <th scope="col">Note</th>
              <th scope="col">Attached to</th>
              <th scope="col">Last edited</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ note, attachedTo }) => (
              <tr key={note.id}>
                <td>
                  <Link to={`/notes/${note.id}`}>{noteTitle(note.body)}</Link>
                </td>
                <td>{attachedTo ? <Link to={attachedTo.route}>{attachedTo.label}</Link> : <span className="muted">Free-standing</span>}</td>
                <td className="nowrap">{localTimeLabel(note.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
