import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { dayDate, evidenceSchema, monthDate, personSchema, sourceSchema, visitSchema, windowDate } from '../../../shared/model';
import { SEED_ARTICLE_TEXT, SEED_IDS } from '../../../shared/seed';
import { db } from '../../../renderer/db/instance';
import { ensureSeeded } from '../../../renderer/db/seed';
import {
  canonicalArticleText,
  clearUndo,
  DuplicateSourceError,
  findDuplicateArticle,
  getVisitDetail,
  previewArticleImport,
  saveArticleImport,
  undoLast,
  ValidationError,
  type ArticleImportRequest,
  type ImportVisitProposal,
} from '../../../renderer/db';

const TEXT = [
  'Obama cancels visit to Philippines',
  'US President Barack Obama has canceled his trip to the Philippines next week, the DFA said Wednesday.',
  'The White House says Obama will still travel to Indonesia and Brunei.',
  'Iraqi Prime Minister Mustafa al-Kadhemi will visit Paris in September.',
].join('\n');

function span(quote: string): { start: number; end: number; quote: string } {
  const start = TEXT.indexOf(quote);
  if (start < 0) throw new Error(`not in TEXT: ${quote}`);
  return { start, end: start + quote.length, quote };
}

const CANCEL = 'US President Barack Obama has canceled his trip to the Philippines next week, the DFA said Wednesday.';
const STILL = 'The White House says Obama will still travel to Indonesia and Brunei.';
const KADHEMI = 'Iraqi Prime Minister Mustafa al-Kadhemi will visit Paris in September.';

const obama = {
  name: 'Barack Obama',
  title: 'President of the United States',
  country: 'US',
  mentions: ['Obama', 'US President Barack Obama'],
  knownPersonId: null,
};

function proposals(): ImportVisitProposal[] {
  return [
    {
      traveller: obama,
      country: 'PH',
      city: 'Manila',
      status: 'cancelled',
      start: windowDate('2013-10-07', '2013-10-13', 'next week'),
      end: null,
      evidence: span(CANCEL),
    },
    { traveller: obama, country: 'ID', city: null, status: 'planned', start: monthDate(2013, 10), end: null, evidence: span(STILL) },
    { traveller: obama, country: 'BN', city: null, status: 'planned', start: monthDate(2013, 10), end: null, evidence: span(STILL) },
  ];
}

function request(overrides: Partial<ArticleImportRequest> = {}): ArticleImportRequest {
  return {
    text: TEXT,
    source: {
      title: 'Obama cancels visit to Philippines',
      publisher: 'Philstar',
      url: 'https://example.org/a',
      publishedOn: '2013-10-02',
      datelinePlace: { country: 'PH', city: 'Manila', lat: null, lon: null },
    },
    proposals: proposals(),
    ...overrides,
  };
}

beforeEach(async () => {
  db.close();
  await db.delete();
  await db.open();
  clearUndo();
  await ensureSeeded(db);
});

describe('saveArticleImport', () => {
  it('creates the source, one person per traveller, the visits and their evidence, all valid', async () => {
    const before = {
      sources: await db.sources.count(),
      people: await db.people.count(),
      visits: await db.visits.count(),
      evidence: await db.evidence.count(),
    };
    const r = await saveArticleImport(request());
    expect(r.visits).toHaveLength(3);
    expect(r.createdPeople).toHaveLength(1);
    expect(r.skipped).toEqual([]);
    expect(await db.sources.count()).toBe(before.sources + 1);
    expect(await db.people.count()).toBe(before.people + 1);
    expect(await db.visits.count()).toBe(before.visits + 3);
    // status + place (+ start) per visit, and the status change of the cancelled one.
    expect(await db.evidence.count()).toBe(before.evidence + 3 * 3 + 1);

    const source = sourceSchema.parse(await db.sources.get(r.source.id));
    expect(source).toMatchObject({ kind: 'article', text: TEXT, publishedOn: '2013-10-02', publisher: 'Philstar' });
    const person = personSchema.parse(await db.people.get(r.createdPeople[0]!.id));
    expect(person.name).toBe('Barack Obama');
    expect(person.aliases).toEqual(['Obama', 'US President Barack Obama']);
    expect(person.roles).toEqual([{ title: 'President of the United States', country: 'US', from: null, to: null }]);

    for (const v of r.visits) {
      const stored = visitSchema.parse(await db.visits.get(v.id));
      expect(stored.travellerId).toBe(person.id);
      expect(stored.sourceIds).toEqual([source.id]);
      expect(stored.statusHistory.every((c) => c.sourceId === source.id && c.on === '2013-10-02')).toBe(true);
    }
    const cancelled = r.visits.find((v) => v.place.country === 'PH')!;
    expect(cancelled.place.city).toBe('Manila');
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.statusHistory.map((c) => c.status)).toEqual(['planned', 'cancelled']);
    expect(cancelled.statusHistory[1]!.reason).toBe(CANCEL);
    expect(cancelled.start).toEqual(windowDate('2013-10-07', '2013-10-13', 'next week'));
    const planned = r.visits.find((v) => v.place.country === 'ID')!;
    expect(planned.statusHistory.map((c) => c.status)).toEqual(['planned']);
  });

  it('evidence offsets point at the quoted words of the saved text', async () => {
    const r = await saveArticleImport(request());
    const rows = await db.evidence.where('sourceId').equals(r.source.id).toArray();
    expect(rows.length).toBeGreaterThan(0);
    for (const e of rows) {
      evidenceSchema.parse(e);
      expect(TEXT.slice(e.start, e.end)).toBe(e.quote);
    }
    const fields = rows
      .filter((e) => e.recordId === r.visits[0]!.id)
      .map((e) => e.field)
      .sort();
    expect(fields).toEqual(['place', 'start', 'status']);
    const detail = await getVisitDetail(r.visits[0]!.id);
    expect(detail?.evidence.some((e) => e.recordType === 'statusChange' && e.quote === CANCEL)).toBe(true);
  });

  it('finds a quote again when its offsets drifted, and refuses one that is not in the text', async () => {
    const drifted = { ...span(STILL), start: 3, end: 3 + STILL.length };
    const r = await saveArticleImport(request({ proposals: [{ ...proposals()[1]!, evidence: drifted }] }));
    const e = (await db.evidence.where('sourceId').equals(r.source.id).toArray())[0]!;
    expect(TEXT.slice(e.start, e.end)).toBe(STILL);
    await expect(
      saveArticleImport(
        request({ text: `${TEXT}\nmore`, proposals: [{ ...proposals()[1]!, evidence: { start: 0, end: 5, quote: 'absent words' } }] }),
      ),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('links an existing person by the extractor’s match, or by an exact alias, instead of creating one', async () => {
    const kadhemi = {
      traveller: { name: 'Kadhemi', title: 'Prime Minister of Iraq', country: 'IQ', mentions: [], knownPersonId: null },
      country: 'FR',
      city: 'Paris',
      status: 'planned' as const,
      start: monthDate(2020, 9),
      end: null,
      evidence: span(KADHEMI),
    };
    const seeded = await db.people.get(SEED_IDS.kadhemi);
    expect(seeded?.aliases.map((a) => a.toLowerCase())).toContain('kadhemi');
    const peopleBefore = await db.people.count();
    const r = await saveArticleImport(request({ proposals: [kadhemi] }));
    expect(r.createdPeople).toEqual([]);
    expect(r.linkedPeople.map((p) => p.id)).toEqual([SEED_IDS.kadhemi]);
    expect(r.visits[0]!.travellerId).toBe(SEED_IDS.kadhemi);
    expect(await db.people.count()).toBe(peopleBefore);

    const byMatch = await saveArticleImport(
      request({
        text: `${TEXT}\nagain`,
        proposals: [
          {
            ...kadhemi,
            start: monthDate(2020, 10),
            traveller: { ...kadhemi.traveller, name: 'M. al-K.', knownPersonId: SEED_IDS.kadhemi },
          },
        ],
      }),
    );
    expect(byMatch.visits[0]!.travellerId).toBe(SEED_IDS.kadhemi);
  });

  it('undo removes everything the import created, and only that', async () => {
    const before = await db.visits.filter((v) => !v.deletedAt).count();
    const r = await saveArticleImport(request());
    expect(await undoLast()).toBe('Import article');
    expect((await db.sources.get(r.source.id))?.deletedAt).not.toBeNull();
    for (const p of r.createdPeople) expect((await db.people.get(p.id))?.deletedAt).not.toBeNull();
    for (const v of r.visits) expect((await db.visits.get(v.id))?.deletedAt).not.toBeNull();
    for (const e of r.evidence) expect((await db.evidence.get(e.id))?.deletedAt).not.toBeNull();
    expect(await db.visits.filter((v) => !v.deletedAt).count()).toBe(before);
    expect((await db.people.get(SEED_IDS.kadhemi))?.deletedAt).toBeNull();
    // Undone: the same article is no longer a duplicate.
    expect(await findDuplicateArticle(TEXT)).toBeNull();
  });

  it('writes nothing when one record is invalid (one transaction)', async () => {
    const counts = async () => [await db.sources.count(), await db.people.count(), await db.visits.count(), await db.evidence.count()];
    const before = await counts();
    const bad = { ...proposals()[1]!, start: dayDate('2013-10-10'), end: dayDate('2013-10-01') };
    await expect(saveArticleImport(request({ proposals: [proposals()[0]!, bad] }))).rejects.toBeInstanceOf(ValidationError);
    expect(await counts()).toEqual(before);
  });
});

describe('duplicates', () => {
  it('detects the seeded article, whatever its quotes and spacing', async () => {
    expect((await findDuplicateArticle(SEED_ARTICLE_TEXT))?.id).toBe(SEED_IDS.article);
    const retyped = SEED_ARTICLE_TEXT.replace(/´/g, "'").replace(/[“”]/g, '"').replace(/ +/g, '  ').trim();
    expect((await findDuplicateArticle(retyped))?.id).toBe(SEED_IDS.article);
    expect((await findDuplicateArticle('normalised text', [SEED_ARTICLE_TEXT]))?.id).toBe(SEED_IDS.article);
    expect(await findDuplicateArticle(SEED_ARTICLE_TEXT.slice(0, 1500))).toBeNull();
    expect(canonicalArticleText(' A\u2019b  “c” ')).toBe('a\'b "c"');
  });

  it('refuses to save the same article twice unless asked, and never duplicates a visit', async () => {
    const first = await saveArticleImport(request());
    await expect(saveArticleImport(request())).rejects.toBeInstanceOf(DuplicateSourceError);
    const preview = await previewArticleImport(TEXT, proposals());
    expect(preview.duplicate?.id).toBe(first.source.id);
    expect(preview.rows.map((r) => r.existingVisitId)).toEqual(first.visits.map((v) => v.id));
    expect(preview.rows.every((r) => r.person?.id === first.createdPeople[0]!.id)).toBe(true);

    const visitsBefore = await db.visits.count();
    const again = await saveArticleImport(request(), { allowDuplicateSource: true });
    expect(again.visits).toEqual([]);
    expect(again.createdPeople).toEqual([]);
    expect(again.skipped.map((s) => s.existingVisitId)).toEqual(first.visits.map((v) => v.id));
    expect(await db.visits.count()).toBe(visitsBefore);
  });

  it('a proposal whose dates could be the recorded trip is not duplicated; a different month is', async () => {
    const kadhemi = { name: 'Mustafa al-Kadhemi', title: null, country: 'IQ', mentions: [], knownPersonId: SEED_IDS.kadhemi };
    const tehran = { traveller: kadhemi, country: 'IR', city: 'Tehran', status: 'completed' as const, end: null, evidence: span(KADHEMI) };
    const preview = await previewArticleImport(`${TEXT} (new)`, [
      { ...tehran, start: null },
      { ...tehran, start: monthDate(2020, 7) },
      { ...tehran, start: monthDate(2021, 3) },
    ]);
    expect(preview.rows.map((r) => r.existingVisitId)).toEqual([SEED_IDS.tehranVisit, SEED_IDS.tehranVisit, null]);
  });

  it('previews a new article: no duplicate, new traveller, matched people named', async () => {
    const preview = await previewArticleImport(`${TEXT} (new)`, [
      ...proposals(),
      {
        traveller: { name: 'Mustafa al-Kadhemi', title: null, country: 'IQ', mentions: [], knownPersonId: null },
        country: 'FR',
        start: null,
      },
    ]);
    expect(preview.duplicate).toBeNull();
    expect(preview.rows.slice(0, 3).every((r) => r.person === null && r.existingVisitId === null)).toBe(true);
    expect(preview.rows[3]?.person?.id).toBe(SEED_IDS.kadhemi);
  });
});
