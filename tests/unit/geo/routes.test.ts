import { describe, expect, it } from 'vitest';
import {
  aggregateRoutes,
  buildLegs,
  capitalEnd,
  destinationEnd,
  historicalCapital,
  travellerCountry,
  type RouteLeg,
  type RoutePerson,
  type RouteVisit,
} from '../../../shared/geo';
import type { VisitStatus } from '../../../shared/model';
import { HISTORICAL_COUNTRIES, placeFor } from '../../../shared/places';
import { buildSeed, SEED_IDS } from '../../../shared/seed';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function person(n: number, roles: RoutePerson['roles'], country: string | null = null): RoutePerson {
  return { id: id(n), name: `Person ${n}`, country, roles };
}

function visit(
  n: number,
  traveller: RoutePerson,
  country: string,
  city: string | null,
  startKey: string,
  extra: Partial<RouteVisit> = {},
): RouteVisit {
  return {
    id: id(1000 + n),
    travellerId: traveller.id,
    status: 'completed',
    place: placeFor(country, city),
    startKey,
    tourId: null,
    ...extra,
  };
}

describe('origin: the traveller’s country on the visit’s day', () => {
  const kadhemi = person(1, [
    { title: 'Prime Minister of Iraq', country: 'IQ', from: '2020-05', to: null },
    { title: 'Ambassador to France', country: 'FR', from: '2010', to: '2012-06' },
  ]);

  it('uses the role covering the day, else the open-ended role, else the person’s country', () => {
    expect(travellerCountry(kadhemi, '2020-07-21')).toBe('IQ');
    expect(travellerCountry(kadhemi, '2011-03-01')).toBe('FR');
    expect(travellerCountry(kadhemi, '2012-06-30')).toBe('FR'); // "2012-06" covers the whole month
    expect(travellerCountry(kadhemi, '2015-01-01')).toBe('IQ'); // no role covers it: the current one
    expect(travellerCountry(kadhemi, '')).toBe('IQ'); // undated visit
    expect(travellerCountry(person(2, [], 'DE'), '2020-01-01')).toBe('DE');
    expect(travellerCountry(person(3, [{ title: 'Envoy', country: null, from: null, to: null }]), '2020-01-01')).toBeNull();
    expect(travellerCountry(person(4, [{ title: 'Former PM', country: 'GB', from: '1990', to: '1997' }]), '2020-01-01')).toBe('GB');
  });

  it('prefers the latest-starting role when several cover the day', () => {
    const p = person(5, [
      { title: 'Senator', country: 'US', from: '2000', to: null },
      { title: 'Envoy to Japan', country: 'JP', from: '2019-02', to: '2019-12' },
    ]);
    expect(travellerCountry(p, '2019-05-05')).toBe('JP');
    expect(travellerCountry(p, '2021-05-05')).toBe('US');
  });

  it('starts at the capital of today’s countries and of historical ones', () => {
    expect(capitalEnd('IQ')).toMatchObject({ key: 'IQ:Baghdad', label: 'Baghdad, Iraq' });
    expect(capitalEnd('SU')).toMatchObject({ key: 'SU:Moscow', label: 'Moscow, Soviet Union' });
    for (const h of HISTORICAL_COUNTRIES) expect(historicalCapital(h.code), h.code).not.toBeNull();
    expect(capitalEnd('AQ')).toBeNull(); // Antarctica has no capital
    expect(capitalEnd('ZZ')).toBeNull();
  });
});

describe('destination: the city when it has coordinates, else the capital', () => {
  it('resolves the seed’s three visits', () => {
    expect(destinationEnd(placeFor('IR', 'Tehran'))).toMatchObject({ key: 'IR:Tehran', label: 'Tehran, Iran' });
    expect(destinationEnd(placeFor('SA'))).toMatchObject({ key: 'SA:Riyadh', label: 'Riyadh, Saudi Arabia' });
    expect(destinationEnd(placeFor('US', 'Washington'))).toMatchObject({ key: 'US:Washington' });
    // A city the gazetteer does not know has no coordinates: the capital stands in.
    expect(destinationEnd(placeFor('IQ', 'Ain al-Asad'))).toMatchObject({ key: 'IQ:Baghdad' });
    expect(destinationEnd(placeFor('DE', 'Bonn'))?.key).toMatch(/^DE:/);
  });
});

describe('buildLegs', () => {
  it('draws the seed: Baghdad → Tehran (completed), → Riyadh (postponed), → Washington (planned)', () => {
    const seed = buildSeed();
    const people = new Map(seed.people.map((p) => [p.id, p]));
    const { legs, unrouted } = buildLegs(seed.visits, people);
    expect(unrouted).toEqual({ 'no-origin': 0, 'no-destination': 0, 'same-place': 0 });
    const drawn = legs.map((l) => [l.visitId, `${l.from.label} → ${l.to.label}`, l.status]).sort();
    expect(drawn).toEqual(
      [
        [SEED_IDS.tehranVisit, 'Baghdad, Iraq → Tehran, Iran', 'completed'],
        [SEED_IDS.saudiVisit, 'Baghdad, Iraq → Riyadh, Saudi Arabia', 'postponed'],
        [SEED_IDS.washingtonVisit, 'Baghdad, Iraq → Washington, United States', 'planned'],
      ].sort(),
    );
  });

  it('chains a tour’s legs in date order whatever order the rows come in', () => {
    const president = person(10, [{ title: 'President', country: 'US', from: '1959', to: '1961' }]);
    const tour = id(99);
    const legs = [
      visit(3, president, 'IN', 'New Delhi', '1959-12-09', { tourId: tour }),
      visit(1, president, 'IT', 'Rome', '1959-12-04', { tourId: tour }),
      visit(4, president, 'IR', 'Tehran', '1959-12-14', { tourId: tour }),
      visit(2, president, 'TR', 'Ankara', '1959-12-06', { tourId: tour }),
      visit(5, president, 'FR', 'Paris', '1959-12-19'), // not on the tour: from Washington
    ];
    const built = buildLegs(legs, new Map([[president.id, president]]));
    const path = built.legs.filter((l) => l.tourId === tour).map((l) => [l.tourLeg, l.from.key, l.to.key]);
    expect(path).toEqual([
      [1, 'US:Washington', 'IT:Rome'],
      [2, 'IT:Rome', 'TR:Ankara'],
      [3, 'TR:Ankara', 'IN:New Delhi'],
      [4, 'IN:New Delhi', 'IR:Tehran'],
    ]);
    expect(built.legs.find((l) => l.tourId === null)).toMatchObject({ from: { key: 'US:Washington' }, to: { key: 'FR:Paris' } });
  });

  it('counts what cannot be drawn, by reason', () => {
    const nobody = person(20, []);
    const iraqi = person(21, [{ title: 'Minister', country: 'IQ', from: null, to: null }]);
    const tour = id(98);
    const built = buildLegs(
      [
        visit(1, nobody, 'FR', 'Paris', '2020-01-01'),
        { ...visit(2, iraqi, 'FR', null, '2020-01-01'), place: { country: 'AQ', city: null, lat: null, lon: null } },
        visit(3, iraqi, 'IQ', 'Baghdad', '2020-01-01'), // a visit home
        visit(4, iraqi, 'FR', 'Paris', '2020-02-01', { tourId: tour }),
        visit(5, iraqi, 'FR', 'Paris', '2020-02-02', { tourId: tour }), // same city as the previous leg
        { ...visit(6, { ...iraqi, id: id(77) }, 'FR', 'Paris', '2020-01-01') }, // traveller not found
      ],
      new Map([nobody, iraqi].map((p) => [p.id, p])),
    );
    expect(built.unrouted).toEqual({ 'no-origin': 2, 'no-destination': 1, 'same-place': 2 });
    expect(built.legs.map((l) => l.visitId)).toEqual([id(1004)]);
  });
});

describe('aggregateRoutes', () => {
  const STATUSES: VisitStatus[] = ['planned', 'postponed', 'underway', 'completed', 'cancelled'];
  const ends = ['IQ', 'IR', 'SA', 'US', 'FR', 'DE'].map((c) => capitalEnd(c)!);

  function legs(n: number): RouteLeg[] {
    let s = 7;
    const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
    return Array.from({ length: n }, (_, i) => {
      const from = ends[Math.floor(rnd() * ends.length)]!;
      let to = ends[Math.floor(rnd() * ends.length)]!;
      if (to.key === from.key) to = ends[(ends.indexOf(from) + 1) % ends.length]!;
      const day = String(1 + Math.floor(rnd() * 28)).padStart(2, '0');
      return {
        visitId: id(i),
        travellerId: id(5000 + Math.floor(rnd() * 4)),
        status: STATUSES[Math.floor(rnd() * STATUSES.length)]!,
        startKey: rnd() < 0.1 ? '' : `2020-03-${day}`,
        tourId: null,
        tourLeg: null,
        from,
        to,
      };
    });
  }

  it('gives one route per (from, to, status) with the same totals as a naive count, busiest first', () => {
    const all = legs(5000);
    const { routes, hiddenRoutes, hiddenVisits, totalRoutes } = aggregateRoutes(all, 1000);
    const naive = new Map<string, RouteLeg[]>();
    for (const l of all) {
      const k = `${l.from.key}>${l.to.key}|${l.status}`;
      naive.set(k, [...(naive.get(k) ?? []), l]);
    }
    expect(totalRoutes).toBe(naive.size);
    expect(hiddenRoutes).toBe(0);
    expect(hiddenVisits).toBe(0);
    expect(routes.reduce((n, r) => n + r.count, 0)).toBe(all.length);
    for (const r of routes) {
      const group = naive.get(r.key)!;
      expect(r.count).toBe(group.length);
      expect(r.travellerIds).toEqual([...new Set(group.map((l) => l.travellerId))].sort());
      const latest = [...group].sort((a, b) =>
        a.startKey === b.startKey ? (a.visitId < b.visitId ? 1 : -1) : a.startKey < b.startKey ? 1 : -1,
      )[0]!;
      expect(r.latestVisitId).toBe(latest.visitId);
    }
    for (let i = 1; i < routes.length; i++) expect(routes[i - 1]!.count).toBeGreaterThanOrEqual(routes[i]!.count);
  });

  it('keeps the busiest `limit` routes and says how much it left out', () => {
    const all = legs(2000);
    const full = aggregateRoutes(all, 10_000);
    const capped = aggregateRoutes(all, 12);
    expect(capped.routes).toEqual(full.routes.slice(0, 12));
    expect(capped.hiddenRoutes).toBe(full.totalRoutes - 12);
    expect(capped.hiddenVisits).toBe(full.routes.slice(12).reduce((n, r) => n + r.count, 0));
    expect(aggregateRoutes([], 5)).toEqual({ routes: [], hiddenRoutes: 0, hiddenVisits: 0, totalRoutes: 0 });
  });
});
