import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  eventSchema,
  evidenceSchema,
  meetingSchema,
  noteSchema,
  personSchema,
  sourceSchema,
  visitSchema,
  type Evidence,
} from '../../../shared/model';
import { capitalOf } from '../../../shared/places';
import { SEED_ARTICLE_TEXT, SEED_IDS, SEED_VERSION, buildSeed, findSpan, seedRecordCount } from '../../../shared/seed';

const ARTICLE_SHA256 = '535fbb2d932bc96bfaa22c9294674251d7ffaccf145d54ee32ea87a2ceba7176';

const seed = buildSeed();
const article = seed.sources[0]!;
const visit = (id: string) => seed.visits.find((v) => v.id === id)!;
const evidenceFor = (recordId: string): Evidence[] => seed.evidence.filter((e) => e.recordId === recordId);

describe('the seed article', () => {
  it('is the known text, byte for byte (its SHA-256)', () => {
    expect(Buffer.byteLength(SEED_ARTICLE_TEXT, 'utf8')).toBe(2185);
    expect(createHash('sha256').update(SEED_ARTICLE_TEXT, 'utf8').digest('hex')).toBe(ARTICLE_SHA256);
    expect(SEED_ARTICLE_TEXT.startsWith(' date 2020-07-22 TEHRAN:')).toBe(true);
  });

  it('is the seeded source, kept whole', () => {
    expect(seed.sources).toHaveLength(1);
    expect(article).toMatchObject({ id: SEED_IDS.article, kind: 'article', publisher: null, url: null, publishedOn: '2020-07-22' });
    expect(article.text).toBe(SEED_ARTICLE_TEXT);
    expect(article.datelinePlace).toEqual(capitalOf('IR'));
  });
});

describe('buildSeed', () => {
  it('has a version', () => {
    expect(SEED_VERSION).toBe(1);
  });

  it('is deterministic', () => {
    expect(buildSeed()).toEqual(buildSeed());
    expect(buildSeed()).toEqual(seed);
  });

  it('produces records that pass their schemas', () => {
    for (const r of seed.sources) expect(sourceSchema.safeParse(r).error).toBeUndefined();
    for (const r of seed.people) expect(personSchema.safeParse(r).error).toBeUndefined();
    for (const r of seed.visits) expect(visitSchema.safeParse(r).error).toBeUndefined();
    for (const r of seed.meetings) expect(meetingSchema.safeParse(r).error).toBeUndefined();
    for (const r of seed.events) expect(eventSchema.safeParse(r).error).toBeUndefined();
    for (const r of seed.evidence) expect(evidenceSchema.safeParse(r).error).toBeUndefined();
    for (const r of seed.notes) expect(noteSchema.safeParse(r).error).toBeUndefined();
  });

  it('uses ids unique across all tables, status changes included, in the seed range', () => {
    const ids = [
      ...seed.sources,
      ...seed.people,
      ...seed.visits,
      ...seed.visits.flatMap((v) => v.statusHistory),
      ...seed.meetings,
      ...seed.events,
      ...seed.evidence,
      ...seed.notes,
    ].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^5eed0000-0000-4000-8000-[0-9a-f]{12}$/);
    expect(seedRecordCount(seed)).toBe(ids.length - seed.visits.flatMap((v) => v.statusHistory).length);
  });

  it('has fixed timestamps', () => {
    for (const r of [...seed.sources, ...seed.people, ...seed.visits, ...seed.meetings, ...seed.events, ...seed.evidence]) {
      expect(r.createdAt).toBe('2020-07-22T12:00:00.000Z');
      expect(r.updatedAt).toBe('2020-07-22T12:00:00.000Z');
      expect(r.deletedAt).toBeNull();
    }
  });

  it('refers only to records it contains', () => {
    const people = new Set(seed.people.map((p) => p.id));
    for (const v of seed.visits) {
      expect(people.has(v.travellerId)).toBe(true);
      for (const id of [...v.hostIds, ...v.delegationIds]) expect(people.has(id)).toBe(true);
      expect(v.sourceIds).toEqual([SEED_IDS.article]);
      for (const c of v.statusHistory) expect(c.sourceId).toBe(SEED_IDS.article);
    }
    for (const m of seed.meetings) {
      for (const id of m.participantIds) expect(people.has(id)).toBe(true);
      expect(seed.visits.some((v) => v.id === m.visitId)).toBe(true);
    }
    for (const e of seed.events) for (const id of e.personIds) expect(people.has(id)).toBe(true);
  });
});

describe('evidence', () => {
  it('quotes the article verbatim at its offsets', () => {
    for (const e of seed.evidence) {
      expect(e.sourceId).toBe(SEED_IDS.article);
      expect(article.text.slice(e.start, e.end)).toBe(e.quote);
    }
  });

  it('points only at seeded records', () => {
    const targets = new Map<string, string>([
      ...seed.people.map((r) => [r.id, 'person'] as const),
      ...seed.visits.map((r) => [r.id, 'visit'] as const),
      ...seed.visits.flatMap((v) => v.statusHistory).map((r) => [r.id, 'statusChange'] as const),
      ...seed.meetings.map((r) => [r.id, 'meeting'] as const),
      ...seed.events.map((r) => [r.id, 'event'] as const),
    ]);
    for (const e of seed.evidence) expect(targets.get(e.recordId), `${e.recordType} ${e.recordId}`).toBe(e.recordType);
  });

  it('supports every visit, person, meeting, event and status change', () => {
    const records = [...seed.people, ...seed.visits, ...seed.meetings, ...seed.events, ...seed.visits.flatMap((v) => v.statusHistory)];
    for (const r of records) expect(evidenceFor(r.id).length, r.id).toBeGreaterThan(0);
  });

  it('supports the key visit fields and every meeting quote', () => {
    const fields = (id: string) => new Set(evidenceFor(id).map((e) => e.field));
    for (const f of ['status', 'start', 'place', 'purpose', 'hostIds']) expect(fields(SEED_IDS.tehranVisit)).toContain(f);
    for (const f of ['status', 'place']) expect(fields(SEED_IDS.saudiVisit)).toContain(f);
    for (const f of ['status', 'start', 'place']) expect(fields(SEED_IDS.washingtonVisit)).toContain(f);
    expect(fields(SEED_IDS.saudiPostponed)).toContain('reason');
    const quoted = new Set(
      evidenceFor(SEED_IDS.tehranMeeting)
        .filter((e) => e.field === 'quotes')
        .map((e) => e.quote),
    );
    for (const q of seed.meetings[0]!.quotes) expect(quoted).toContain(q.text);
  });
});

describe('the visits', () => {
  it('are exactly three: completed, postponed, planned', () => {
    expect(seed.visits.map((v) => v.status)).toEqual(['completed', 'postponed', 'planned']);
    for (const v of seed.visits) expect(v.travellerId).toBe(SEED_IDS.kadhemi);
  });

  it('Tehran: completed on 2020-07-21, hosted by Khamenei', () => {
    const v = visit(SEED_IDS.tehranVisit);
    expect(v.place).toEqual(capitalOf('IR'));
    expect(v.place.lat).not.toBeNull();
    expect(v.start).toEqual({ precision: 'day', from: '2020-07-21', to: '2020-07-21' });
    expect(v.end).toEqual(v.start);
    expect(v.kind).toBe('official');
    expect(v.hostIds).toEqual([SEED_IDS.khamenei]);
    expect(v.tags).toContain('first-trip-abroad');
    expect(v.statusHistory).toHaveLength(1);
    expect(v.statusHistory[0]).toMatchObject({ status: 'completed', from: null, on: '2020-07-21' });
  });

  it('Saudi Arabia: planned, then postponed on 2020-07-20 because King Salman was hospitalised', () => {
    const v = visit(SEED_IDS.saudiVisit);
    expect(v.place).toEqual({ country: 'SA', city: null, lat: null, lon: null });
    expect(v.start).toBeNull();
    expect(v.startKey).toBe('');
    expect(v.statusHistory.map((c) => c.status)).toEqual(['planned', 'postponed']);
    const postponed = v.statusHistory[1]!;
    expect(postponed).toMatchObject({ id: SEED_IDS.saudiPostponed, from: 'planned', on: '2020-07-20', sourceId: SEED_IDS.article });
    expect(postponed.reason).toMatch(/King Salman was hospitali[sz]ed/);
  });

  it('Washington: planned within weeks, a window from 2020-07-22, not a made-up day', () => {
    const v = visit(SEED_IDS.washingtonVisit);
    expect(v.place).toEqual(capitalOf('US'));
    expect(v.start).toEqual({ precision: 'window', from: '2020-07-22', to: '2020-09-02', phrase: 'within weeks' });
    expect(v.startKey).toBe('2020-07-22');
    expect(v.statusHistory).toHaveLength(1);
    expect(v.statusHistory[0]).toMatchObject({ status: 'planned', from: null, on: '2020-07-22' });
  });
});

describe('people, meeting and events', () => {
  it('has the five people of the article', () => {
    const byId = new Map(seed.people.map((p) => [p.id, p]));
    const kadhemi = byId.get(SEED_IDS.kadhemi)!;
    expect(kadhemi.aliases).toEqual(expect.arrayContaining(['Kadhimi', 'al-Kadhimi', 'Al-Kadhimi', 'Kadhemi']));
    expect(kadhemi.roles).toContainEqual({ title: 'Prime Minister of Iraq', country: 'IQ', from: '2020-05', to: null });
    expect(kadhemi.roles.find((r) => /Intelligence/.test(r.title))).toMatchObject({ from: '2016', to: '2020-05' });
    expect(byId.get(SEED_IDS.khamenei)).toMatchObject({ name: 'Ali Khamenei', country: 'IR' });
    expect(byId.get(SEED_IDS.salman)?.aliases).toContain('King Salman');
    expect(byId.get(SEED_IDS.trump)?.roles[0]?.from).toBe('2017-01');
    expect(byId.get(SEED_IDS.soleimani)?.roles[0]?.to).toBe('2020-01');
    expect(seed.people).toHaveLength(5);
  });

  it('has the Tehran meeting with verbatim quotes', () => {
    expect(seed.meetings).toHaveLength(1);
    const m = seed.meetings[0]!;
    expect(m).toMatchObject({ visitId: SEED_IDS.tehranVisit, date: { precision: 'day', from: '2020-07-21', to: '2020-07-21' } });
    expect(m.participantIds).toEqual([SEED_IDS.kadhemi, SEED_IDS.khamenei]);
    expect(m.quotes.length).toBeGreaterThanOrEqual(4);
    for (const q of m.quotes) {
      expect(SEED_ARTICLE_TEXT).toContain(q.text);
      expect(q).toMatchObject({ personId: SEED_IDS.khamenei, sourceId: SEED_IDS.article });
    }
  });

  it('has the context events with honest precision', () => {
    const byId = new Map(seed.events.map((e) => [e.id, e]));
    expect(byId.get(SEED_IDS.soleimaniStrike)).toMatchObject({
      date: { precision: 'month', from: '2020-01-01', to: '2020-01-31' },
      place: capitalOf('IQ'),
    });
    expect(byId.get(SEED_IDS.parliamentVote)?.date.precision).toBe('month');
    expect(byId.get(SEED_IDS.ainAlAsadStrike)).toMatchObject({ date: { precision: 'month' }, place: { country: 'IQ', lat: null } });
    expect(byId.get(SEED_IDS.kadhemiTakesOffice)?.date).toEqual({ precision: 'month', from: '2020-05-01', to: '2020-05-31' });
    expect(byId.get(SEED_IDS.salmanHospitalised)?.date).toEqual({ precision: 'day', from: '2020-07-20', to: '2020-07-20' });
    expect(seed.notes).toEqual([]);
  });
});

describe('findSpan', () => {
  const text = 'a Kadhemi b Kadhemi c';
  it('finds a unique quote', () => {
    expect(findSpan(text, 'b Kad')).toEqual({ start: 10, end: 15, quote: 'b Kad' });
  });
  it('refuses missing, empty and ambiguous quotes', () => {
    expect(() => findSpan(text, 'Kadhimi')).toThrow(/not found/);
    expect(() => findSpan(text, '')).toThrow(/not found/);
    expect(() => findSpan(text, 'Kadhemi')).toThrow(/more than once/);
  });
  it('disambiguates with a unique context', () => {
    const s = findSpan(text, 'Kadhemi', 'b Kadhemi');
    expect(s).toEqual({ start: 12, end: 19, quote: 'Kadhemi' });
    expect(text.slice(s.start, s.end)).toBe('Kadhemi');
  });
});
