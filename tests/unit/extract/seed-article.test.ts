import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../shared/extract';
import { SEED_ARTICLE_TEXT, SEED_REFERENCE_DAY, buildSeed } from '../../../shared/seed';

describe('the seed article', () => {
  it('gives exactly the seeded visits: traveller, country, city, status and start agree', () => {
    const seed = buildSeed();
    const r = extractArticle(SEED_ARTICLE_TEXT);
    expect(r.referenceDate).toBe(SEED_REFERENCE_DAY);
    expect(r.datelinePlace).toEqual({ country: 'IR', city: 'Tehran' });
    const traveller = seed.people.find((p) => p.id === seed.visits[0]!.travellerId)!;
    const expected = seed.visits.map((v) => ({
      traveller: traveller.name,
      country: v.place.country,
      city: v.place.city,
      status: v.status,
      start: v.start,
    }));
    const got = r.visits.map((v) => ({
      traveller: v.traveller.name,
      country: v.country,
      city: v.city,
      status: v.status,
      // The seed keeps the window's words in the status change reason, not in the date.
      start: v.start
        ? { precision: v.start.precision, from: v.start.from, to: v.start.to, ...(v.start.phrase ? { phrase: v.start.phrase } : {}) }
        : null,
    }));
    expect(got).toEqual(expected);
    expect(r.visits.map((v) => v.traveller.country)).toEqual(['IQ', 'IQ', 'IQ']);
  });

  it('matches the seeded person through aliases', () => {
    const seed = buildSeed();
    const known = seed.people.map((p) => ({ id: p.id, name: p.name, aliases: p.aliases, country: p.country }));
    const r = extractArticle(SEED_ARTICLE_TEXT, { knownPeople: known });
    expect(new Set(r.visits.map((v) => v.traveller.knownPersonId))).toEqual(new Set([seed.visits[0]!.travellerId]));
  });
});
