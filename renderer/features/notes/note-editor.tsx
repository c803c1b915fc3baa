import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { hasConflictMarkers, mergeText } from '../../../shared/merge';
import { localTimeLabel, noteTitle, type Note, type NoteTarget } from '../../../shared/model';
import { EmptyState, Field, Markdown, useToast } from '../../components';
import { Combobox, type ComboOption } from '../../components/combobox';
import { ConflictError, deleteNote, getNote, listPeople, listVisitSummaries, saveNoteBody, setNoteTarget, useQuery } from '../../db';
import './note-editor.css';
import { useAutosave, type SaveState } from './use-autosave';

/**
 * The caret's new place after the text around it was replaced: it stays after the same text
 * before it when that text did not change, else it moves with the change in length.
 */
function keepCaret(before: string, after: string, at: number): number {
  if (after.startsWith(before.slice(0, at))) return at;
  const tail = before.slice(at);
  if (after.endsWith(tail)) return after.length - tail.length;
  return Math.max(0, Math.min(after.length, at + after.length - before.length));
}

/** Shown while the text holds a passage both windows changed (both versions, between marker lines). */
function ConflictNotice() {
  return (
    <div className="merge-notice merge-conflict" role="alert">
      <p>
        <strong>This note was changed in two windows at the same place.</strong> Both versions are kept in the text, between lines marked ⟪
        ⟫. Edit the text to keep what you want, and delete those lines.
      </p>
    </div>
  );
}

function MergedNotice({ onDismiss }: { onDismiss: () => void }) {
  return (
    <div className="merge-notice" role="status">
      <p>
        <strong>Merged:</strong> this note was also changed in another window while you typed; both changes are kept.
      </p>
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

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

/** The note's target, typed to find among every visit and person (thousands once a data set is loaded). */
function AttachSelect({ note }: { note: Note }) {
  const toast = useToast();
  const { data } = useQuery(() => Promise.all([listVisitSummaries(), listPeople()]), []);
  const value = targetValue(note.target);
  const options = useMemo<ComboOption[]>(() => {
    const [visits, people] = data ?? [[], []];
    return [
      { id: '', label: 'Nothing (free-standing)' },
      ...visits.map((v) => ({ id: `visit:${v.visit.id}`, label: v.label, group: 'Visit' })),
      ...people.map((p) => ({ id: `person:${p.id}`, label: p.name, keywords: p.aliases, group: 'Person' })),
    ];
  }, [data]);
  const onChange = (v: string) => {
    setNoteTarget(note.id, parseTarget(v)).then(
      () => toast.notify(v ? 'Note attached' : 'Note is now free-standing'),
      (e: unknown) => toast.fail(e),
    );
  };
  return (
    <Field label="Attached to" hint="Type part of a visit (traveller, country, date) or a person’s name.">
      <Combobox
        options={options}
        value={value}
        onChange={onChange}
        listLabel="Visits and people"
        placeholder="Type to find a visit or a person…"
        missingLabel={data ? `A deleted ${note.target?.type ?? 'record'}` : 'Loading…'}
        disabled={!data}
      />
    </Field>
  );
}

function NoteEditor({ initial, latest }: { initial: Note; latest: Note | undefined }) {
  const navigate = useNavigate();
  const toast = useToast();
  const [text, setText] = useState(initial.body);
  const area = useRef<HTMLTextAreaElement>(null);
  // What is in the textarea now (the state lags a render behind inside callbacks).
  const typed = useRef(initial.body);
  // The stored version the text derives from: a save carries it, and the database refuses the
  // save when the note has moved on since (another window saved it): the text is then merged.
  const base = useRef({ body: initial.body, version: initial.updatedAt });
  const [version, setVersion] = useState(initial.updatedAt);
  // Every version the text has been based on (saved here, merged with, taken in). The live query
  // can deliver one of them after a later one (a result read before our save), never news.
  const known = useRef(new Set<string>([initial.updatedAt]));
  const rebase = useCallback((body: string, at: string) => {
    base.current = { body, version: at };
    if (known.current.size > 1000) known.current.clear();
    known.current.add(at);
  }, []);
  // Set when this editor merged another window's text into its own (shown until dismissed).
  const [merged, setMerged] = useState(false);
  // Where the caret should be after the text is replaced from elsewhere.
  const caret = useRef<number | null>(null);

  const replaceText = useCallback((next: string) => {
    const el = area.current;
    if (el && document.activeElement === el) caret.current = keepCaret(typed.current, next, el.selectionStart);
    typed.current = next;
    setText(next);
  }, []);
  useLayoutEffect(() => {
    const el = area.current;
    if (caret.current === null || !el) return;
    el.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  }, [text]);

  const autosaveRef = useRef<{ change: (text: string) => void } | null>(null);
  const save = useCallback(
    async (body: string) => {
      let mine = body;
      for (let attempt = 0; ; attempt++) {
        try {
          const saved = await saveNoteBody(initial.id, mine, base.current.version);
          rebase(saved.body, saved.updatedAt);
          break;
        } catch (e) {
          // Typed in another window since our version: merge theirs in and save the merge on top
          // of it. A few rounds at most (a window typing as fast as we save); then say so.
          if (!(e instanceof ConflictError) || attempt >= 5) throw e;
          const theirs = e.current as Note;
          const r = mergeText(base.current.body, mine, theirs.body);
          rebase(theirs.body, theirs.updatedAt);
          if (r.merged) setMerged(true);
          mine = r.text;
        }
      }
      setVersion(base.current.version);
      if (mine !== body) {
        // The note now holds the merge: show it, with whatever was typed while it was saved on top.
        const now = typed.current;
        const next = now === body ? mine : mergeText(body, now, mine).text;
        replaceText(next);
        if (next !== mine) autosaveRef.current?.change(next);
      }
    },
    [initial.id, replaceText, rebase],
  );
  const autosave = useAutosave(save);
  useEffect(() => {
    autosaveRef.current = autosave;
  }, [autosave]);
  const { hasPending } = autosave;
  const preview = useDeferredValue(text);

  // Another window saved this note. With nothing unsaved here, show its text at once; with
  // typing not yet saved (or being saved), leave it: that save meets the new version and merges.
  const saving = autosave.state.kind === 'saving';
  useEffect(() => {
    if (!latest || known.current.has(latest.updatedAt)) return;
    if (saving || hasPending() || typed.current !== base.current.body) return;
    rebase(latest.body, latest.updatedAt);
    setVersion(latest.updatedAt);
    replaceText(latest.body);
  }, [latest, version, saving, hasPending, replaceText, rebase]);

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
      {hasConflictMarkers(text) ? <ConflictNotice /> : merged && <MergedNotice onDismiss={() => setMerged(false)} />}
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
              typed.current = e.target.value;
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
