import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { ExtractionResult } from '../../../shared/extract/types';
import { dayLabel, formatFuzzyDate, type Source } from '../../../shared/model';
import { countryName, placeFor } from '../../../shared/places';
import { EmptyState, Field, StatusBadge, useToast } from '../../components';
import {
  describeStorageError,
  DuplicateSourceError,
  previewArticleImport,
  saveArticleImport,
  useQuery,
  type ArticleImportResult,
  type ImportVisitProposal,
  type ProposalPreview,
} from '../../db';
import { ArticleText } from './article-text';
import type { Draft, Review, SetDraft } from './import-state';
import { ProposalEditor } from './proposal-editor';
import {
  acceptedProposals,
  counts,
  cueOf,
  decide,
  decideAll,
  defaultTitle,
  evidenceParts,
  urlError,
  type Decision,
  type ReviewRow,
} from './review-model';
import './person-choice.css';

/** Where the day that relative dates are read from was found, as the summary names it. */
const REFERENCE_SOURCE: Record<ExtractionResult['referenceSource'], string> = {
  'date-line': 'the date line at the top of the article',
  dateline: 'the dateline of the article',
  published: 'the publication date',
  caller: 'the publication date you gave',
  none: '',
};

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

/** The article is already among the sources: saving is off until the user chooses to keep a second copy. */
function DuplicateNotice({
  duplicate,
  importAnyway,
  onImportAnyway,
}: {
  duplicate: Source;
  importAnyway: boolean;
  onImportAnyway: () => void;
}) {
  return (
    <div className="import-duplicate" role="alert">
      <h2>This article is already in your sources</h2>
      <p>
        <Link to={`/sources/${duplicate.id}`}>{duplicate.title}</Link>, imported on {dayLabel(duplicate.createdAt.slice(0, 10))}. Saving
        again would keep a second copy.
      </p>
      {importAnyway ? (
        <p className="muted">
          Importing anyway: a second copy of the article is kept, and proposals matching a visit already recorded are skipped.
        </p>
      ) : (
        <button type="button" onClick={onImportAnyway}>
          Import anyway
        </button>
      )}
    </div>
  );
}

/** Above the table: one decision for every proposal, and how many are decided. */
function BulkActions({ count, onDecideAll }: { count: Record<Decision, number>; onDecideAll: (decision: Decision) => void }) {
  return (
    <div className="import-toolbar">
      <button type="button" onClick={() => onDecideAll('accepted')}>
        Accept all
      </button>
      <button type="button" onClick={() => onDecideAll('rejected')}>
        Reject all
      </button>
      <span className="muted" aria-live="polite">
        {count.accepted} accepted · {count.rejected} rejected · {count.pending} to decide
      </span>
    </div>
  );
}

/**
 * One proposed visit in the review table: who, where, status and dates as read (with the words
 * that decided them), the evidence, and the decision on it. Clicking the row shows it in the text.
 */
function ProposalRow({
  row,
  preview,
  selected,
  onSelect,
  onDecide,
  onEdit,
  onChoosePerson,
}: {
  row: ReviewRow;
  /** What saving would do with this proposal; undefined while it is being worked out. */
  preview: ProposalPreview | undefined;
  selected: boolean;
  onSelect: () => void;
  onDecide: (decision: Decision) => void;
  onEdit: () => void;
  onChoosePerson: (personId: string | null) => void;
}) {
  const p = row.proposal;
  const existing = preview?.existingVisitId;
  return (
    <tr
      className={`import-row import-row-${row.decision}${selected ? ' import-row-selected' : ''}`}
      aria-selected={selected}
      onClick={onSelect}
    >
      <td>
        <strong>{p.traveller.name}</strong>
        {p.traveller.title && <div className="muted">{p.traveller.title}</div>}
        <MatchNote row={row} preview={preview} onChoose={onChoosePerson} />
      </td>
      <td>{countryName(p.country)}</td>
      <td>{p.city ?? <span className="muted">—</span>}</td>
      <td>
        <StatusBadge status={p.status} />
        <CueNote row={row} kind="status" />
      </td>
      <td className="import-dates">
        <div>
          <span className="muted">Start:</span> {p.start ? formatFuzzyDate(p.start) : <span className="muted">not stated</span>}
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
          onClick={onSelect}
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
            onClick={() => onDecide(row.decision === 'accepted' ? 'pending' : 'accepted')}
          >
            Accept
          </button>
          <button
            type="button"
            aria-pressed={row.decision === 'rejected'}
            className={row.decision === 'rejected' ? 'danger' : undefined}
            onClick={() => onDecide(row.decision === 'rejected' ? 'pending' : 'rejected')}
          >
            Reject
          </button>
          <button type="button" onClick={onEdit}>
            Edit
          </button>
        </div>
      </td>
    </tr>
  );
}

/** Under the table: the source the accepted visits will cite, as the user names it, and the date and dateline read. */
function SourceDetails({
  draft,
  setDraft,
  result,
  titleError,
  urlProblem,
}: {
  draft: Draft;
  setDraft: SetDraft;
  result: ExtractionResult;
  titleError: string | null;
  urlProblem: string | null;
}) {
  return (
    <>
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
    </>
  );
}

/**
 * The second stage of /import: the visits the article reports, each to accept, reject or edit,
 * the source's details, and "Save accepted" (the one write, through saveArticleImport).
 */
export function ReviewStage({
  draft,
  setDraft,
  review,
  setReview,
  onBack,
  onSaved,
}: {
  draft: Draft;
  setDraft: SetDraft;
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
        <DuplicateNotice
          duplicate={duplicate}
          importAnyway={review.importAnyway}
          onImportAnyway={() => setReview({ ...review, importAnyway: true })}
        />
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
          <BulkActions count={c} onDecideAll={(decision) => setRows(decideAll(rows, decision))} />
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
              {rows.map((row, i) => (
                <ProposalRow
                  key={row.key}
                  row={row}
                  preview={preview.data?.rows[i]}
                  selected={selected === row.key}
                  onSelect={() => setSelected(row.key)}
                  onDecide={(decision) => setDecision(row.key, decision)}
                  onEdit={() => {
                    setSelected(row.key);
                    setEditing(row.key);
                  }}
                  onChoosePerson={(personId) => choosePerson(row.proposal.traveller.name, personId)}
                />
              ))}
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
          <SourceDetails draft={draft} setDraft={setDraft} result={result} titleError={titleError} urlProblem={urlProblem} />
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
