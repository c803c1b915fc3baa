import type { FuzzyDate } from './fuzzy-date';

/** What two visits are compared by: who travelled, to which country, and when. */
export interface DuplicateKey {
  travellerId: string;
  place: { country: string };
  start: FuzzyDate | null;
  end: FuzzyDate | null;
}

/**
 * The days a visit may cover, as its fuzzy dates allow: from the first possible day of its start
 * to the last possible day of its end (of its start when it has no end). Null when it has no date.
 */
export function visitSpan(v: Pick<DuplicateKey, 'start' | 'end'>): { from: string; to: string } | null {
  if (!v.start) return null;
  const to = v.end && v.end.to > v.start.to ? v.end.to : v.start.to;
  return { from: v.start.from, to };
}

/**
 * How a visit without a date counts. `apart`: never a duplicate, since nothing says it is the same
 * trip (the visit form asks only about dates that overlap). `same`: the trip already recorded, so
 * that an article imported twice adds nothing (its undated "will visit" stays one visit).
 */
export type UndatedRule = 'apart' | 'same';

/**
 * Is `b` probably the same trip as `a`? Same traveller, same host country, and date ranges that
 * share at least one day (a visit in "July 2020" and one on 21 July 2020 do); an undated one as
 * `undated` says. A warning rule, not a merge rule: the user decides.
 */
export function isDuplicateVisit(a: DuplicateKey, b: DuplicateKey, undated: UndatedRule = 'apart'): boolean {
  if (a.travellerId !== b.travellerId || a.place.country !== b.place.country) return false;
  const sa = visitSpan(a);
  const sb = visitSpan(b);
  if (!sa || !sb) return undated === 'same';
  return sa.from <= sb.to && sb.from <= sa.to;
}

/** The visits among `existing` that `candidate` probably duplicates, in their order. */
export function duplicatesOf<V extends DuplicateKey>(candidate: DuplicateKey, existing: readonly V[], undated: UndatedRule = 'apart'): V[] {
  return existing.filter((v) => v !== candidate && isDuplicateVisit(candidate, v, undated));
}
