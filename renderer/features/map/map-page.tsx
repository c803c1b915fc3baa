import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { VISIT_STATUSES } from '../../../shared/model';
import { EmptyState, StatusBadge, VisitFilterControls, hasVisitFilter, useVisitFilterParams, visitFilterToParams } from '../../components';
import { useQuery, type VisitFilter } from '../../db';
import { loadMapRoutes, type MapRoutes } from './map-data';
import { WorldMap, type DrawnRoute } from './world-map';
import './map.css';

/** At most this many routes are drawn (the busiest); the rest are counted in a note. */
const MAP_ROUTE_LIMIT = 300;
/** The route table shows this many rows until asked for all. */
const TABLE_ROWS = 50;

const nf = new Intl.NumberFormat('en');

function plural(n: number, one: string, many = `${one}s`): string {
  return `${nf.format(n)} ${n === 1 ? one : many}`;
}

/** Turns the repository's routes into what the map and the table show. */
function describeRoutes(data: MapRoutes, filter: VisitFilter): DrawnRoute[] {
  return data.routes.map((route) => {
    const latest = data.latest[route.latestVisitId];
    const only = route.travellerIds.length === 1 ? route.travellerIds[0] : undefined;
    const heading = `${route.from.label} → ${route.to.label}`;
    const label = `${heading}, ${route.status}`;
    if (route.count === 1) {
      const who = latest ? `${latest.travellerName}, ${latest.dates}` : '';
      return {
        route,
        heading,
        href: `#/visits/${route.latestVisitId}`,
        label: `${label}: ${who}`,
        details: [who, 'Click or press Enter to open the visit'],
      };
    }
    const listFilter: VisitFilter = { ...filter, country: route.to.country, status: route.status };
    if (only) listFilter.travellerId = only;
    const who = only ? `${data.travellerNames[only] ?? 'one traveller'}` : plural(route.travellerIds.length, 'traveller');
    const recent = latest ? `Most recent: ${latest.travellerName}, ${latest.dates}` : '';
    return {
      route,
      heading,
      href: `#/visits?${visitFilterToParams(listFilter).toString()}`,
      label: `${label}: ${plural(route.count, 'visit')} by ${who}`,
      details: [`${plural(route.count, 'visit')} by ${who}`, recent, 'Click or press Enter to list them'].filter(Boolean),
    };
  });
}

function Legend() {
  return (
    <ul className="map-legend" aria-label="Route colours">
      {VISIT_STATUSES.map((s) => (
        <li key={s}>
          <svg width="28" height="10" aria-hidden="true">
            <line className={`legend-line route-${s}`} x1="2" y1="5" x2="26" y2="5" />
          </svg>
          {s}
        </li>
      ))}
      <li className="muted">Thicker lines: more visits on the route</li>
    </ul>
  );
}

function Notes({ data }: { data: MapRoutes }) {
  const { unrouted } = data;
  const notPlaced = unrouted['no-origin'] + unrouted['no-destination'];
  return (
    <div className="map-notes" role="status">
      <p>
        {plural(data.visitCount, 'visit')} · {plural(data.totalRoutes, 'route')}
        {data.hiddenRoutes > 0 &&
          ` · the ${nf.format(data.routes.length)} busiest routes are drawn; ${plural(data.hiddenRoutes, 'route')} with ${plural(data.hiddenVisits, 'visit')} are not (narrow the filters to see them)`}
      </p>
      {notPlaced + unrouted['same-place'] > 0 && (
        <p className="muted">
          Not on the map:{' '}
          {[
            unrouted['no-origin'] > 0 &&
              `${plural(unrouted['no-origin'], 'visit')} whose traveller’s country is unknown (add a role with a country)`,
            unrouted['no-destination'] > 0 && `${plural(unrouted['no-destination'], 'visit')} to a country without a known capital`,
            unrouted['same-place'] > 0 && `${plural(unrouted['same-place'], 'visit')} in the same place as where the traveller came from`,
          ]
            .filter(Boolean)
            .join('; ')}
          .
        </p>
      )}
    </div>
  );
}

function RouteTable({ routes, data }: { routes: DrawnRoute[]; data: MapRoutes }) {
  const [all, setAll] = useState(false);
  const shown = all ? routes : routes.slice(0, TABLE_ROWS);
  return (
    <section aria-labelledby="map-routes-title" className="map-route-table">
      <h2 id="map-routes-title">Routes on the map</h2>
      <table>
        <caption className="visually-hidden">The routes drawn on the map, busiest first</caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Visits
            </th>
            <th scope="col">Most recent</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => {
            const latest = data.latest[r.route.latestVisitId];
            return (
              <tr key={r.route.key} data-route={r.route.key}>
                <td>{r.route.from.label}</td>
                <td>{r.route.to.label}</td>
                <td>
                  <StatusBadge status={r.route.status} />
                </td>
                <td className="num">{r.route.count > 1 ? <a href={r.href}>{nf.format(r.route.count)}</a> : '1'}</td>
                <td>
                  <a href={`#/visits/${r.route.latestVisitId}`}>{latest ? `${latest.travellerName}, ${latest.dates}` : 'Open the visit'}</a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {routes.length > shown.length && (
        <button type="button" onClick={() => setAll(true)}>
          Show all {nf.format(routes.length)} routes
        </button>
      )}
    </section>
  );
}

/** The Map screen: visits as routes on an offline world map, with the Visits list's filters. */
export function MapPage() {
  const [filter, setFilter] = useVisitFilterParams();
  const key = JSON.stringify(filter);
  const state = useQuery(() => loadMapRoutes(filter, MAP_ROUTE_LIMIT), [key]);
  const data = state.data;
  const routes = useMemo(() => (data ? describeRoutes(data, filter) : []), [data, filter]);
  const filtered = hasVisitFilter(filter);

  return (
    <section aria-labelledby="map-title" className="map-page">
      <div className="page-head">
        <h1 id="map-title">Map</h1>
        <Legend />
      </div>
      <VisitFilterControls value={filter} onChange={setFilter} />
      {state.error ? (
        <p role="alert" className="form-error">
          The map could not be drawn: {state.error.message}
        </p>
      ) : !data ? (
        <p className="loading" role="status">
          Placing visits on the map…
        </p>
      ) : data.visitCount === 0 ? (
        filtered ? (
          <EmptyState title="No visits match these filters">
            <p>Change the filters above, or show every visit.</p>
            <button type="button" onClick={() => setFilter({})}>
              Clear filters
            </button>
          </EmptyState>
        ) : (
          <EmptyState title="No visits to map yet">
            <p>
              <Link to="/visits/new">Add a visit</Link>, <Link to="/import">import an article</Link> or{' '}
              <Link to="/import/dataset">import a dataset</Link>: each visit appears here as a route from the traveller’s country.
            </p>
          </EmptyState>
        )
      ) : (
        <>
          <Notes data={data} />
          <WorldMap
            routes={routes}
            title={`World map with ${plural(routes.length, 'route')}; the routes are also listed in the table below`}
          />
          <RouteTable key={key} routes={routes} data={data} />
        </>
      )}
    </section>
  );
}
