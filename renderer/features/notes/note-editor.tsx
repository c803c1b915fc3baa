import { useCallback, useDeferredValue, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { localTimeLabel, noteTitle, type Note, type NoteTarget } from '../../../shared/model';
import { EmptyState, Field, Markdown, useToast } from '../../components';
import { deleteNote, getNote, listPeople, listVisitSummaries, saveNoteBody, setNoteTarget, useQuery } from '../../db';
import { useAutosave, type SaveState } from './use-autosave';

function targetValue(t: NoteTarget): string {
  return t ? `${t.type}:${t.id}` : '';
}

function parseTarget(value: string): NoteTarget {
  const m = /^(visit|person):(.+)$/.exec(value);
  return m ? { type: m[1] as 'visit' | 'person', id: m[2]! } : null;
}

function SaveStatus({ state }: { state: SaveState }) {
  return (
    <p className={`save-state save-${state.kind}`} role="status">
      {state.kind === 'saving'
        ? 'Saving…'
        : state.kind === 'saved'
          ? 'All changes saved'
          : `Not saved: ${state.message} Your text is kept here; saving is tried again as you type.`}
    </p>
  );
}

function AttachSelect({ note }: { note: Note }) {
  const toast = useToast();
  const { data } = useQuery(() => Promise.all([listVisitSummaries(), listPeople()]), []);
  const [visits, people] = data ?? [[], []];
  const value = targetValue(note.target);
  const known = value === '' || visits.some((v) => `visit:${v.visit.id}` === value) || people.some((p) => `person:${p.id}` === value);
  const onChange = (v: string) => {
    setNoteTarget(note.id, parseTarget(v)).then(
      () => toast.notify(v ? 'Note attached' : 'Note is now free-standing'),
      (e: unknown) => toast.fail(e),
    );
  };
  return (
    <Field label="Attached to">
      <select value={value} onChange={(e) => onChange(e.target.value)} disabled={!data}>
        <option value="">Nothing (free-standing)</option>
        {!known && <option value={value}>A deleted {note.target?.type ?? 'record'}</option>}
        <optgroup label="Visits">
          {visits.map((v) => (
            <option key={v.visit.id} value={`visit:${v.visit.id}`}>
              {v.label}
            </option>
          ))}
        </optgroup>
        <optgroup label="People">
          {people.map((p) => (
            <option key={p.id} value={`person:${p.id}`}>
              {p.name}
            </option>
          ))}
        </optgroup>
      </select>
    </Field>
  );
}

function NoteEditor({ initial, latest }: { initial: Note; latest: Note | undefined }) {
  const navigate = useNavigate();
  const toast = useToast();
  const [text, setText] = useState(initial.body);
  const area = useRef<HTMLTextAreaElement>(null);
  // Every body this editor wrote: a live update carrying one of them is our own echo (possibly
  // older than what is typed now), never a reason to replace the text.
  const written = useRef(new Set<string>([initial.body]));
  const save = useCallback(
    (body: string) => {
      if (written.current.size > 500) written.current.clear();
      written.current.add(body);
      return saveNoteBody(initial.id, body);
    },
    [initial.id],
  );
  const autosave = useAutosave(save);
  const { hasPending } = autosave;
  const preview = useDeferredValue(text);

  // Another window edited this note while nothing was pending here: show its text.
  const external = latest?.body;
  useEffect(() => {
    if (external === undefined || written.current.has(external) || hasPending() || document.activeElement === area.current) return;
    setText(external);
  }, [external, hasPending]);

  const onDelete = async () => {
    try {
      await autosave.flush();
      await deleteNote(initial.id);
      toast.notify('Note deleted', { undo: true });
      void navigate('/notes');
    } catch (e) {
      toast.fail(e);
    }
  };

  const note = latest ?? initial;
  return (
    <article className="note-editor">
      <p className="crumbs">
        <Link to="/notes">Notes</Link>
      </p>
      <div className="page-head">
        <h1>{noteTitle(text)}</h1>
        <div className="actions">
          <SaveStatus state={autosave.state} />
          <button type="button" className="danger" onClick={() => void onDelete()}>
            Delete note
          </button>
        </div>
      </div>
      {!latest && (
        <p className="form-error" role="alert">
          This note was deleted (perhaps in another window). Copy anything you want to keep from the text below.
        </p>
      )}
      <div className="note-meta">
        <AttachSelect note={note} />
        <p className="muted">Last edited {localTimeLabel(note.updatedAt)}</p>
      </div>
      <div className="note-columns">
        <div className="field note-source">
          <label htmlFor="note-body">Note (Markdown)</label>
          <textarea
            id="note-body"
            ref={area}
            value={text}
            spellCheck
            onChange={(e) => {
              setText(e.target.value);
              autosave.change(e.target.value);
            }}
            onBlur={() => void autosave.flush()}
            placeholder={'# Title\n\nWrite in Markdown: **bold**, *italic*, - lists, > quotes.'}
          />
        </div>
        <section className="note-preview" aria-labelledby="preview-h">
          <h2 id="preview-h">Preview</h2>
          {preview.trim() ? <Markdown source={preview} /> : <p className="muted">Nothing written yet.</p>}
        </section>
      </div>
    </article>
  );
}

/** /notes/:id. Keeps the editor mounted once loaded: a live update can never swap out what is typed. */
export function NoteEditorPage() {
  const { id = '' } = useParams();
  const { data, isLoading, error } = useQuery(() => getNote(id), [id]);
  const [loaded, setLoaded] = useState<Note | null>(null);
  if (data && loaded?.id !== data.id) setLoaded(data);
  if (error)
    return (
      <p className="form-error" role="alert">
        {error.message}
      </p>
    );
  if (loaded && loaded.id === id) return <NoteEditor key={loaded.id} initial={loaded} latest={data} />;
  if (isLoading || data) return <p className="muted">Loading…</p>;
  return (
    <EmptyState title="This note does not exist">
      <p>
        It may have been deleted. <Link to="/notes">Back to Notes</Link>
      </p>
    </EmptyState>
  );
}
