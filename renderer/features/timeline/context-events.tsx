import { useState } from 'react';
import { formatFuzzyDate, placeLabel, type ContextEvent } from '../../../shared/model';
import { useToast } from '../../components';
import { deleteEvent, getEvent, listPeople, listSources, useQuery } from '../../db';
import { EventDialog } from './event-dialog';

/**
 * The context events the timeline shows, as a list under the chart: each can be edited or deleted
 * (undo from the toast or Ctrl/Cmd+Z), and new ones added. The chart's markers are the same events.
 */
export function ContextEventsSection({ events }: { events: readonly ContextEvent[] }) {
  const toast = useToast();
  // The dialog's event as it was when opened (null: a new one).
  const [editing, setEditing] = useState<{ event: ContextEvent | null } | null>(null);
  const remove = async (e: ContextEvent) => {
    try {
      await deleteEvent(e.id);
      toast.notify(`Event deleted: ${e.title}`, { undo: true });
    } catch (err) {
      toast.fail(err);
    }
  };
  return (
    <section className="tl-context-events" aria-labelledby="tl-context-events-heading">
      <div className="section-head">
        <h2 id="tl-context-events-heading">Context events in this window</h2>
        <button type="button" onClick={() => setEditing({ event: null })}>
          Add context event
        </button>
      </div>
      {events.length === 0 ? (
        <p className="muted">No context event falls in this window.</p>
      ) : (
        <ul className="tl-context-list">
          {events.map((e) => (
            <li key={e.id}>
              <span>
                {formatFuzzyDate(e.date)}: <strong>{e.title}</strong>
                {e.place ? <span className="muted"> · {placeLabel(e.place)}</span> : null}
              </span>{' '}
              <button type="button" className="link-button" onClick={() => setEditing({ event: e })} aria-label={`Edit event: ${e.title}`}>
                Edit
              </button>{' '}
              <button type="button" className="link-button" onClick={() => void remove(e)} aria-label={`Delete event: ${e.title}`}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      {editing && <EventEditor event={editing.event} onClose={() => setEditing(null)} />}
    </section>
  );
}

/** The dialog with what it needs read first: the people and sources to choose from, the event as stored now (live). */
function EventEditor({ event, onClose }: { event: ContextEvent | null; onClose: () => void }) {
  const choices = useQuery(async () => ({ people: await listPeople(), sources: await listSources() }), []);
  const id = event?.id ?? '';
  const latest = useQuery(async () => (id ? ((await getEvent(id)) ?? null) : undefined), [id]);
  if (choices.error) {
    return (
      <p className="form-error" role="alert">
        The people and sources to choose from could not be read: {choices.error.message}
      </p>
    );
  }
  if (!choices.data || (event && latest.data === undefined)) return null;
  return (
    <EventDialog
      event={event}
      latest={event ? latest.data : undefined}
      people={choices.data.people}
      sources={choices.data.sources}
      onClose={onClose}
    />
  );
}
