import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { formatVisitDates, isOverdue, KIND_LABELS, localToday, placeLabel } from '../../../shared/model';
import { EmptyState, Field, OverdueBadge, StatusBadge, VisitFilterControls } from '../../components';
import { useQuery, visitRowsAt, type VisitListRow } from '../../db';
import { SORT_OPTIONS, hasFilters, listToParams, paramsToList, sortFromValue, sortToValue, type ListParams } from './list-params';
import type { SearchStatus } from '../../search';
import { PAGE, useVisitList } from './use-visit-list';
import './visit-list.css';

/** Fixed row height (px): the virtualiser needs it; the purpose is cut to one line to keep it. */
const ROW_HEIGHT = 56;
const NUMBER = new Intl.NumberFormat('en-US');

/** What Find waits for, in the Find box's hint. */
function findWaitingLabel(s: SearchStatus): string {
  if (s.phase === 'indexing')
    return `Find waits for the search index: ${NUMBER.format(s.done)} of ${NUMBER.format(s.total)} records indexed…`;
  return 'Find waits for the search index to open…';
}

function countLabel(n: number, filtered: boolean): string {
  return `${NUMBER.format(n)} ${n === 1 ? 'visit' : 'visits'}${filtered ? ' match' : ''}`;
}

/**
 * The Visits list, built for a large database: the ordered ids of the matches come from key-only
 * index reads (`visitIds`), the table is virtualised (only the rows on screen exist in the DOM) and
 * rows are read a page at a time as the visible range moves. The first page is shown from a direct
 * index read while the ids are computed. Filters, sort and find text live in the URL, so back,
 * forward and reload keep them.
 */
export function VisitListPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => paramsToList(searchParams), [searchParams]);
  const { key, first, find, findText, fallback, shownIds, count, loading, error } = useVisitList(params);

  /** Filter choices push a history entry (back undoes a filter); typing in Find replaces it. */
  const update = (next: Partial<ListParams>, replace = false) => {
    setSearchParams(listToParams({ ...params, ...next }), { replace });
  };
  const clear = () =>
    setSearchParams(
      new URLSearchParams(params.sort.field === 'start' && params.sort.dir === 'desc' ? '' : `sort=${sortToValue(params.sort)}`),
    );

  const filtered = hasFilters(params);
  const today = localToday();

  return (
    <section className="visits-list" aria-labelledby="visits-heading">
      <div className="page-head">
        <h1 id="visits-heading">Visits</h1>
        <Link to="/visits/new" className="button primary" title="New visit (Ctrl+Alt+N)">
          New visit
        </Link>
      </div>

      <search className="toolbar visits-filters" aria-label="Filter visits">
        <Field
          label="Find visits"
          hint={
            find.waiting ? (
              findWaitingLabel(find.waiting)
            ) : fallback ? (
              <>The search index could not be opened ({find.error?.message}), so Find reads every visit: slower on a long list.</>
            ) : undefined
          }
        >
          <input
            type="search"
            data-find=""
            placeholder="Name, country, city, purpose…"
            value={params.q}
            onChange={(e) => update({ q: e.target.value }, true)}
          />
        </Field>
        <VisitFilterControls
          className="visits-filter-controls"
          value={params.filter}
          onChange={(filter) => update({ filter })}
          deferChoices={first.data === undefined && !first.error}
          showOverdue
        />
        {filtered && (
          <button type="button" className="clear-filters" onClick={clear}>
            Clear filters
          </button>
        )}
      </search>

      {error ? (
        <p className="form-error" role="alert">
          The visits could not be read: {error.message}
        </p>
      ) : loading ? (
        <p className="loading" role="status">
          {findText ? 'Finding visits…' : 'Loading visits…'}
        </p>
      ) : (
        <>
          <div className="list-head">
            <p className="result-count" aria-live="polite">
              {count === undefined ? 'Counting visits…' : countLabel(count, filtered)}
            </p>
            <Field label="Sort by">
              <select value={sortToValue(params.sort)} onChange={(e) => update({ sort: sortFromValue(e.target.value) })}>
                {SORT_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          {(count ?? first.data?.length ?? 0) === 0 ? (
            filtered ? (
              <EmptyState title="No visits match these filters">
                <p>Try another status, country or date range, or clear the filters to see every visit.</p>
                <button type="button" onClick={clear}>
                  Clear filters
                </button>
              </EmptyState>
            ) : (
              <EmptyState title="No visits recorded yet">
                <p>Record a leader’s trip abroad (who travels, where to, when, and where you read it), or import articles or a dataset.</p>
                <div className="empty-actions">
                  <Link to="/visits/new" className="button primary">
                    New visit
                  </Link>
                  <Link to="/import" className="button">
                    Import
                  </Link>
                </div>
              </EmptyState>
            )
          ) : (
            <VirtualVisitTable
              // A new text re-keys the table once its answer is in (the last answer stays until then).
              key={key + '\u0001' + (fallback ? findText : find.answered)}
              today={today}
              ids={shownIds}
              total={count}
              firstRows={first.data}
              firstSettled={first.data !== undefined || !!first.error}
            />
          )}
        </>
      )}
    </section>
  );
}

/** True when the first rows are the first page of `ids` (the same ids, in order, as many as a page holds). */
function coversFirstPage(rows: readonly VisitListRow[], ids: readonly string[]): boolean {
  const n = Math.min(PAGE, ids.length);
  if (rows.length < n) return false;
  for (let i = 0; i < n; i++) if (rows[i]!.id !== ids[i]) return false;
  return true;
}

/** How long the visible page range must hold still before its pages are read. */
const SETTLE_MS = 50;

/**
 * The page range to read: the one shown, once it has not changed for SETTLE_MS. While a scroll
 * crosses a page or more every frame, nothing is read (rows show "Loading…"); the first range is
 * read at once.
 */
function useSettledRange(from: number, to: number): [number, number] {
  const [settled, setSettled] = useState<[number, number]>([from, to]);
  useEffect(() => {
    if (settled[0] === from && settled[1] === to) return;
    const timer = setTimeout(() => setSettled([from, to]), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [from, to, settled]);
  return settled;
}

/**
 * The virtualised table. Before the ids arrive it shows the first page; after, it reads the pages
 * the visible range touches (live: an edit anywhere re-reads them) and keeps a few around.
 * Keyboard: Up/Down move between rows, Page Up/Down by a screen, Home/End to the first/last row;
 * every row is a link (Enter opens it, middle-click or Ctrl+click opens a new window).
 */
function VirtualVisitTable({
  ids,
  total,
  firstRows,
  firstSettled,
  today,
}: {
  ids: readonly string[] | undefined;
  total: number | undefined;
  firstRows: VisitListRow[] | undefined;
  /** The first rows have been read (or failed): until then no page is read, as they may be the first. */
  firstSettled: boolean;
  /** The day "overdue" is judged against. */
  today: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = ids?.length ?? total ?? firstRows?.length ?? 0;
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual re-renders this component itself; nothing memoises its functions
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;
  const pageFrom = Math.floor(firstIndex / PAGE);
  const pageTo = Math.floor(lastIndex / PAGE);

  // Pages are read once the visible range holds still (a fling past a thousand rows reads none of
  // them), with a page either side once the list is scrolled past its first page, so a slow scroll
  // finds the next rows already there. The first page comes from the first rows when they are those ids (they are
  // live too): a list just opened reads no row twice. Each page is a hundred reads by key, small
  // enough that IndexedDB serves them before the next screen's reads.
  const [readFrom, readTo] = useSettledRange(pageFrom, pageTo);
  const firstCovers = !!ids && !!firstRows && coversFirstPage(firstRows, ids);
  const pages = useQuery(async () => {
    if (!ids || !firstSettled) return null;
    const out = new Map<number, VisitListRow[]>();
    const last = Math.floor(Math.max(0, ids.length - 1) / PAGE);
    const around = readFrom > 0 || readTo > 0 ? 1 : 0;
    for (let p = Math.max(0, readFrom - around); p <= Math.min(last, readTo + around); p++) {
      if (p === 0 && firstCovers) continue;
      out.set(p, await visitRowsAt(ids, p * PAGE, PAGE));
    }
    return out;
  }, [ids, readFrom, readTo, firstCovers, firstSettled]);

  // Pages stay cached near the visible range so scrolling back shows rows at once; far ones are dropped.
  const [cache, setCache] = useState<Map<number, VisitListRow[]>>(() => new Map());
  useEffect(() => {
    if (!pages.data) return;
    setCache((prev) => {
      const next = new Map<number, VisitListRow[]>();
      for (const [p, rows] of prev) if (p >= pageFrom - 3 && p <= pageTo + 3) next.set(p, rows);
      for (const [p, rows] of pages.data!) next.set(p, rows);
      return next;
    });
  }, [pages.data, pageFrom, pageTo]);

  const rowAt = (i: number): VisitListRow | undefined => {
    if (firstCovers && i < PAGE) return firstRows?.[i];
    const id = ids?.[i];
    const cached = cache.get(Math.floor(i / PAGE))?.[i % PAGE] ?? pages.data?.get(Math.floor(i / PAGE))?.[i % PAGE];
    if (cached && (id === undefined || cached.id === id)) return cached;
    const fromFirst = i < PAGE ? firstRows?.[i] : undefined;
    if (fromFirst && (id === undefined || fromFirst.id === id)) return fromFirst;
    return undefined;
  };

  // Keyboard focus that must land on a row not rendered (or not loaded) yet.
  const [pendingFocus, setPendingFocus] = useState<number | null>(null);
  useEffect(() => {
    if (pendingFocus === null) return;
    const link = scrollRef.current?.querySelector<HTMLAnchorElement>(`tr[data-index="${pendingFocus}"] a`);
    if (link) {
      link.focus({ preventScroll: true });
      setPendingFocus(null);
    }
  }, [pendingFocus, items, cache]);

  const move = (from: number, to: number) => {
    const target = Math.max(0, Math.min(count - 1, to));
    if (target === from) return;
    virtualizer.scrollToIndex(target, { align: 'auto' });
    setPendingFocus(target);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const tr = (e.target as HTMLElement).closest('tr[data-index]');
    if (!tr || e.altKey || e.ctrlKey || e.metaKey) return;
    const index = Number(tr.getAttribute('data-index'));
    const screen = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const to =
      e.key === 'ArrowDown'
        ? index + 1
        : e.key === 'ArrowUp'
          ? index - 1
          : e.key === 'PageDown'
            ? index + screen
            : e.key === 'PageUp'
              ? index - screen
              : e.key === 'Home'
                ? 0
                : e.key === 'End'
                  ? count - 1
                  : null;
    if (to === null) return;
    e.preventDefault();
    move(index, to);
  };

  const totalSize = virtualizer.getTotalSize();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length ? totalSize - (items[items.length - 1]!.end ?? 0) : 0;

  return (
    <div className="visits-scroller" ref={scrollRef}>
      <table
        aria-label="Visits"
        aria-rowcount={count + 1}
        // Busy while the full list of matches is read (the first page shows before it): rows further down come after.
        aria-busy={ids ? undefined : true}
        className="visits-table visits-table-virtual"
      >
        <colgroup>
          <col />
          <col className="col-dates" />
          <col className="col-status" />
          <col className="col-kind" />
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">Visit</th>
            <th scope="col">Dates</th>
            <th scope="col">Status</th>
            <th scope="col">Kind</th>
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {padTop > 0 && (
            <tr aria-hidden="true" className="virtual-spacer">
              <td colSpan={4} style={{ height: padTop }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rowAt(item.index);
            const visit = row?.visit;
            // On the second line, before the purpose: the status cell holds the status alone.
            const overdue = !!visit && isOverdue(visit, today);
            return (
              <tr key={item.key} data-index={item.index} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
                {visit ? (
                  <>
                    <td>
                      <div className="visit-cell">
                        <Link to={`/visits/${visit.id}`} className="visit-link">
                          <span className="visit-traveller">{row.traveller?.name ?? 'Unknown traveller'}</span> →{' '}
                          <span className="visit-destination">{placeLabel(visit.place)}</span>
                        </Link>
                        {(visit.purpose || overdue) && (
                          <div className="visit-purpose muted">
                            {overdue && <OverdueBadge />} {visit.purpose}
                          </div>
                        )}
                      </div>
                    </td>
                    <td className="visit-dates">{formatVisitDates(visit.start, visit.end)}</td>
                    <td>
                      <StatusBadge status={visit.status} />
                    </td>
                    <td>{KIND_LABELS[visit.kind]}</td>
                  </>
                ) : (
                  <td colSpan={4} className="visit-placeholder muted">
                    {row ? 'This visit was just deleted' : 'Loading…'}
                  </td>
                )}
              </tr>
            );
          })}
          {padBottom > 0 && (
            <tr aria-hidden="true" className="virtual-spacer">
              <td colSpan={4} style={{ height: padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
