import { useRef, useState, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { dayLabel, VISIT_STATUSES, localToday, visitTitle } from '../../../shared/model';
import { countryName } from '../../../shared/places';
import { yearRange, type YearCount } from '../../../shared/stats';
import { EmptyState, visitFilterToParams } from '../../components';
import { useQuery } from '../../db';
import { loadDashboard, type DashboardVisit } from './dashboard-data';
import './dashboard.css';

const nf = new Intl.NumberFormat('en');

function plural(n: number, one: string, many = `${one}s`): string {
  return `${nf.format(n)} ${n === 1 ? one : many}`;
}

function listHref(filter: Parameters<typeof visitFilterToParams>[0]): string {
  return `/visits?${visitFilterToParams(filter).toString()}`;
}

function pct(n: number, max: number): string {
  return `${max > 0 ? Math.max(n > 0 ? 1.5 : 0, (n / max) * 100) : 0}%`;
}

/** Counts by status: one link per status, a bar as wide as its share. */
function StatusChart({ counts }: { counts: Record<(typeof VISIT_STATUSES)[number], number> }) {
  const max = Math.max(...VISIT_STATUSES.map((s) => counts[s]));
  return (
    <section className="dash-card" aria-labelledby="dash-status">
      <h2 id="dash-status">By status</h2>
      <ul className="hbars">
        {VISIT_STATUSES.map((s) => (
          <li key={s}>
            <Link
              to={listHref({ status: s })}
              className="hbar"
              data-status={s}
              aria-label={`${plural(counts[s], `${s} visit`)}: list them`}
            >
              <span className="hbar-label">{s}</span>
              <span className="hbar-track">
                <span className={`hbar-fill fill-${s}`} style={{ width: pct(counts[s], max) }} />
              </span>
              <span className="hbar-value num">{nf.format(counts[s])}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function CountryChart({ countries }: { countries: { country: string; count: number }[] }) {
  const max = countries[0]?.count ?? 0;
  return (
    <section className="dash-card" aria-labelledby="dash-countries">
      <h2 id="dash-countries">Top host countries</h2>
      {countries.length === 0 ? (
        <p className="muted">No host countries yet.</p>
      ) : (
        <ol className="hbars">
          {countries.map((c) => (
            <li key={c.country}>
              <Link
                to={listHref({ country: c.country })}
                className="hbar"
                data-country={c.country}
                aria-label={`${countryName(c.country)}: ${plural(c.count, 'visit')}; list them`}
              >
                <span className="hbar-label">{countryName(c.country)}</span>
                <span className="hbar-track">
                  <span className="hbar-fill fill-accent" style={{ width: pct(c.count, max) }} />
                </span>
                <span className="hbar-value num">{nf.format(c.count)}</span>
              </Link>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * Visits per start year as vertical bars. The chart is one Tab stop (a roving tabindex): the
 * arrow keys, Home and End move between years, Enter opens the Visits list for that year.
 */
function YearChart({ years, undated }: { years: YearCount[]; undated: number }) {
  const navigate = useNavigate();
  const [focus, setFocus] = useState(() => Math.max(0, years.length - 1));
  const refs = useRef<(HTMLAnchorElement | null)[]>([]);
  const max = Math.max(1, ...years.map((y) => y.count));
  const current = Math.min(focus, years.length - 1);
  const move = (i: number) => {
    const next = Math.max(0, Math.min(years.length - 1, i));
    setFocus(next);
    refs.current[next]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLOListElement>) => {
    const keys: Record<string, number> = {
      ArrowLeft: current - 1,
      ArrowRight: current + 1,
      ArrowDown: current - 1,
      ArrowUp: current + 1,
      Home: 0,
      End: years.length - 1,
      PageUp: current - 10,
      PageDown: current + 10,
    };
    const to = keys[e.key];
    if (to === undefined) return;
    e.preventDefault();
    move(to);
  };
  const span = years.length > 0 ? `${years[0]!.year}–${years[years.length - 1]!.year}` : '';
  const tickEvery = years.length > 60 ? 20 : years.length > 24 ? 10 : years.length > 10 ? 5 : 1;
  return (
    <section className="dash-card dash-wide" aria-labelledby="dash-years">
      <h2 id="dash-years">Visits per year</h2>
      <p className="muted dash-hint" id="dash-years-hint">
        By the year each visit starts{span && `, ${span}`}
        {undated > 0 && `; ${plural(undated, 'visit')} without a date not shown`}. Arrow keys move between years, Enter lists a year’s
        visits.
      </p>
      {years.length === 0 ? (
        <p className="muted">No dated visits yet.</p>
      ) : (
        <ol className="vbars" aria-describedby="dash-years-hint" onKeyDown={onKeyDown}>
          {years.map((y, i) => {
            const r = yearRange(y.year);
            return (
              <li key={y.year}>
                <a
                  ref={(el) => {
                    refs.current[i] = el;
                  }}
                  href={`#${listHref({ from: r.from, to: r.to })}`}
                  tabIndex={i === current ? 0 : -1}
                  className="vbar"
                  data-year={y.year}
                  data-count={y.count}
                  aria-label={`${y.year}: ${plural(y.count, 'visit')}`}
                  title={`${y.year}: ${plural(y.count, 'visit')}`}
                  onFocus={() => setFocus(i)}
                  onClick={(e) => {
                    e.preventDefault();
                    void navigate(listHref({ from: r.from, to: r.to }));
                  }}
                >
                  <span className="vbar-fill" style={{ height: `${y.count > 0 ? Math.max(2, (y.count / max) * 100) : 0}%` }} />
                  {y.year % tickEvery === 0 && (
                    <span className="vbar-tick" aria-hidden="true">
                      {y.year}
                    </span>
                  )}
                </a>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function VisitList({
  id,
  title,
  visits,
  empty,
  more,
}: {
  id: string;
  title: string;
  visits: DashboardVisit[];
  empty: string;
  more: string;
}) {
  return (
    <section className="dash-card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {visits.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ol className="dash-visits">
          {visits.map((v) => (
            <li key={v.id}>
              <Link to={`/visits/${v.id}`}>{visitTitle({ name: v.travellerName }, v)}</Link>
              <div className="muted">
                {v.dates}
                {v.postponedOn && ` · postponed on ${dayLabel(v.postponedOn)}`}
              </div>
            </li>
          ))}
        </ol>
      )}
      <p>
        <Link to={more}>See all in the Visits list</Link>
      </p>
    </section>
  );
}

/**
 * Plans that have come due: planned or postponed, their dates passed (`isOverdue`). Each opens its
 * visit, where the follow-up actions are; the link lists them all in the Visits list.
 */
function FollowUpCard({ visits, count, today }: { visits: DashboardVisit[]; count: number; today: string }) {
  return (
    <section className="dash-card dash-follow-up" aria-labelledby="dash-follow-up" data-empty={count === 0 ? 'true' : undefined}>
      <h2 id="dash-follow-up">Needs follow-up</h2>
      {count === 0 ? (
        <p className="muted">
          No plan has come due: every planned or postponed visit is dated from today ({dayLabel(today)}) on, or undated.
        </p>
      ) : (
        <>
          <p className="dash-hint">
            {plural(count, 'plan')} whose dates have passed, still planned or postponed. Open one to record what happened or reschedule it.
          </p>
          <ol className="dash-visits">
            {visits.map((v) => (
              <li key={v.id}>
                <Link to={`/visits/${v.id}`}>{visitTitle({ name: v.travellerName }, v)}</Link>
                <div className="muted">
                  {v.dates} · {v.status}, due by {dayLabel(v.dueOn)}
                </div>
              </li>
            ))}
          </ol>
          <p>
            <Link to="/visits?overdue=1">
              {count > visits.length ? `See all ${nf.format(count)} in the Visits list` : 'See them in the Visits list'}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}

/** The Dashboard: counts by status, visits per year, top host countries, what is next and what moved. Each item opens the filtered list. */
export function DashboardPage() {
  const today = localToday();
  const state = useQuery(() => loadDashboard(today), [today]);
  const data = state.data;
  return (
    <section aria-labelledby="dashboard-title" className="dashboard">
      <div className="page-head">
        <h1 id="dashboard-title">Dashboard</h1>
        {data && data.total > 0 && <p className="muted">{plural(data.total, 'visit')} recorded</p>}
      </div>
      {state.error ? (
        <p role="alert" className="form-error">
          The dashboard could not be loaded: {state.error.message}
        </p>
      ) : !data ? (
        <p className="loading" role="status">
          Counting visits…
        </p>
      ) : data.total === 0 ? (
        <EmptyState title="No visits yet">
          <p>
            <Link to="/visits/new">Add a visit</Link>, <Link to="/import">import an article</Link> or{' '}
            <Link to="/import/dataset">import a dataset</Link>: the dashboard then counts them by status, year and host country.
          </p>
        </EmptyState>
      ) : (
        <div className="dash-grid">
          <StatusChart counts={data.byStatus} />
          <CountryChart countries={data.topCountries} />
          <div className="dash-stack">
            <FollowUpCard visits={data.overdue} count={data.overdueCount} today={today} />
            <VisitList
              id="dash-next"
              title="Next planned visits"
              visits={data.nextPlanned}
              empty={
                data.overdueCount > 0
                  ? `Nothing planned from today (${dayLabel(today)}) on; ${plural(data.overdueCount, 'plan')} came due before it (see Needs follow-up).`
                  : `Nothing planned from today (${dayLabel(today)}) on.`
              }
              more={listHref({ status: 'planned' })}
            />
            <VisitList
              id="dash-postponed"
              title="Recently postponed"
              visits={data.recentlyPostponed}
              empty="No visit is postponed."
              more={listHref({ status: 'postponed' })}
            />
          </div>
          <YearChart years={data.perYear} undated={data.undated} />
        </div>
      )}
    </section>
  );
}
