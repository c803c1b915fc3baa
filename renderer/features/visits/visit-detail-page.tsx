import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  allowedTransitions,
  dayLabel,
  formatFuzzyDate,
  formatVisitDates,
  KIND_LABELS,
  noteTitle,
  placeLabel,
  transitionError,
  visitTitle,
  type Person,
  type Source,
  type StatusChange,
} from '../../../shared/model';
import { StatusBadge, useToast } from '../../components';
import { createNote, deleteVisit, getVisitDetail, useQuery, type EvidenceWithSource, type VisitDetail } from '../../db';
import { StatusDialog } from './status-dialog';
import { noteExcerpt } from './note-excerpt';

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
  const [statusOpen, setStatusOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const title = visitTitle(traveller, visit.place);
  const sourceById = new Map(detail.sources.map((s) => [s.id, s]));
  // A completed visit moves no more (the state machine's rule); say so instead of hiding the button.
  const locked = allowedTransitions(visit.status).length === 0;
  const lockedWhy = transitionError(visit.status, 'planned') ?? 'This visit cannot change status.';

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
          <Link to={`/visits/${visit.id}/edit`} className="button">
            Edit
          </Link>
          <button
            type="button"
            onClick={() => setStatusOpen(true)}
            disabled={locked}
            aria-describedby={locked ? 'status-locked' : undefined}
          >
            Change status
          </button>
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

      <dl className="facts visit-facts panel">
        <dt>Status</dt>
        <dd>
          <StatusBadge status={visit.status} />
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
        <StatusHistory history={visit.statusHistory} sourceById={sourceById} />
      </section>

      <section aria-labelledby="meetings-heading">
        <h2 id="meetings-heading">Meetings</h2>
        {meetings.length === 0 ? (
          <p className="muted">No meetings recorded for this visit.</p>
        ) : (
          meetings.map((m) => {
            const people = new Map<string, Person>([...m.participants, ...hosts, ...(traveller ? [traveller] : [])].map((p) => [p.id, p]));
            return (
              <article key={m.id} className="meeting panel" aria-label={`Meeting: ${m.participants.map((p) => p.name).join(' and ')}`}>
                <h3>
                  <PeopleLinks people={m.participants} joiner=" and " />
                </h3>
                <p className="muted">
                  {formatFuzzyDate(m.date)}
                  {m.place ? ` · ${placeLabel(m.place)}` : ''}
                </p>
                {m.summary && <p>{m.summary}</p>}
                {m.quotes.map((q, i) => {
                  const speaker = q.personId ? people.get(q.personId) : undefined;
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
      </section>

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

      <section aria-labelledby="notes-heading">
        <div className="section-head">
          <h2 id="notes-heading">Notes</h2>
          <button type="button" onClick={() => void newNote()}>
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

      {statusOpen && <StatusDialog visit={visit} title={title} onClose={() => setStatusOpen(false)} />}
    </article>
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

/** The history in order: what it became, when, from what, why, who said so, and the dates as they then stood. */
function StatusHistory({ history, sourceById }: { history: StatusChange[]; sourceById: Map<string, Source> }) {
  return (
    <table aria-label="Status history" className="status-history">
      <thead>
        <tr>
          <th scope="col">Status</th>
          <th scope="col">On</th>
          <th scope="col">From</th>
          <th scope="col">Reason</th>
          <th scope="col">Source</th>
          <th scope="col">Dates then</th>
        </tr>
      </thead>
      <tbody>
        {history.map((c) => (
          <tr key={c.id}>
            <td>
              <StatusBadge status={c.status} />
            </td>
            <td className="nowrap">{dayLabel(c.on)}</td>
            <td>{c.from ? c.from : <span className="muted">first recorded</span>}</td>
            <td>{c.reason || <span className="muted">—</span>}</td>
            <td>{sourceLink(c.sourceId ? sourceById.get(c.sourceId) : undefined, c.sourceId)}</td>
            <td>{formatVisitDates(c.start, c.end)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
