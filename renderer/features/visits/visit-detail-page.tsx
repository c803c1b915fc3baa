import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  allowedTransitions,
  dayLabel,
  earliestDayFor,
  firstDateNotGiven,
  formatFuzzyDate,
  formatVisitDates,
  historyInDateOrder,
  isOverdue,
  isValidDay,
  KIND_LABELS,
  lastPossibleDay,
  latestDayFor,
  localTimeLabel,
  localToday,
  noteTitle,
  placeLabel,
  transitionError,
  visitTitle,
  type Meeting,
  type Person,
  type Source,
  type StatusChange,
  type Visit,
} from '../../../shared/model';
import { Dialog, Field, OverdueBadge, StatusBadge, useToast } from '../../components';
import {
  ConflictError,
  createNote,
  deleteMeeting,
  deleteVisit,
  describeStorageError,
  getVisitDetail,
  listPeople,
  reconcileSuggestionsFor,
  redateVisitStatus,
  useQuery,
  type EvidenceWithSource,
  type VisitDetail,
} from '../../db';
import { choicesFor, StatusDialog, type StatusDialogMode } from './status-dialog';
import { MeetingDialog } from './meeting-dialog';
import { noteExcerpt } from './note-excerpt';
import './visit-detail.css';

const FIELD_NAMES: Record<string, string> = {
  status: 'Status',
  start: 'Start date',
  end: 'End date',
  place: 'Place',
  purpose: 'Purpose',
  hosts: 'Hosts',
  hostIds: 'Hosts',
  kind: 'Kind',
  traveller: 'Traveller',
  travellerId: 'Traveller',
  summary: 'Summary',
  quote: 'Quote',
  quotes: 'Quote',
  date: 'Date',
  participantIds: 'Participants',
  participants: 'Participants',
  reason: 'Reason',
  on: 'Date of change',
};

function fieldName(field: string): string {
  return FIELD_NAMES[field] ?? field.charAt(0).toUpperCase() + field.slice(1);
}

/** A citation link; long article titles are shortened (the full title is in the tooltip). */
function sourceLink(source: Source | undefined, sourceId: string | null) {
  if (!sourceId) return <span className="muted">none</span>;
  const title = source?.title ?? 'Source (deleted)';
  const short = title.length > 56 ? `${title.slice(0, 55).trimEnd()}…` : title;
  return (
    <Link to={`/sources/${sourceId}`} title={title}>
      {short}
    </Link>
  );
}

function groupBySource(items: EvidenceWithSource[]): [string, EvidenceWithSource[]][] {
  const groups = new Map<string, EvidenceWithSource[]>();
  for (const e of items) groups.set(e.sourceId, [...(groups.get(e.sourceId) ?? []), e]);
  return [...groups];
}

/** What an evidence quote supports: a field of the visit, of one status change, or of a meeting. */
function evidenceContext(e: EvidenceWithSource, detail: VisitDetail): string {
  const field = fieldName(e.field);
  if (e.recordType === 'statusChange') {
    const change = detail.visit.statusHistory.find((c) => c.id === e.recordId);
    return change ? `${field} — change to ${change.status} (${dayLabel(change.on)})` : field;
  }
  if (e.recordType === 'meeting') return `Meeting — ${field.toLowerCase()}`;
  return field;
}

export function VisitDetailPage() {
  const { id = '' } = useParams();
  // Only the sources the visit names: the status dialog reads the full list when it opens.
  const { data, error, isLoading } = useQuery(async () => ({ detail: await getVisitDetail(id) }), [id]);

  if (error) {
    return (
      <section>
        <h1>Visit</h1>
        <p className="form-error" role="alert">
          This visit could not be read: {error.message}
        </p>
      </section>
    );
  }
  if (isLoading || !data) return <p className="loading">Loading the visit…</p>;
  if (!data.detail) {
    return (
      <section className="not-found">
        <h1>Visit not found</h1>
        <p>This visit does not exist: it may have been deleted, here or in another window.</p>
        <p>
          <Link to="/visits">Back to the list of visits</Link>
        </p>
      </section>
    );
  }
  return <VisitDetailView detail={data.detail} />;
}

function VisitDetailView({ detail }: { detail: VisitDetail }) {
  const { visit, traveller, hosts, meetings, evidence, notes } = detail;
  const navigate = useNavigate();
  const toast = useToast();
  const [dialog, setDialog] = useState<StatusDialogMode | null>(null);
  const [busy, setBusy] = useState(false);
  const title = visitTitle(traveller, visit.place);
  const sourceById = new Map(detail.sources.map((s) => [s.id, s]));
  // Should the machine ever offer nothing, say so instead of hiding the button.
  const locked = allowedTransitions(visit.status).length === 0;
  const lockedWhy = transitionError(visit.status, 'planned') ?? 'This visit cannot change status.';
  // A visit that ended is corrected by reopening it (with a reason, kept in the history).
  const ended = visit.status === 'completed' || visit.status === 'cancelled';
  const overdue = isOverdue(visit, localToday());

  const remove = async () => {
    setBusy(true);
    try {
      await deleteVisit(visit.id);
      await navigate('/visits');
      toast.notify('Visit deleted', { undo: true });
    } catch (e) {
      toast.fail(e);
      setBusy(false);
    }
  };
  const newNote = async () => {
    try {
      const note = await createNote({ type: 'visit', id: visit.id });
      await navigate(`/notes/${note.id}`);
    } catch (e) {
      toast.fail(e);
    }
  };

  const visitEvidence = evidence.filter((e) => e.recordType === 'visit');
  const otherEvidence = evidence.filter((e) => e.recordType !== 'visit');
  const orderedEvidence = [...visitEvidence, ...otherEvidence];

  return (
    <article className="visit-detail" aria-labelledby="visit-title">
      <p className="crumbs">
        <Link to="/visits">Visits</Link>
      </p>
      <div className="page-head">
        <h1 id="visit-title">{title}</h1>
        <div className="actions">
          <Link to={`/reports/dossier/${visit.id}`} className="button">
            Visit dossier
          </Link>
          <Link to={`/visits/${visit.id}/edit`} className="button">
            Edit
          </Link>
          {ended ? (
            <button type="button" onClick={() => setDialog('reopen')} aria-describedby="status-ended">
              Reopen
            </button>
          ) : (
            <button
              type="button"
              onClick={() => setDialog('change')}
              disabled={locked}
              aria-describedby={locked ? 'status-locked' : undefined}
            >
              Change status
            </button>
          )}
          <button type="button" className="danger" onClick={() => void remove()} disabled={busy}>
            Delete
          </button>
        </div>
      </div>
      {locked && (
        <p id="status-locked" className="muted status-locked">
          {lockedWhy}
        </p>
      )}
      {ended && (
        <p id="status-ended" className="muted status-locked">
          This visit is {visit.status}. If the record is wrong or the trip was revived, reopen it: the reason is kept in the history.
        </p>
      )}

      <nav className="visit-contents" aria-label="On this page">
        <a href="#history-heading" onClick={jump('history-heading')}>
          Status history ({visit.statusHistory.length})
        </a>
        <a href="#notes-heading" onClick={jump('notes-heading')}>
          Notes ({notes.length})
        </a>
        <a href="#meetings-heading" onClick={jump('meetings-heading')}>
          Meetings ({meetings.length})
        </a>
        <a href="#evidence-heading" onClick={jump('evidence-heading')}>
          Evidence ({evidence.length})
        </a>
      </nav>

      {overdue && <FollowUp visit={visit} onAction={setDialog} />}

      <dl className="facts visit-facts panel">
        <dt>Status</dt>
        <dd>
          <StatusBadge status={visit.status} /> {overdue && <OverdueBadge />}
        </dd>
        <dt>Dates</dt>
        <dd>{formatVisitDates(visit.start, visit.end)}</dd>
        <dt>Traveller</dt>
        <dd>
          {traveller ? <Link to={`/people/${traveller.id}`}>{traveller.name}</Link> : <span className="muted">Unknown (deleted)</span>}
        </dd>
        <dt>Destination</dt>
        <dd>{placeLabel(visit.place)}</dd>
        <dt>Kind</dt>
        <dd>{KIND_LABELS[visit.kind]}</dd>
        <dt>Purpose</dt>
        <dd>{visit.purpose || <span className="muted">Not recorded</span>}</dd>
        <dt>Hosts and people met</dt>
        <dd>{hosts.length ? <PeopleLinks people={hosts} /> : <span className="muted">None recorded</span>}</dd>
        <dt>Tags</dt>
        <dd>
          {visit.tags.length ? (
            <ul className="tags">
              {visit.tags.map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ul>
          ) : (
            <span className="muted">None</span>
          )}
        </dd>
      </dl>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Status history</h2>
        <StatusHistory visit={visit} sourceById={sourceById} />
      </section>

      <NotesSection notes={notes} onNew={() => void newNote()} />

      <MeetingsSection detail={detail} sourceById={sourceById} />

      <section aria-labelledby="evidence-heading">
        <h2 id="evidence-heading">Evidence</h2>
        {orderedEvidence.length === 0 ? (
          <p className="muted">No quoted evidence yet. Open a source and select the words that support a fact.</p>
        ) : (
          <div className="visit-evidence">
            {groupBySource(orderedEvidence).map(([sourceId, items]) => {
              const source = sourceById.get(sourceId);
              const name = source?.title ?? 'A deleted source';
              return (
                <div key={sourceId} className="evidence-group">
                  <h3>
                    From <Link to={`/sources/${sourceId}`}>{name}</Link>
                    {source?.publishedOn && <span className="muted"> · {dayLabel(source.publishedOn)}</span>}
                  </h3>
                  <table aria-label={`Evidence from ${name}`} className="evidence-table">
                    <thead>
                      <tr>
                        <th scope="col">Supports</th>
                        <th scope="col">Quote</th>
                        <th scope="col">
                          <span className="visually-hidden">Link</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {items.map((e) => (
                        <tr key={e.id}>
                          <td className="evidence-field">{evidenceContext(e, detail)}</td>
                          <td>
                            <blockquote>{e.quote}</blockquote>
                          </td>
                          <td className="nowrap">
                            <Link to={`/sources/${e.sourceId}?highlight=${e.id}`}>Show in source</Link>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              );
            })}
          </div>
        )}
      </section>

      {dialog && <StatusDialog visit={visit} title={title} mode={dialog} onClose={() => setDialog(null)} />}
    </article>
  );
}

/**
 * Who met whom on this visit: each meeting with its people, date, place, summary and quotes, and
 * the ways to add, edit and delete one (a delete is undone from its toast or with Ctrl/Cmd+Z).
 */
function MeetingsSection({ detail, sourceById }: { detail: VisitDetail; sourceById: Map<string, Source> }) {
  const { visit, traveller, hosts, meetings } = detail;
  const toast = useToast();
  // The dialog's meeting as it was when opened (null: a new one); the live one comes from `meetings`.
  const [editing, setEditing] = useState<{ meeting: Meeting | null } | null>(null);
  const people = useQuery(() => listPeople(), []);
  const remove = async (m: Meeting, who: string) => {
    try {
      await deleteMeeting(m.id);
      toast.notify(`Meeting deleted: ${who}`, { undo: true });
    } catch (e) {
      toast.fail(e);
    }
  };
  const open = editing?.meeting ?? null;
  return (
    <section aria-labelledby="meetings-heading">
      <div className="section-head">
        <h2 id="meetings-heading">Meetings</h2>
        <button type="button" onClick={() => setEditing({ meeting: null })} disabled={!people.data}>
          Add meeting
        </button>
      </div>
      {meetings.length === 0 ? (
        <p className="muted">No meetings recorded for this visit.</p>
      ) : (
        meetings.map((m) => {
          const byId = new Map<string, Person>([...m.participants, ...hosts, ...(traveller ? [traveller] : [])].map((p) => [p.id, p]));
          const who = m.participants.map((p) => p.name).join(' and ') || 'people no longer recorded';
          return (
            <article key={m.id} className="meeting panel" aria-label={`Meeting: ${who}`}>
              <div className="section-head">
                <h3>
                  <PeopleLinks people={m.participants} joiner=" and " />
                </h3>
                <div className="actions">
                  <button
                    type="button"
                    onClick={() => setEditing({ meeting: m })}
                    disabled={!people.data}
                    aria-label={`Edit meeting: ${who}`}
                  >
                    Edit
                  </button>
                  <button type="button" className="danger" onClick={() => void remove(m, who)} aria-label={`Delete meeting: ${who}`}>
                    Delete
                  </button>
                </div>
              </div>
              <p className="muted">
                {formatFuzzyDate(m.date)}
                {m.place ? ` · ${placeLabel(m.place)}` : ''}
              </p>
              {m.summary && <p>{m.summary}</p>}
              {m.quotes.map((q, i) => {
                const speaker = q.personId ? byId.get(q.personId) : undefined;
                return (
                  <figure key={i} className="quote">
                    <blockquote>{q.text}</blockquote>
                    <figcaption>
                      — {speaker ? <Link to={`/people/${speaker.id}`}>{speaker.name}</Link> : 'unattributed'}
                      {q.sourceId && <>, in {sourceLink(sourceById.get(q.sourceId), q.sourceId)}</>}
                    </figcaption>
                  </figure>
                );
              })}
            </article>
          );
        })
      )}
      {people.error && (
        <p className="form-error" role="alert">
          The list of people could not be read: {people.error.message}
        </p>
      )}
      {editing && people.data && (
        <MeetingDialog
          visitId={visit.id}
          meeting={open}
          latest={open ? (meetings.find((m) => m.id === open.id) ?? null) : undefined}
          people={people.data}
          participantIds={traveller ? [traveller.id] : []}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}

function PeopleLinks({ people, joiner = ', ' }: { people: Person[]; joiner?: string }) {
  return (
    <>
      {people.map((p, i) => (
        <span key={p.id}>
          {i > 0 && joiner}
          <Link to={`/people/${p.id}`}>{p.name}</Link>
        </span>
      ))}
    </>
  );
}

/**
 * In-page links move focus to the section's heading: the router owns the URL's hash, so the
 * browser's own jump to an anchor is not used.
 */
function jump(id: string) {
  return (e: { preventDefault(): void }) => {
    e.preventDefault();
    const el = document.getElementById(id);
    if (!el) return;
    el.setAttribute('tabindex', '-1');
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
  };
}

function NotesSection({ notes, onNew }: { notes: VisitDetail['notes']; onNew: () => void }) {
  return (
    <section aria-labelledby="notes-heading">
      <div className="section-head">
        <h2 id="notes-heading">Notes</h2>
        <button type="button" onClick={onNew}>
          New note
        </button>
      </div>
      {notes.length === 0 ? (
        <p className="muted">No notes on this visit.</p>
      ) : (
        <ul className="note-list">
          {notes.map((n) => (
            <li key={n.id}>
              <Link to={`/notes/${n.id}`}>{noteTitle(n.body)}</Link>
              {noteExcerpt(n.body) && <p className="muted">{noteExcerpt(n.body)}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * A plan whose dates have passed: say so, offer what to do (record what happened, reschedule),
 * and show the recorded visits the Reconcile screen would match with it.
 */
function FollowUp({ visit, onAction }: { visit: Visit; onAction: (mode: StatusDialogMode) => void }) {
  const suggestions = useQuery(() => reconcileSuggestionsFor(visit.id), [visit.id, visit.updatedAt]);
  const last = lastPossibleDay(visit);
  const canRecord = choicesFor(visit.status, 'record').length > 0;
  const canReschedule = choicesFor(visit.status, 'reschedule').length > 0;
  return (
    <section className="follow-up panel" aria-labelledby="follow-up-heading">
      <h2 id="follow-up-heading">Needs follow-up</h2>
      <p>
        This visit is still <strong>{visit.status}</strong>, but its dates ({formatVisitDates(visit.start, visit.end)}) ended on{' '}
        {last ? dayLabel(last) : 'an unknown day'}. Record what happened, or reschedule it.
      </p>
      {visit.status === 'postponed' && (
        <p className="muted">If it took place, reschedule it to the dates it happened, then record it as completed.</p>
      )}
      <div className="actions">
        {canRecord && (
          <button type="button" className="primary" onClick={() => onAction('record')}>
            Record what happened
          </button>
        )}
        {canReschedule && (
          <button type="button" onClick={() => onAction('reschedule')}>
            Reschedule
          </button>
        )}
      </div>
      <h3>Recorded visits that may match</h3>
      {suggestions.error ? (
        <p className="form-error" role="alert">
          The matches could not be read: {suggestions.error.message}
        </p>
      ) : !suggestions.data ? (
        <p className="muted">Looking for recorded visits that match…</p>
      ) : suggestions.data.length === 0 ? (
        <p className="muted">No recorded visit of this traveller to this country matches its dates.</p>
      ) : (
        <>
          <ul className="follow-up-matches">
            {suggestions.data.map((m) => (
              <li key={m.recordedId}>
                <Link to={`/visits/${m.recordedId}`}>
                  {visitTitle({ name: m.recordedTravellerName }, m.recorded.place)}, {formatVisitDates(m.recorded.start, m.recorded.end)}
                </Link>{' '}
                <span className="muted">— {m.reason}</span>
              </li>
            ))}
          </ul>
          <p>
            <Link to="/reconcile">Review the matches on the Reconcile page</Link> (accepting one records how this plan ended).
          </p>
        </>
      )}
    </section>
  );
}

/**
 * The history in date order: what it became, when it took effect, from what, why, who said so, and
 * the dates as they then stood. Each entry's date can be corrected within its neighbours; a first
 * entry that carries only the day it was typed says so.
 */
function StatusHistory({ visit, sourceById }: { visit: Visit; sourceById: Map<string, Source> }) {
  const [editing, setEditing] = useState<StatusChange | null>(null);
  const history = historyInDateOrder(visit.statusHistory);
  return (
    <>
      <table aria-label="Status history" className="status-history">
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Effective</th>
            <th scope="col">From</th>
            <th scope="col">Reason</th>
            <th scope="col">Source</th>
            <th scope="col">Dates then</th>
          </tr>
        </thead>
        <tbody>
          {history.map((c, i) => {
            const undated = i === 0 && firstDateNotGiven(c);
            return (
              <tr key={c.id}>
                <td>
                  <StatusBadge status={c.status} />
                </td>
                <td className="nowrap">
                  {undated ? (
                    <span className="muted" title={`Recorded ${localTimeLabel(c.recordedAt)}`}>
                      Not given (recorded {dayLabel(c.on)})
                    </span>
                  ) : (
                    dayLabel(c.on)
                  )}{' '}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setEditing(c)}
                    aria-label={`${undated ? 'Date' : 'Change the date of'} ${c.from ? `the change to ${c.status}` : 'the first status'}`}
                  >
                    {undated ? 'Date it' : 'Change date'}
                  </button>
                </td>
                <td>{c.from ? c.from : <span className="muted">first recorded</span>}</td>
                <td>{c.reason || <span className="muted">—</span>}</td>
                <td>{sourceLink(c.sourceId ? sourceById.get(c.sourceId) : undefined, c.sourceId)}</td>
                <td>{formatVisitDates(c.start, c.end)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {editing && <RedateDialog visit={visit} change={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

/** Corrects the day of one history entry; the bounds (the entries around it) are said before they refuse. */
function RedateDialog({ visit, change, onClose }: { visit: Visit; change: StatusChange; onClose: () => void }) {
  const toast = useToast();
  const index = visit.statusHistory.findIndex((c) => c.id === change.id);
  const earliest = earliestDayFor(visit.statusHistory, index);
  const latest = latestDayFor(visit.statusHistory, index);
  const first = index === 0;
  const [on, setOn] = useState(first && firstDateNotGiven(change) ? '' : change.on);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const bounds = [earliest && `on or after ${dayLabel(earliest)}`, latest && `on or before ${dayLabel(latest)}`]
    .filter(Boolean)
    .join(' and ');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!isValidDay(on)) return setError('Enter a calendar day.');
    setBusy(true);
    try {
      await redateVisitStatus(visit.id, change.id, on, visit.updatedAt);
      toast.notify(`Date set to ${dayLabel(on)}`, { undo: true });
      onClose();
    } catch (err) {
      setError(
        err instanceof ConflictError
          ? 'This visit was changed in another window while this dialog was open. Nothing was saved: close the dialog and try again.'
          : describeStorageError(err),
      );
      setBusy(false);
    }
  };
  return (
    <Dialog title={first ? 'Date the first status' : 'Change the date of a status'} open onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p className="muted">
          {first
            ? `The day the visit was first ${change.status} (for a plan: when it was announced).`
            : `The day the change to ${change.status} took effect.`}
          {bounds && ` The history is kept in date order: ${bounds}.`}
        </p>
        <Field label={first ? 'Announced or first reported on' : 'Effective date'} error={error ?? undefined}>
          <input
            type="date"
            value={on}
            min={earliest ?? undefined}
            max={latest ?? undefined}
            onChange={(e) => setOn(e.target.value)}
            required
          />
        </Field>
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={busy}>
            Save date
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
