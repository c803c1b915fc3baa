import { describe, expect, it } from 'vitest';
import {
  dayDate,
  hasVisitFilter,
  visitFilterFromParams,
  visitFilterKey,
  visitFilterToParams,
  visitMatches,
  type Visit,
  type VisitFilter,
} from '../../../shared/model';
import { selectionFromParams, selectionToParams, selectVisits } from '../../../shared/reports';

const PERSON = '5eed0000-0000-4000-8000-000000000011';

function visit(over: Partial<Visit> & { id: string }): Visit {
  return {
    createdAt: '2020-07-22T12:00:00.000Z',
    updatedAt: '2020-07-22T12:00:00.000Z',
    deletedAt: null,
    travellerId: PERSON,
    delegationIds: [],
    hostIds: [],
    place: { country: 'US', city: 'Washington', lat: null, lon: null },
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

describe('the visit filter URL codec (one for the Visits list, Reports and every filtered screen)', () => {
  it('round-trips every criterion, overdue included, in a fixed order', () => {
    const f: VisitFilter = { status: 'planned', country: 'US', travellerId: PERSON, from: '2020-07-01', to: '2020-08-31', overdue: true };
    const sp = visitFilterToParams(f);
    expect(sp.toString()).toBe(`status=planned&country=US&traveller=${PERSON}&from=2020-07-01&to=2020-08-31&overdue=1`);
    expect(visitFilterFromParams(new URLSearchParams(sp.toString()))).toEqual(f);
    // The Reports screen reads and writes the same parameters.
    expect(selectionFromParams(sp)).toEqual(f);
    expect(selectionToParams(f).toString()).toBe(sp.toString());
  });

  it('keeps other parameters and drops what is malformed', () => {
    const sp = visitFilterToParams({ overdue: true }, new URLSearchParams('sort=start-asc&q=kadhimi&status=planned'));
    expect(sp.toString()).toBe('sort=start-asc&q=kadhimi&overdue=1');
    expect(visitFilterFromParams(new URLSearchParams('overdue=yes&status=late&from=2020-02-30'))).toEqual({});
  });

  it('knows when it restricts anything, and keys equal filters equally', () => {
    expect(hasVisitFilter({})).toBe(false);
    expect(hasVisitFilter({ overdue: true })).toBe(true);
    expect(visitFilterKey({ overdue: true, status: 'planned' })).toBe(visitFilterKey({ status: 'planned', overdue: true }));
    expect(visitFilterKey({ overdue: true })).not.toBe(visitFilterKey({}));
  });
});

describe('the matcher: overdue is the isOverdue rule as of a day', () => {
  const past = visit({ id: 'past', start: dayDate('2020-07-22'), startKey: '2020-07-22' });
  const window = visit({
    id: 'window',
    start: { precision: 'window', from: '2020-07-22', to: '2020-09-02' },
    startKey: '2020-07-22',
  });
  const postponed = visit({ id: 'postponed', status: 'postponed', start: dayDate('2021-01-10'), startKey: '2021-01-10' });
  const done = visit({ id: 'done', status: 'completed', start: dayDate('2020-07-21'), startKey: '2020-07-21' });
  const undated = visit({ id: 'undated' });
  const all = [past, window, postponed, done, undated];

  it('picks the planned and postponed visits whose last possible day is before the day', () => {
    const ids = (asOf: string, f: VisitFilter = { overdue: true }) =>
      all
        .filter((v) => visitMatches(v, f, asOf))
        .map((v) => v.id)
        .join(' ');
    expect(ids('2020-08-01')).toBe('past');
    expect(ids('2020-09-03')).toBe('past window');
    expect(ids('2026-12-07')).toBe('past window postponed');
    expect(ids('2026-12-07', { overdue: true, status: 'postponed' })).toBe('postponed');
    expect(ids('2026-12-07', { overdue: true, status: 'completed' })).toBe('');
    expect(selectVisits(all, { overdue: true, country: 'US' }, '2020-09-03').map((v) => v.id)).toEqual(['past', 'window']);
  });
});
