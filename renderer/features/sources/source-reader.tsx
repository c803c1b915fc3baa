import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { bridge } from '../../bridge';
import { EmptyState, useToast } from '../../components';
import { getSource, useQuery } from '../../db';
import { evidenceLinksForSource, type EvidenceLink } from './sources-data';
import { dayLabel } from '../../../shared/model';
import { segmentText, type Segment } from '../../../shared/text/segments';
import { leadingDateStamp } from '../../../shared/extract/reference';
import { datelineLabel, publishedLabel } from './source-format';
import { SourceDetailsEditor } from './source-form';

type SpanLink = EvidenceLink & { start: number; end: number };

function describe(links: readonly EvidenceLink[]): string {
  return links.map((l) => `${l.kind} — ${l.recordLabel}`).join('; ');
}

/** The link a piece of text follows: the innermost (shortest) span that has a page. */
function primaryOf(links: readonly SpanLink[]): SpanLink | undefined {
  return [...links].filter((l) => l.route).sort((a, b) => a.end - a.start - (b.end - b.start))[0];
}

function EvidenceMark({
  segment,
  current,
  markRef,
}: {
  segment: Segment<SpanLink>;
  current: boolean;
  markRef: ((el: HTMLElement | null) => void) | undefined;
}) {
  const label = describe(segment.spans);
  const primary = primaryOf(segment.spans);
  const className = `evidence${segment.spans.length > 1 ? ' evidence-overlap' : ''}${current ? ' evidence-current' : ''}`;
  return (
    <mark ref={markRef} className={className} title={label} data-evidence-ids={segment.spans.map((s) => s.evidence.id).join(' ')}>
      {primary?.route ? (
        <Link to={primary.route} aria-label={`${segment.text} (evidence: ${label})`}>
          {segment.text}
        </Link>
      ) : (
        // No page to open (an event, a deleted record): still reachable by keyboard to read its label.
        <span tabIndex={0} aria-label={`${segment.text} (evidence: ${label})`}>
          {segment.text}
        </span>
      )}
    </mark>
  );
}

/**
 * The source text as plain text (React escapes it: a pasted article can never inject markup),
 * split at every evidence boundary so overlapping quotes each keep their marks.
 */
function SourceText({ text, links, currentId }: { text: string; links: SpanLink[]; currentId: string | null }) {
  const segments = useMemo(() => segmentText(text, links), [text, links]);
  const firstCurrent = useRef<HTMLElement | null>(null);
  const firstIndex = currentId ? segments.findIndex((s) => s.spans.some((l) => l.evidence.id === currentId)) : -1;
  useEffect(() => {
    const el = firstCurrent.current;
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    const focusable = el.querySelector<HTMLElement>('a, [tabindex]') ?? el;
    focusable.focus({ preventScroll: true });
  }, [currentId, firstIndex]);
  return (
    <div className="source-text" aria-label="Article text" role="region">
      {segments.map((s, i) =>
        s.spans.length === 0 ? (
          <span key={s.start}>{s.text}</span>
        ) : (
          <EvidenceMark
            key={s.start}
            segment={s}
            current={!!currentId && s.spans.some((l) => l.evidence.id === currentId)}
            markRef={
              i === firstIndex
                ? (el) => {
                    firstCurrent.current = el;
                  }
                : undefined
            }
          />
        ),
      )}
    </div>
  );
}

/** Which highlights the reader shows: all, none, one field (evidence kind) or one record. */
type HighlightChoice = 'all' | 'none' | `kind:${string}` | `record:${string}`;

function recordKey(l: EvidenceLink): string {
  return `${l.evidence.recordType}:${l.evidence.recordId}`;
}

function chosen(links: readonly SpanLink[], choice: HighlightChoice, currentId: string | null): SpanLink[] {
  if (choice === 'all') return [...links];
  return links.filter(
    (l) =>
      l.evidence.id === currentId ||
      (choice.startsWith('kind:') && l.kind === choice.slice(5)) ||
      (choice.startsWith('record:') && recordKey(l) === choice.slice(7)),
  );
}

/** The chooser: every field and every record quoted, with how many quotes each has. */
function HighlightChooser({
  links,
  value,
  onChange,
}: {
  links: readonly SpanLink[];
  value: HighlightChoice;
  onChange: (v: HighlightChoice) => void;
}) {
  const kinds = new Map<string, number>();
  const records = new Map<string, { label: string; n: number }>();
  for (const l of links) {
    kinds.set(l.kind, (kinds.get(l.kind) ?? 0) + 1);
    const r = records.get(recordKey(l));
    if (r) r.n++;
    else records.set(recordKey(l), { label: `${l.recordLabel} (${l.kind.split(' · ')[0]})`, n: 1 });
  }
  return (
    <label className="highlight-chooser">
      Show highlights{' '}
      <select value={value} onChange={(e) => onChange(e.target.value as HighlightChoice)}>
        <option value="all">All quotes ({links.length})</option>
        <option value="none">None</option>
        <optgroup label="One field">
          {[...kinds]
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([kind, n]) => (
              <option key={kind} value={`kind:${kind}`}>
                {kind} ({n})
              </option>
            ))}
        </optgroup>
        <optgroup label="One record">
          {[...records]
            .sort(([, a], [, b]) => a.label.localeCompare(b.label))
            .map(([key, r]) => (
              <option key={key} value={`record:${key}`}>
                {r.label} ({r.n})
              </option>
            ))}
        </optgroup>
      </select>
    </label>
  );
}

function excerpt(s: string, max = 140): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** /sources/:id: read a kept article with every quoted span marked and linked to its record. */
export function SourceReader() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const currentId = params.get('highlight');
  const [editing, setEditing] = useState(false);
  const source = useQuery(() => getSource(id), [id]);
  const evidence = useQuery(() => evidenceLinksForSource(id), [id]);
  const links = useMemo<SpanLink[]>(
    () => (evidence.data ?? []).map((l) => ({ ...l, start: l.evidence.start, end: l.evidence.end })),
    [evidence.data],
  );
  // All by default: the reader shows what every quote supports, and a quote followed from a
  // record (?highlight=) is always marked; the chooser narrows to one field or one record.
  const [choice, setChoice] = useState<HighlightChoice>('all');
  const shown = useMemo(() => chosen(links, choice, currentId), [links, choice, currentId]);
  const text = source.data?.text ?? '';
  const lead = leadingDateStamp(text);
  const body = useMemo(() => {
    const skip = leadingDateStamp(text)?.length ?? 0;
    return {
      text: text.slice(skip),
      links: shown.filter((l) => l.end > skip).map((l) => ({ ...l, start: Math.max(0, l.start - skip), end: l.end - skip })),
    };
  }, [text, shown]);

  if (source.error || evidence.error)
    return (
      <p className="form-error" role="alert">
        {(source.error ?? evidence.error)?.message}
      </p>
    );
  if (source.isLoading || evidence.isLoading) return <p className="muted">Loading…</p>;
  const s = source.data;
  if (!s) {
    return (
      <EmptyState title="This source does not exist">
        <p>
          It may have been deleted in another window. <Link to="/sources">Back to Sources</Link>
        </p>
      </EmptyState>
    );
  }
  const missingHighlight = currentId && !links.some((l) => l.evidence.id === currentId);
  return (
    <article className="source-reader">
      <p className="crumbs">
        <Link to="/sources">Sources</Link>
      </p>
      <div className="page-head">
        <h1>{s.title}</h1>
        {!editing && (
          <button type="button" onClick={() => setEditing(true)}>
            Edit details
          </button>
        )}
      </div>
      {editing ? (
        <SourceDetailsEditor source={s} onDone={() => setEditing(false)} />
      ) : (
        <dl className="facts source-facts">
          <dt>Publisher</dt>
          <dd>
            {s.publisher ?? (
              <>
                <span className="muted">publisher unknown</span>{' '}
                <button type="button" className="link-button" onClick={() => setEditing(true)}>
                  Add publisher
                </button>
              </>
            )}
          </dd>
          <dt>Dateline</dt>
          <dd>{datelineLabel(s.datelinePlace) || <span className="muted">none</span>}</dd>
          <dt>Published</dt>
          <dd>
            {!s.publishedOn && lead ? (
              <>
                {dayLabel(lead.day)} <span className="muted">(from the page’s date line)</span>
              </>
            ) : (
              publishedLabel(s)
            )}
          </dd>
          {s.url && (
            <>
              <dt>Address</dt>
              {/* Shown as text, not a link: the app never loads the network itself; the button hands
                  the address to the user's browser through the bridge (after a confirmation). */}
              <dd className="url">
                {s.url} <OpenInBrowser url={s.url} />
              </dd>
            </>
          )}
        </dl>
      )}
      {missingHighlight && (
        <p className="form-error" role="alert">
          The quote you followed is no longer in this source.
        </p>
      )}
      {links.length > 0 ? <HighlightChooser links={links} value={choice} onChange={setChoice} /> : null}
      <div className="reader-layout">
        <SourceText text={body.text} links={body.links} currentId={currentId} />
        <aside className="evidence-list" aria-labelledby="evidence-h">
          <h2 id="evidence-h">Evidence in this source</h2>
          {links.length === 0 ? (
            <p className="muted">Nothing quoted from this source yet.</p>
          ) : shown.length === 0 ? (
            <p className="muted">No highlights shown: choose a field or a record above, or All quotes.</p>
          ) : (
            <ol>
              {shown.map((l) => (
                <li key={l.evidence.id} className={l.evidence.id === currentId ? 'current' : undefined}>
                  <div className="evidence-kind">{l.kind}</div>
                  <q>{excerpt(l.evidence.quote)}</q>
                  <div className="evidence-actions">
                    {l.route ? <Link to={l.route}>{l.recordLabel}</Link> : <span className="muted">{l.recordLabel}</span>}
                    <Link
                      to={`?highlight=${encodeURIComponent(l.evidence.id)}`}
                      replace
                      aria-label={`Show in text: ${excerpt(l.evidence.quote, 60)}`}
                    >
                      Show in text
                    </Link>
                  </div>
                </li>
              ))}
            </ol>
          )}
        </aside>
      </div>
    </article>
  );
}

/** Hands a source's web address to the user's browser; refused addresses are explained. */
function OpenInBrowser({ url }: { url: string }) {
  const toast = useToast();
  const open = () => {
    bridge.openExternal({ url }).then(
      (reply) => {
        if (reply.status === 'refused') toast.notify(`This address was not opened: ${reply.message}`, { kind: 'error' });
      },
      (e: unknown) => toast.fail(e),
    );
  };
  return (
    <button type="button" className="link-button" onClick={open}>
      Open in browser
    </button>
  );
}
