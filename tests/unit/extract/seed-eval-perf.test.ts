import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TARGETS, evaluate } from '../../../scripts/eval-extract';
import { extractArticle } from '../../../shared/extract';
import { SEED_ARTICLE_TEXT, SEED_REFERENCE_DAY, buildSeed } from '../../../shared/seed';

const ARTICLES = fileURLToPath(new URL('../../../../shared/articles', import.meta.url));

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

describe('the labelled articles', () => {
  it(`reach the targets (recall ${TARGETS.recall}, precision ${TARGETS.precision}, status ${TARGETS.status}, start ${TARGETS.start})`, () => {
    const r = evaluate(ARTICLES);
    expect(r.totals.required).toBeGreaterThan(30);
    expect(r.recall).toBeGreaterThanOrEqual(TARGETS.recall);
    expect(r.precision).toBeGreaterThanOrEqual(TARGETS.precision);
    expect(r.status).toBeGreaterThanOrEqual(TARGETS.status);
    expect(r.start).toBeGreaterThanOrEqual(TARGETS.start);
  }, 30_000);

  it('quote evidence that lies in the normalised text at its offsets', () => {
    const labels = JSON.parse(readFileSync(`${ARTICLES}/labels.json`, 'utf8')) as { articles: Array<{ file: string; date: string }> };
    for (const a of labels.articles) {
      const r = extractArticle(readFileSync(`${ARTICLES}/${a.file}`, 'utf8'), { publishedOn: a.date });
      for (const v of r.visits) expect(r.text.slice(v.evidence.start, v.evidence.end)).toBe(v.evidence.quote);
    }
  });
});

describe('performance', () => {
  it('extracts 200 KB of news text well within a second', () => {
    const labels = JSON.parse(readFileSync(`${ARTICLES}/labels.json`, 'utf8')) as { articles: Array<{ file: string }> };
    const all = labels.articles.map((a) => readFileSync(`${ARTICLES}/${a.file}`, 'utf8').replace(/^\s*date \S+/, '')).join('\n\n');
    let big = '';
    while (big.length < 200_000) big += `${all}\n\n`;
    extractArticle(all, { publishedOn: '2020-01-01' }); // warm up, as a long-lived worker would be
    const cpuBefore = process.cpuUsage();
    const r = extractArticle(big, { publishedOn: '2020-01-01' });
    const cpu = process.cpuUsage(cpuBefore);
    expect(r.visits.length).toBeGreaterThan(10);
    // CPU time of this thread, not wall time: other test files run beside it. The target is well
    // under a second on an idle machine (about 0.3 s measured); the bound leaves room for slow CI.
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(3000);
  }, 30_000);
});
