import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type FormEvent,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { Link } from 'react-router';
import type { ExtractionResult, KnownPerson } from '../../../shared/extract/types';
import { formatFuzzyDate, type FuzzyDate } from '../../../shared/model';
import { countryName, placeFor } from '../../../shared/places';
import { encodingProblem, sniffEncoding } from '../../../shared/text/encoding';
import { bridge } from '../../bridge';
import { EmptyState, Field, StatusBadge, useToast } from '../../components';
import {
  describeStorageError,
  DuplicateSourceError,
  getSource,
  listPeople,
  previewArticleImport,
  saveArticleImport,
  useQuery,
  type ArticleImportResult,
  type ProposalPreview,
  type ImportVisitProposal,
} from '../../db';
import { ArticleText } from './article-text';
import { ProposalEditor } from './proposal-editor';
import {
  acceptedProposals,
  counts,
  cueOf,
  decide,
  decideAll,
  defaultTitle,
  evidenceParts,
  isHtmlInput,
  parsePublicationDate,
  rowsFromResult,
  urlError,
  type Decision,
  type ReviewRow,
} from './review-model';
import { useExtraction } from './use-extraction';
import './person-choice.css';

/** Largest article file the page reads (a long web page is well under 1 MB). */
const MAX_ARTICLE_BYTES = 10 * 1024 * 1024;
const EXTENSIONS = ['txt', 'html', 'htm'];

interface Draft {
  text: string;
  /** The file the text came from, if any (decides text or HTML). */
  fileName: string | null;
  publishedOn: string;
  title: string;
  publisher: string;
  url: string;
}

interface Review {
  result: ExtractionResult;
  /** The text the extractor read, before its normalisation; and the input as given (for duplicates). */
  plainText: string;
  rawInput: string;
  rows: ReviewRow[];
  ms: number;
  importAnyway: boolean;
}

type Stage =
  { kind: 'input' } | { kind: 'review'; review: Review } | { kind: 'saved'; saved: ArticleImportResult; names: Record<string, string> };

interface PageState {
  draft: Draft;
  stage: Stage;
}

const EMPTY_DRAFT: Draft = { text: '', fileName: null, publishedOn: '', title: '', publisher: '', url: '' };

/**
 * What the page holds survives leaving the screen and coming back (the review is work the user
 * has done), for as long as the window is open. Nothing of it is in the database until saved.
 */
let kept: PageState = { draft: EMPTY_DRAFT, stage: { kind: 'input' } };

const REFERENCE_SOURCE: Record<ExtractionResult['referenceSource'], string> = {
  'date-line': 'the date line at the top of the article',
  dateline: 'the dateline of the article',
  published: 'the publication date',
  caller: 'the publication date you gave',
  none: '',
};

function dayLabel(day: string): string {
  return formatFuzzyDate({ precision: 'day', from: day, to: day });
}

function datesLabel(start: FuzzyDate | null, end: FuzzyDate | null): string {
  if (!start && !end) return 'not stated';
  if (!start) return `until ${formatFuzzyDate(end)}`;
  if (!end || (end.from === start.from && end.to === start.to)) return formatFuzzyDate(start);
  return `${formatFuzzyDate(start)} – ${formatFuzzyDate(end)}`;
}

function kb(n: number): string {
  return n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function useElapsed(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!running) return;
    const began = performance.now();
    const t = setInterval(() => setSeconds(Math.floor((performance.now() - began) / 1000)), 250);
    return () => {
      clearInterval(t);
      setSeconds(0);
    };
  }, [running]);
  return seconds;
}

/** /import: paste or open an article, review the visits it reports, save the accepted ones. */
export function ImportPage() {
  const [state, setState] = useState<PageState>(kept);
  useEffect(() => {
    kept = state;
  }, [state]);
  const { draft, stage } = state;
  const setDraft = useCallback((patch: Partial<Draft>) => setState((s) => ({ ...s, draft: { ...s.draft, ...patch } })), []);
  const setStage = useCallback((next: Stage) => setState((s) => ({ ...s, stage: next })), []);
  const extraction = useExtraction();
  const elapsed = useElapsed(extraction.running);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [dateError, setDateError] = useState<string | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);

  const findVisits = async () => {
    setError(null);
    setNotice(null);
    const text = draft.text;
    if (text.trim() === '') {
      setError('Paste the text of an article, or open a .txt or .html file, first.');
      textRef.current?.focus();
      return;
    }
    const date = parsePublicationDate(draft.publishedOn);
    if (!date.ok) {
      setDateError(date.error);
      return;
    }
    setDateError(null);
    let knownPeople: KnownPerson[] = [];
    try {
      knownPeople = (await listPeople()).map((p) => ({ id: p.id, name: p.name, aliases: p.aliases, country: p.country }));
    } catch (e) {
      // Matching known people is a help, not a requirement: read the article without it.
      setNotice(`Existing people could not be read (${describeStorageError(e)}); every traveller will be proposed as new.`);
    }
    const format = isHtmlInput(text, draft.fileName) ? 'html' : 'text';
    const outcome = await extraction.run({ format, input: text, publishedOn: date.value, knownPeople });
    if (!outcome.ok) {
      if ('cancelled' in outcome) setNotice('Stopped. Nothing was read; your text is still here.');
      else setError(`The article could not be read: ${outcome.error}`);
      return;
    }
    setState((s) => ({
      draft: { ...s.draft, title: s.draft.title.trim() ? s.draft.title : defaultTitle(outcome.result.text) },
      stage: {
        kind: 'review',
        review: {
          result: outcome.result,
          plainText: outcome.plainText,
          rawInput: text,
          rows: rowsFromResult(outcome.result),
          ms: outcome.ms,
          importAnyway: false,
        },
      },
    }));
  };

  return (
    <section className="import-page">
      <div className="page-head">
        <h1>Import</h1>
        <Link to="/import/dataset">Import a dataset (Office of the Historian)</Link>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p className="import-notice" role="status">
          {notice}
        </p>
      )}
      {stage.kind === 'input' && (
        <InputStage
          draft={draft}
          setDraft={setDraft}
          textRef={textRef}
          running={extraction.running}
          elapsed={elapsed}
          dateError={dateError}
          onFind={() => void findVisits()}
          onCancel={extraction.cancel}
          onError={setError}
        />
      )}
      {stage.kind === 'review' && (
        <ReviewStage
          draft={draft}
          setDraft={setDraft}
          review={stage.review}
          setReview={(review) => setStage({ kind: 'review', review })}
          onBack={() => {
            setError(null);
            setStage({ kind: 'input' });
          }}
          onSaved={(saved, names) => {
            setError(null);
            setStage({ kind: 'saved', saved, names });
          }}
        />
      )}
      {stage.kind === 'saved' && (
        <SavedStage
          saved={stage.saved}
          names={stage.names}
          onAnother={() => {
            setError(null);
            setNotice(null);
            setState({ draft: EMPTY_DRAFT, stage: { kind: 'input' } });
          }}
        />
      )}
    </section>
  );
}

function InputStage({
  draft,
  setDraft,
  textRef,
  running,
  elapsed,
  dateError,
  onFind,
  onCancel,
  onError,
}: {
  draft: Draft;
  setDraft: (p: Partial<Draft>) => void;
  textRef: RefObject<HTMLTextAreaElement | null>;
  running: boolean;
  elapsed: number;
  dateError: string | null;
  onFind: () => void;
  onCancel: () => void;
  onError: (message: string | null) => void;
}) {
  const [dragging, setDragging] = useState(false);
  const urlProblem = urlError(draft.url);

  const takeFile = (fileName: string, text: string) => {
    onError(null);
    setDraft({ text, fileName });
    textRef.current?.focus();
  };

  const chooseFile = async () => {
    try {
      const reply = await bridge.openFile({ filterName: 'Articles', extensions: EXTENSIONS, maxBytes: MAX_ARTICLE_BYTES });
      if (reply.status === 'opened') takeFile(reply.fileName, reply.text);
      else if (reply.status === 'refused') onError(reply.message);
    } catch (e) {
      onError(`The file could not be opened: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    if (running) return;
    const files = [...e.dataTransfer.files];
    const file = files[0];
    if (!file) return;
    if (files.length > 1) return onError('Drop one file at a time.');
    if (!/\.(txt|html?)$/i.test(file.name))
      return onError(`${file.name} is not a .txt or .html file: only text and web pages can be read.`);
    if (file.size > MAX_ARTICLE_BYTES)
      return onError(`${file.name} is ${kb(file.size)}; the limit is ${kb(MAX_ARTICLE_BYTES)}. It was not read.`);
    file.arrayBuffer().then(
      (buffer) => {
        // Refused in the same words as a file chosen with the button (the bridge) or given to the CLI.
        const bytes = new Uint8Array(buffer);
        const problem = encodingProblem(file.name, sniffEncoding(bytes));
        if (problem) onError(problem);
        else takeFile(file.name, new TextDecoder('utf-8').decode(bytes));
      },
      (err: unknown) => onError(`${file.name} could not be read: ${err instanceof Error ? err.message : String(err)}`),
    );
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!running) onFind();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      if (!running) onFind();
    }
  };

  const html = isHtmlInput(draft.text, draft.fileName);
  return (
    <form className="import-form" aria-label="Article to import" onSubmit={submit} noValidate>
      <p className="muted">
        Paste a news article or open a .txt or .html file. Legation proposes the visits the article reports; you review them, and nothing is
        saved until you accept.
      </p>
      <div
        className={`import-drop${dragging ? ' import-drop-active' : ''}`}
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes('Files')) {
            e.preventDefault();
            e.dataTransfer.dropEffect = 'copy';
            setDragging(true);
          }
        }}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <Field
          label="Article text"
          hint={
            draft.fileName
              ? `From ${draft.fileName} (${kb(new Blob([draft.text]).size)}${html ? ', a web page: its text is read' : ''}).`
              : 'Ctrl+Enter finds the visits.'
          }
        >
          <textarea
            ref={textRef}
            rows={14}
            value={draft.text}
            readOnly={running}
            spellCheck={false}
            onKeyDown={onKeyDown}
            onChange={(e) => setDraft({ text: e.target.value, fileName: null })}
            placeholder="Paste the article here, or drop a .txt or .html file on this box"
          />
        </Field>
        <div className="import-drop-line">
          <span className="muted">Drop a .txt or .html file here, or</span>
          <button type="button" onClick={() => void chooseFile()} disabled={running}>
            Choose file…
          </button>
        </div>
      </div>
      <div className="form-grid import-details">
        <Field
          label="Publication date"
          error={dateError ?? undefined}
          hint="Relative dates (“on Tuesday”, “next week”) are read from this day. Leave empty to use a date line in the text."
        >
          <input type="date" value={draft.publishedOn} onChange={(e) => setDraft({ publishedOn: e.target.value })} disabled={running} />
        </Field>
        <Field label="Title" hint="Leave empty to use the first line of the article.">
          <input value={draft.title} onChange={(e) => setDraft({ title: e.target.value })} disabled={running} />
        </Field>
        <Field label="Publisher">
          <input
            value={draft.publisher}
            onChange={(e) => setDraft({ publisher: e.target.value })}
            placeholder="e.g. Reuters"
            disabled={running}
          />
        </Field>
        <Field label="URL" error={urlProblem ?? undefined}>
          <input
            type="url"
            value={draft.url}
            onChange={(e) => setDraft({ url: e.target.value })}
            placeholder="https://…"
            disabled={running}
          />
        </Field>
      </div>
      {running ? (
        <div className="import-progress" role="status">
          <progress aria-label="Reading the article" />
          <span>
            Reading the article…{elapsed > 0 ? ` ${elapsed} s` : ''} ({kb(new Blob([draft.text]).size)})
          </span>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      ) : (
        <div className="form-actions">
          <button type="submit" className="primary">
            Find visits
          </button>
          {draft.text !== '' && (
            <button type="button" onClick={() => setDraft({ text: '', fileName: null })}>
              Clear text
            </button>
          )}
        </div>
      )}
    </form>
  );
}

/** Who the traveller is: the person they will be linked to, or a choice among people they may be. */
function MatchNote({
  row,
  preview,
  onChoose,
}: {
  row: ReviewRow;
  preview: ProposalPreview | undefined;
  onChoose: (personId: string | null) => void;
}) {
  if (!preview) return null;
  const { person, candidates } = preview;
  const name = row.proposal.traveller.name;
  const chosenNew = row.proposal.traveller.createNew === true;
  return (
    <div className="import-match">
      {person ? (
        <>
          matches existing person <Link to={`/people/${person.id}`}>{person.name}</Link>{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => onChoose(null)}
            aria-label={`${name} is not ${person.name}: new person`}
          >
            not them?
          </button>
        </>
      ) : (
        <span className="muted">{chosenNew ? 'new person (your choice)' : 'new person'}</span>
      )}
      {candidates.length > 0 && (
        <div role="group" aria-label={`Who is ${name}?`} className="import-candidates">
          <span className="muted">{person ? 'or' : 'may be'}</span>
          {candidates.map((c) => (
            <button key={c.id} type="button" onClick={() => onChoose(c.id)} title={`Same person? (${c.reason})`}>
              Link to {c.name}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

const CUE_TITLE = { status: 'These words decided the status', date: 'These words decided the date' } as const;

/**
 * Under a field of the review table: the words of the article that decided it, highlighted, so the
 * user sees why the reader chose it (and what to check before correcting it). Nothing once the user
 * has changed the field.
 */
function CueNote({ row, kind }: { row: ReviewRow; kind: 'status' | 'date' }) {
  const cue = cueOf(row, kind);
  if (!cue) return null;
  return (
    <div className="import-cue-note muted">
      from{' '}
      <mark className={`import-cue import-cue-${kind}`} title={CUE_TITLE[kind]}>
        {cue.quote}
      </mark>
    </div>
  );
}

function ReviewStage({
  draft,
  setDraft,
  review,
  setReview,
  onBack,
  onSaved,
}: {
  draft: Draft;
  setDraft: (p: Partial<Draft>) => void;
  review: Review;
  setReview: (r: Review) => void;
  onBack: () => void;
  onSaved: (saved: ArticleImportResult, names: Record<string, string>) => void;
}) {
  const toast = useToast();
  const { result, rows } = review;
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [titleError, setTitleError] = useState<string | null>(null);
  const proposals = useMemo(() => rows.map((r) => r.proposal), [rows]);
  const alternates = useMemo(() => [review.plainText, review.rawInput], [review.plainText, review.rawInput]);
  // Decisions do not change what saving would link or skip: re-check only when proposals change.
  const previewKey = JSON.stringify(
    proposals.map((p) => [p.traveller.name, p.traveller.knownPersonId, p.traveller.createNew ?? false, p.country, p.start?.from ?? '']),
  );
  const preview = useQuery(() => previewArticleImport(result.text, proposals, alternates), [result.text, previewKey, alternates]);
  const duplicate = preview.data?.duplicate ?? null;
  const c = counts(rows);
  const willSkip = rows.filter((r, i) => r.decision === 'accepted' && preview.data?.rows[i]?.existingVisitId).length;
  const toSave = c.accepted - willSkip;
  const blockedByDuplicate = duplicate !== null && !review.importAnyway;
  const urlProblem = urlError(draft.url);

  const setRows = (next: ReviewRow[]) => setReview({ ...review, rows: next });
  const setDecision = (key: string, d: Decision) => {
    setSelected(key);
    setRows(decide(rows, key, d));
  };
  // Who a traveller is applies to every row naming them: the same name is one person in one article.
  const choosePerson = (name: string, personId: string | null) =>
    setRows(
      rows.map((r) =>
        r.proposal.traveller.name === name
          ? {
              ...r,
              proposal: { ...r.proposal, traveller: { ...r.proposal.traveller, knownPersonId: personId, createNew: personId === null } },
            }
          : r,
      ),
    );
  const editingRow = rows.find((r) => r.key === editing) ?? null;
  const applyEdit = (p: ImportVisitProposal) => {
    // Editing a proposal is a decision to keep it.
    setRows(
      rows.map((r) =>
        r.key === editing ? { ...r, proposal: p, edited: true, decision: r.decision === 'rejected' ? 'rejected' : 'accepted' } : r,
      ),
    );
    setEditing(null);
  };

  const save = async () => {
    setSaveError(null);
    const title = draft.title.trim() || defaultTitle(result.text);
    if (title.length > 500) {
      setTitleError('At most 500 characters');
      return;
    }
    setTitleError(null);
    if (urlProblem) return;
    const accepted = acceptedProposals(rows);
    setSaving(true);
    try {
      const saved = await saveArticleImport(
        {
          text: result.text,
          alternateTexts: alternates,
          source: {
            title,
            publisher: draft.publisher.trim() || null,
            url: draft.url.trim() || null,
            publishedOn: result.referenceDate ?? (draft.publishedOn || null),
            datelinePlace: result.datelinePlace ? placeFor(result.datelinePlace.country, result.datelinePlace.city) : null,
          },
          proposals: accepted,
        },
        { allowDuplicateSource: review.importAnyway },
      );
      const names: Record<string, string> = {};
      for (const p of [...saved.createdPeople, ...saved.linkedPeople]) names[p.id] = p.name;
      const n = saved.visits.length;
      toast.notify(`Imported ${n} visit${n === 1 ? '' : 's'} from “${saved.source.title}”`, { undo: true });
      onSaved(saved, names);
    } catch (e) {
      setSaveError(
        e instanceof DuplicateSourceError
          ? `${e.message} Nothing was saved.`
          : `Nothing was saved: ${describeStorageError(e)} Your review is kept; try again.`,
      );
    } finally {
      setSaving(false);
    }
  };

  const reference = result.referenceDate
    ? `Dates are read relative to ${dayLabel(result.referenceDate)}${REFERENCE_SOURCE[result.referenceSource] ? ` (${REFERENCE_SOURCE[result.referenceSource]})` : ''}.`
    : 'The article gives no date and none was set: dates such as “on Tuesday” could not be placed.';

  return (
    <div className="import-review">
      <p className="import-summary">
        {rows.length === 0
          ? 'No visits found. '
          : `${rows.length} proposed visit${rows.length === 1 ? '' : 's'} in ${result.text.length.toLocaleString('en')} characters (read in ${review.ms.toLocaleString('en')} ms). `}
        {reference}{' '}
        <button type="button" className="link-button" onClick={onBack}>
          Change the text or date
        </button>
      </p>
      {duplicate && (
        <div className="import-duplicate" role="alert">
          <h2>This article is already in your sources</h2>
          <p>
            <Link to={`/sources/${duplicate.id}`}>{duplicate.title}</Link>, imported on {dayLabel(duplicate.createdAt.slice(0, 10))}. Saving
            again would keep a second copy.
          </p>
          {review.importAnyway ? (
            <p className="muted">
              Importing anyway: a second copy of the article is kept, and proposals matching a visit already recorded are skipped.
            </p>
          ) : (
            <button type="button" onClick={() => setReview({ ...review, importAnyway: true })}>
              Import anyway
            </button>
          )}
        </div>
      )}
      {rows.length === 0 ? (
        <EmptyState title="No visits found in this text">
          <p>
            The reader looks for sentences in which a named leader or official (“President Barack Obama”, “Prime Minister Theresa May”)
            visits, travels to, arrives in, postpones or cancels a trip to a named country or city. It reads English news text; set the
            publication date so that “next week” or “on Tuesday” can be placed.
          </p>
          <button type="button" onClick={onBack}>
            Back to the text
          </button>
        </EmptyState>
      ) : (
        <>
          <ArticleText text={result.text} rows={rows} selectedKey={selected} />
          <div className="import-toolbar">
            <button type="button" onClick={() => setRows(decideAll(rows, 'accepted'))}>
              Accept all
            </button>
            <button type="button" onClick={() => setRows(decideAll(rows, 'rejected'))}>
              Reject all
            </button>
            <span className="muted" aria-live="polite">
              {c.accepted} accepted · {c.rejected} rejected · {c.pending} to decide
            </span>
          </div>
          <table aria-label="Proposed visits" className="import-table">
            <thead>
              <tr>
                <th scope="col">Traveller</th>
                <th scope="col">Host country</th>
                <th scope="col">City</th>
                <th scope="col">Status</th>
                <th scope="col">Dates</th>
                <th scope="col">Evidence</th>
                <th scope="col">Decision</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => {
                const p = row.proposal;
                const pre = preview.data?.rows[i];
                const existing = pre?.existingVisitId;
                return (
                  <tr
                    key={row.key}
                    className={`import-row import-row-${row.decision}${selected === row.key ? ' import-row-selected' : ''}`}
                    aria-selected={selected === row.key}
                    onClick={() => setSelected(row.key)}
                  >
                    <td>
                      <strong>{p.traveller.name}</strong>
                      {p.traveller.title && <div className="muted">{p.traveller.title}</div>}
                      <MatchNote row={row} preview={pre} onChoose={(id) => choosePerson(p.traveller.name, id)} />
                    </td>
                    <td>{countryName(p.country)}</td>
                    <td>{p.city ?? <span className="muted">—</span>}</td>
                    <td>
                      <StatusBadge status={p.status} />
                      <CueNote row={row} kind="status" />
                    </td>
                    <td className="import-dates">
                      <div>
                        <span className="muted">Start:</span>{' '}
                        {p.start ? formatFuzzyDate(p.start) : <span className="muted">not stated</span>}
                      </div>
                      <CueNote row={row} kind="date" />
                      {p.end && (p.end.from !== p.start?.from || p.end.to !== p.start?.to) && (
                        <div>
                          <span className="muted">End:</span> {formatFuzzyDate(p.end)}
                        </div>
                      )}
                    </td>
                    <td className="import-evidence">
                      <q>
                        {evidenceParts(row).map((part, k) =>
                          part.cue ? (
                            <mark key={k} className={`import-cue import-cue-${part.cue}`} title={CUE_TITLE[part.cue]}>
                              {part.text}
                            </mark>
                          ) : (
                            <span key={k}>{part.text}</span>
                          ),
                        )}
                      </q>{' '}
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => setSelected(row.key)}
                        aria-label={`Show in text: ${p.traveller.name} → ${countryName(p.country)}`}
                      >
                        Show in text
                      </button>
                      {existing && (
                        <div className="import-existing">
                          Already recorded: <Link to={`/visits/${existing}`}>open the visit</Link> — it will not be duplicated.
                        </div>
                      )}
                      {row.edited && <div className="muted">Edited</div>}
                    </td>
                    <td className="import-decision">
                      <div role="group" aria-label={`Decision on ${p.traveller.name} → ${countryName(p.country)}`}>
                        <button
                          type="button"
                          aria-pressed={row.decision === 'accepted'}
                          className={row.decision === 'accepted' ? 'primary' : undefined}
                          onClick={() => setDecision(row.key, row.decision === 'accepted' ? 'pending' : 'accepted')}
                        >
                          Accept
                        </button>
                        <button
                          type="button"
                          aria-pressed={row.decision === 'rejected'}
                          className={row.decision === 'rejected' ? 'danger' : undefined}
                          onClick={() => setDecision(row.key, row.decision === 'rejected' ? 'pending' : 'rejected')}
                        >
                          Reject
                        </button>
                        <button
                          type="button"
                          onClick={() => {
                            setSelected(row.key);
                            setEditing(row.key);
                          }}
                        >
                          Edit
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <ProposalEditor
            proposal={editingRow?.proposal ?? null}
            cues={
              editingRow ? { status: cueOf(editingRow, 'status')?.quote ?? null, date: cueOf(editingRow, 'date')?.quote ?? null } : null
            }
            onSave={applyEdit}
            onClose={() => setEditing(null)}
          />
          <h2>Source</h2>
          <div className="panel form-grid import-details">
            <Field label="Source title" error={titleError ?? undefined} hint="Shown in Sources and next to every quote.">
              <input value={draft.title} onChange={(e) => setDraft({ title: e.target.value })} placeholder={defaultTitle(result.text)} />
            </Field>
            <Field label="Publisher">
              <input value={draft.publisher} onChange={(e) => setDraft({ publisher: e.target.value })} placeholder="e.g. Reuters" />
            </Field>
            <Field label="URL" error={urlProblem ?? undefined}>
              <input type="url" value={draft.url} onChange={(e) => setDraft({ url: e.target.value })} placeholder="https://…" />
            </Field>
            <div className="field">
              <span className="field-label-static">Published</span>
              <span>
                {result.referenceDate ? dayLabel(result.referenceDate) : draft.publishedOn ? dayLabel(draft.publishedOn) : 'unknown'}
                {result.datelinePlace &&
                  ` · dateline ${[result.datelinePlace.city, countryName(result.datelinePlace.country)].filter(Boolean).join(', ')}`}
              </span>
            </div>
          </div>
          {saveError && (
            <p className="form-error" role="alert">
              {saveError}
            </p>
          )}
          <div className="form-actions">
            <button
              type="button"
              className="primary"
              disabled={saving || toSave <= 0 || blockedByDuplicate || preview.isLoading}
              onClick={() => void save()}
            >
              {saving ? 'Saving…' : `Save accepted (${toSave})`}
            </button>
            <button type="button" onClick={onBack} disabled={saving}>
              Start over
            </button>
            <span className="muted">
              {blockedByDuplicate
                ? 'Saving is off: this article is already in your sources.'
                : c.accepted === 0
                  ? 'Accept the proposals to keep; nothing is written until you save.'
                  : willSkip > 0
                    ? `${willSkip} accepted proposal${willSkip === 1 ? ' is' : 's are'} already recorded and will be skipped.`
                    : 'Nothing is written until you save.'}
            </span>
          </div>
        </>
      )}
    </div>
  );
}

function SavedStage({ saved, names, onAnother }: { saved: ArticleImportResult; names: Record<string, string>; onAnother: () => void }) {
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
                <StatusBadge status={v.status} /> <span className="muted">{datesLabel(v.start, v.end)}</span>
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
