import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { VisitStatus } from '../../../shared/model';
import {
  FACETS,
  FACET_LABELS,
  excerpt,
  highlightSegments,
  queryTerms,
  type FacetCount,
  type FacetName,
  type FacetSelection,
  type SearchHit,
  type SearchStatus,
  type SearchType,
} from '../../../shared/search';
import { StatusBadge } from '../../components';
import { searchClient } from '../../search';
import { readSearchParams, writeSearchParams } from './search-params';
import { useSearchResults, useSearchStatus } from './use-search';
import './search.css';

/** Typing settles this long before the query runs (and the URL changes). */
const TYPING_DEBOUNCE_MS = 120;
const PAGE = 50;
const FACET_PREVIEW = 8;

const TYPE_LABEL: Record<SearchType, string> = { visit: 'Visit', person: 'Person', source: 'Source', note: 'Note', event: 'Event' };

function Highlighted({ text, terms }: { text: string; terms: readonly string[] }) {
  return <>{highlightSegments(text, terms).map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}

function IndexStatus({ status }: { status: SearchStatus }) {
  switch (status.phase) {
    case 'starting':
    case 'loading':
      return (
        <p className="search-index-status muted" data-index-phase={status.phase} role="status">
          Opening the search index…
        </p>
      );
    case 'indexing':
      return (
        <div className="search-index-status" data-index-phase="indexing" role="status">
          <progress max={Math.max(status.total, 1)} value={status.done} aria-label="Indexing progress" />
          <span>
            Indexing {status.done.toLocaleString('en')} of {status.total.toLocaleString('en')} records… Results come from what is indexed so
            far.
          </span>
        </div>
      );
    case 'ready':
      return (
        <p
          className="search-index-status muted"
          data-index-phase="ready"
          data-index-source={status.source}
          data-index-held={status.heldForImport ? 'import' : undefined}
        >
          {status.documents.toLocaleString('en')} records indexed ·{' '}
          {status.source === 'persisted' ? `index loaded from disk in ${status.ms} ms` : `index built in ${status.ms} ms`}
          {status.heldForImport ? ' · an import is being saved: its records are indexed batch by batch' : ''}
        </p>
      );
    case 'failed':
      return (
        <div className="search-index-status" data-index-phase="failed" role="alert">
          <p>{status.message}</p>
          <button type="button" className="button" onClick={() => searchClient().rebuild()}>
            Rebuild the search index
          </button>
        </div>
      );
  }
}

function FacetGroup({
  facet,
  count,
  chosen,
  onToggle,
}: {
  facet: FacetName;
  count: FacetCount;
  /** The values chosen in the URL (ahead of the counts, which arrive with the next result). */
  chosen: readonly string[];
  onToggle: (facet: FacetName, value: string, on: boolean) => void;
}) {
  const [all, setAll] = useState(false);
  if (count.values.length === 0) return null;
  const shown = all ? count.values : count.values.filter((v, i) => i < FACET_PREVIEW || v.selected || chosen.includes(v.value));
  const hidden = count.values.length - shown.length;
  return (
    <fieldset className="search-facet">
      <legend>{FACET_LABELS[facet]}</legend>
      <ul>
        {shown.map((v) => (
          <li key={v.value}>
            <label className={v.count === 0 ? 'muted' : undefined}>
              <input type="checkbox" checked={chosen.includes(v.value)} onChange={(e) => onToggle(facet, v.value, e.target.checked)} />
              <span className="search-facet-label">{v.label}</span>
              <span className="search-facet-count">{v.count.toLocaleString('en')}</span>
            </label>
          </li>
        ))}
      </ul>
      {hidden > 0 && (
        <button type="button" className="link-button" onClick={() => setAll(true)}>
          Show {hidden} more
        </button>
      )}
      {all && count.distinct > count.values.length && (
        <p className="muted search-facet-more">
          The {count.values.length} largest of {count.distinct.toLocaleString('en')} are listed.
        </p>
      )}
    </fieldset>
  );
}

function Hit({ hit, terms }: { hit: SearchHit; terms: readonly string[] }) {
  const snippet = hit.snippet ? excerpt(hit.snippet, terms) : '';
  return (
    <li className="search-hit">
      <Link to={hit.href.replace(/^#/, '')} className="search-hit-link" data-search-hit="">
        <span className={`search-type search-type-${hit.type}`}>{TYPE_LABEL[hit.type]}</span>{' '}
        <span className="search-hit-title">
          <Highlighted text={hit.title} terms={terms} />
        </span>
      </Link>
      {(hit.status || hit.subtitle) && (
        <div className="search-hit-meta">
          {hit.status && <StatusBadge status={hit.status as VisitStatus} />}
          {hit.subtitle && (
            <span>
              <Highlighted text={hit.subtitle} terms={terms} />
            </span>
          )}
        </div>
      )}
      {snippet && (
        <p className="search-hit-snippet">
          <Highlighted text={snippet} terms={terms} />
        </p>
      )}
    </li>
  );
}

/** Search over visits, people, sources, notes and events: one box, facets, results as links. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const { q, facets } = useMemo(() => readSearchParams(params), [params]);
  const [text, setText] = useState(q);
  const [limit, setLimit] = useState(PAGE);
  const written = useRef(q);
  const box = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const status = useSearchStatus();
  const { result, error } = useSearchResults(q, facets, limit, status);

  // The URL changed from outside (back/forward, a link, the shortcut): show its query.
  useEffect(() => {
    if (q !== written.current) {
      written.current = q;
      setText(q);
    }
  }, [q]);

  useEffect(() => {
    if (text === written.current) return;
    const timer = setTimeout(() => {
      written.current = text;
      setLimit(PAGE);
      setParams(writeSearchParams({ q: text, facets }), { replace: true });
    }, TYPING_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, facets, setParams]);

  useEffect(() => {
    box.current?.focus();
    box.current?.select();
  }, []);

  const toggle = (facet: FacetName, value: string, on: boolean) => {
    const now = facets[facet] ?? [];
    const next: FacetSelection = { ...facets, [facet]: on ? [...now, value] : now.filter((v) => v !== value) };
    written.current = text;
    setLimit(PAGE);
    setParams(writeSearchParams({ q: text, facets: next }));
  };
  const anyFacet = FACETS.some((f) => (facets[f]?.length ?? 0) > 0);

  const links = () => [...(list.current?.querySelectorAll<HTMLAnchorElement>('a[data-search-hit]') ?? [])];
  const onBoxKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      const first = links()[0];
      if (first) {
        e.preventDefault();
        first.focus();
      }
    }
  };
  const onListKey = (e: KeyboardEvent<HTMLOListElement>) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (at === -1) return;
    if (e.key === 'ArrowDown' && at < all.length - 1) {
      e.preventDefault();
      all[at + 1]!.focus();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (at === 0) box.current?.focus();
      else all[at - 1]!.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      box.current?.focus();
    }
  };

  const typed = queryTerms(q).length > 0;
  const pending = text !== q;
  return (
    <section aria-labelledby="search-title" className="search-page">
      <div className="page-head">
        <h1 id="search-title">Search</h1>
      </div>
      <form className="search-form" role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="search-box" className="visually-hidden">
          Search
        </label>
        <input
          id="search-box"
          ref={box}
          type="search"
          data-search-box=""
          className="search-box"
          placeholder="Search visits, people, sources, notes and events"
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onBoxKey}
          aria-describedby="search-help"
        />
        <p id="search-help" className="muted search-help">
          Spelling variants and small typos match (Kadhimi, Kadhemi, al-Kadhimi). Press ↓ to move into the results, Enter to open one.
        </p>
      </form>
      <IndexStatus status={status} />
      {error && (
        <p role="alert" className="form-error">
          The search failed: {error}
        </p>
      )}
      <div className="search-layout">
        <div className="search-results">
          {!result && !typed && !anyFacet && (
            <div className="empty-state">
              <h2>Search visits, people, sources, notes and events</h2>
              <p>
                Type a name, a place, a purpose or a word from an article or a note. Then narrow the results by status, country, traveller,
                kind or year.
              </p>
            </div>
          )}
          {result && result.total === 0 && (
            <div className="empty-state" role="status">
              <h2>No matches for “{q}”</h2>
              <p>Check the spelling{anyFacet ? ' or remove a filter' : ', or try fewer words'}.</p>
              {anyFacet && (
                <button type="button" className="button" onClick={() => setParams(writeSearchParams({ q, facets: {} }))}>
                  Remove all filters
                </button>
              )}
            </div>
          )}
          {result && result.total > 0 && (
            <>
              <p className="search-count" role="status" aria-busy={pending}>
                {result.total.toLocaleString('en')} {result.total === 1 ? 'result' : 'results'}
                {q ? ` for “${q}”` : ''} <span className="muted">({result.tookMs < 1 ? '<1' : Math.round(result.tookMs)} ms)</span>
              </p>
              <ol className="search-hits" aria-label="Results" ref={list} onKeyDown={onListKey}>
                {result.hits.map((h) => (
                  <Hit key={`${h.type}:${h.recordId}`} hit={h} terms={result.terms} />
                ))}
              </ol>
              {result.hits.length < result.total && (
                <button type="button" className="button" onClick={() => setLimit((n) => n + PAGE)}>
                  Show more results ({(result.total - result.hits.length).toLocaleString('en')} more)
                </button>
              )}
            </>
          )}
        </div>
        {result && (result.total > 0 || anyFacet) && (
          <aside className="search-facets" aria-label="Filters">
            <div className="search-facets-head">
              <h2>Filters</h2>
              {anyFacet && (
                <button type="button" className="link-button" onClick={() => setParams(writeSearchParams({ q, facets: {} }))}>
                  Clear filters
                </button>
              )}
            </div>
            {FACETS.map((f) => (
              <FacetGroup key={f} facet={f} count={result.facets[f]} chosen={facets[f] ?? []} onToggle={toggle} />
            ))}
          </aside>
        )}
      </div>
    </section>
  );
}
