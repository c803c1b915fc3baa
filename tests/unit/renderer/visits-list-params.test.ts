import { describe, expect, it } from 'vitest';
import { dayDate, type Person, type Visit } from '../../../shared/model';
import {
  DEFAULT_SORT,
  hasFilters,
  listToParams,
  matchesFind,
  paramsToList,
  sortFromValue,
  sortRows,
  type FindableVisit,
} from '../../../renderer/features/visits/list-params';

const PERSON_ID = '5eed0000-0000-4000-8000-000000000011';

function visit(over: Partial<Visit> & { id: string }): Visit {
  return {
    createdAt: '2020-07-22T12:00:00.000Z',
    updatedAt: '2020-07-22T12:00:00.000Z',
    deletedAt: null,
    travellerId: PERSON_ID,
    delegationIds: [],
    hostIds: [],
    place: { country: 'IR', city: 'Tehran', lat: null, lon: null },
    kind: 'official',
    purpose: '',
    start: null,
    end: null,
    status: 'planned',
    statusHistory: [],
    tourId: null,
    tags: [],
    sourceIds: [],
    startKey: '',
    ...over,
  };
}

const kadhemi: Person = {
  id: PERSON_ID,
  createdAt: '2020-07-22T12:00:00.000Z',
  updatedAt: '2020-07-22T12:00:00.000Z',
  deletedAt: null,
  name: 'Mustafa al-Kadhemi',
  aliases: ['Kadhimi', 'al-Kadhimi'],
  roles: [],
  country: 'IQ',
  note: '',
};

describe('URL parameters <-> list filter', () => {
  it('round-trips every filter, the sort and the find text', () => {
    const p = {
      filter: { status: 'postponed' as const, country: 'SA', travellerId: PERSON_ID, from: '2020-07-01', to: '2020-07-31' },
      sort: { field: 'country' as const, dir: 'asc' as const },
      q: 'kadhimi',
    };
    const sp = listToParams(p);
    expect(sp.toString()).toBe(
      `status=postponed&country=SA&traveller=${PERSON_ID}&from=2020-07-01&to=2020-07-31&sort=country-asc&q=kadhimi`,
    );
    expect(paramsToList(new URLSearchParams(sp.toString()))).toEqual(p);
  });

  it('leaves defaults out of the URL', () => {
    expect(listToParams({ filter: {}, sort: DEFAULT_SORT, q: '  ' }).toString()).toBe('');
    expect(paramsToList(new URLSearchParams(''))).toEqual({ filter: {}, sort: DEFAULT_SORT, q: '' });
  });

  it('ignores malformed values from hand-edited links instead of failing', () => {
    const p = paramsToList(new URLSearchParams('status=lost&country=iran&traveller=bob&from=2020-02-30&to=yesterday&sort=name-up'));
    expect(p.filter).toEqual({});
    expect(p.sort).toEqual(DEFAULT_SORT);
    expect(sortFromValue('status-desc')).toEqual({ field: 'status', dir: 'desc' });
  });

  it('knows when any filter is active', () => {
    expect(hasFilters({ filter: {}, sort: DEFAULT_SORT, q: '' })).toBe(false);
    expect(hasFilters({ filter: { country: 'US' }, sort: DEFAULT_SORT, q: '' })).toBe(true);
    expect(hasFilters({ filter: {}, sort: DEFAULT_SORT, q: 'x' })).toBe(true);
  });
});

describe('find text', () => {
  const row: FindableVisit = {
    visit: visit({ id: 'a', purpose: 'Talks on oil', tags: ['first-trip'] }),
    traveller: kadhemi,
    countryName: 'Iran',
  };

  it('matches names, aliases, country, city, purpose and tags; every word must match', () => {
    expect(matchesFind(row, '')).toBe(true);
    expect(matchesFind(row, 'kadhimi')).toBe(true);
    expect(matchesFind(row, 'AL-KADHEMI iran')).toBe(true);
    expect(matchesFind(row, 'tehran oil')).toBe(true);
    expect(matchesFind(row, 'first-trip')).toBe(true);
    expect(matchesFind(row, 'kadhimi paris')).toBe(false);
  });
});

describe('row order', () => {
  const rows: FindableVisit[] = [
    {
      visit: visit({
        id: '1',
        status: 'completed',
        startKey: '2020-07-21',
        start: dayDate('2020-07-21'),
        place: { country: 'IR', city: null, lat: null, lon: null },
      }),
      traveller: kadhemi,
      countryName: 'Iran',
    },
    {
      visit: visit({ id: '2', status: 'postponed', startKey: '', place: { country: 'SA', city: null, lat: null, lon: null } }),
      traveller: kadhemi,
      countryName: 'Saudi Arabia',
    },
    {
      visit: visit({
        id: '3',
        status: 'planned',
        startKey: '2020-07-22',
        start: dayDate('2020-07-22'),
        place: { country: 'US', city: null, lat: null, lon: null },
      }),
      traveller: kadhemi,
      countryName: 'United States',
    },
    {
      visit: visit({
        id: '4',
        status: 'planned',
        startKey: '2020-09-01',
        start: dayDate('2020-09-01'),
        place: { country: 'DE', city: null, lat: null, lon: null },
      }),
      traveller: kadhemi,
      countryName: 'Germany',
    },
  ];
  const ids = (r: FindableVisit[]) => r.map((x) => x.visit.id).join('');

  it('sorts by start date both ways', () => {
    expect(ids(sortRows(rows, { field: 'start', dir: 'desc' }))).toBe('4312');
    expect(ids(sortRows(rows, { field: 'start', dir: 'asc' }))).toBe('2134');
  });

  it('sorts host countries by name, not by code', () => {
    expect(ids(sortRows(rows, { field: 'country', dir: 'asc' }))).toBe('4123');
  });

  it('sorts statuses in the order a trip lives through them, newest first within one', () => {
    expect(ids(sortRows(rows, { field: 'status', dir: 'asc' }))).toBe('4321');
  });
});
