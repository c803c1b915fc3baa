import { describe, expect, it } from 'vitest';
import { buildBackup, parseBackup, serializeBackup } from '../../../shared/backup';
import { HSG_BUILD_PROGRESS_EVERY, HSG_IMPORT_TIMESTAMP, importHsg, type HsgInputFile, type HsgProgress } from '../../../shared/importers';
import { visitSchema } from '../../../shared/model';
import { readHsgFiles, tripRecord, tripsXml, visitRecord, visitsXml } from './hsg-data';

function backupOf(r: ReturnType<typeof importHsg>) {
  return parseBackup(
    serializeBackup(
      buildBackup(
        { people: r.people, sources: r.sources, visits: r.visits, meetings: [], events: [], evidence: [], notes: [] },
        { name: 'Legation', version: 'test' },
        '2026-01-01T00:00:00.000Z',
      ),
    ),
  );
}

const FILES: HsgInputFile[] = [
  {
    name: 'visits/1950.xml',
    text: visitsXml(
      [
        visitRecord({
          id: '2271',
          visitor: 'President Quirino',
          slug: 'philippines',
          text: 'Philippines',
          description: 'Official visit. Met with President Truman.',
        }),
        visitRecord({
          id: '2280',
          start: '1959-09-15',
          end: '1959-09-27',
          visitor: 'Premier Khrushchev',
          slug: 'russia',
          text: 'U.S.S.R.',
          description: 'State visit.',
        }),
        visitRecord({
          id: '2281',
          start: '1995-05-01',
          visitor: 'Amir Sheikh Sabah al-Ahmed al-Jaber al-Sabah',
          slug: 'kuwait',
          text: 'Kuwait',
          description: 'Working visit.',
        }),
        visitRecord({
          id: '2282',
          start: '2006-05-01',
          visitor: 'Amir Sabah Al-Ahmed Al-Jabir Al-Sabah',
          slug: 'kuwait',
          text: 'Kuwait',
          description: 'Private visit.',
        }),
        visitRecord({
          id: '2283',
          start: '2008-01-01',
          visitor: 'President Fatmir Sejdiu and Prime Minister Hashim Thaci',
          slug: 'kosovo',
          text: 'Kosovo',
        }),
        visitRecord({ id: '2284', start: '1960-01-01', visitor: 'King Zog', slug: 'atlantis', text: 'Atlantis' }),
        visitRecord({ id: '2285', start: '1960-02-30', visitor: 'King Nobody', slug: 'chile', text: 'Chile' }),
        visitRecord({ id: '2286', start: '1960-03', end: '1960-03', visitor: 'President Muscat', slug: 'oman', text: 'Muscat &amp; Oman' }),
      ].join('\n'),
    ),
  },
  {
    name: 'travels/president-travels/obama-barack.xml',
    text: tripsXml(
      [
        tripRecord({
          id: '2963',
          slug: 'germany',
          text: 'Germany',
          locale: 'Baden-Baden, Kehl',
          remarks: 'Attended a working dinner for NATO leaders.',
        }),
        tripRecord({
          id: '2961',
          slug: 'united-kingdom',
          text: 'United Kingdom',
          locale: 'London',
          start: '2009-03-31',
          end: '2009-04-03',
          remarks: 'Attended the G-20 Economic Summit Meeting.',
        }),
        tripRecord({ id: '2970', slug: 'atlantis', text: 'Atlantis', locale: 'Poseidonia' }),
      ].join('\n'),
    ),
  },
  {
    name: 'travels/secretary-travels/kerry-john-forbes.xml',
    text: tripsXml(
      tripRecord({
        id: '3326',
        role: 'secretary',
        who: 'kerry-john-forbes',
        name: 'John Forbes Kerry',
        slug: 'russia',
        text: 'Russia',
        locale: 'Moscow, Sochi',
        start: '2013-05-07',
        end: '2013-05-08',
        remarks: 'State visit.',
      }),
    ),
  },
];

describe('importHsg on a small fixture', () => {
  const r = importHsg(FILES);
  const byTag = (tag: string) => r.visits.filter((v) => v.tags.includes(tag));
  const person = (id: string) => r.people.find((p) => p.id === id);

  it('counts what it read, and the result is a valid backup', () => {
    expect(r.counts).toMatchObject({
      files: 3,
      records: 12,
      visitRecords: 8,
      tripRecords: 4,
      recordsSkipped: 2,
      multiLegRecords: 2,
      extraLegs: 2,
    });
    expect(r.visits).toHaveLength(12 - 2 + 2);
    expect(r.counts.visits).toBe(r.visits.length);
    const b = backupOf(r);
    expect(b.ok ? b.counts : b.errors).toMatchObject({ visits: 12, sources: 3 });
  });

  it('splits a multi-city locale into legs sharing a tourId, each with its own place', () => {
    const legs = byTag('hsg:trip:2963');
    expect(legs.map((v) => v.place.city)).toEqual(['Baden-Baden', 'Kehl']);
    expect(legs[0]?.tourId).toBeTruthy();
    expect(legs[0]?.tourId).toBe(legs[1]?.tourId);
    expect(new Set(legs.map((v) => v.id)).size).toBe(2);
    expect(byTag('hsg:trip:2961')[0]?.tourId).toBeNull();
    expect(byTag('hsg:trip:2961')[0]?.place).toMatchObject({ country: 'GB', city: 'London' });
  });

  it('a visit to the United States: completed, dated, sourced, kind from the remarks, record id as a tag', () => {
    const [v] = byTag('hsg:visit:2271');
    expect(v).toBeDefined();
    if (!v) return;
    expect(v.place).toEqual({ country: 'US', city: null, lat: null, lon: null });
    expect(v.kind).toBe('official');
    expect(v.purpose).toBe('Official visit. Met with President Truman.');
    expect(v.status).toBe('completed');
    expect(v.start).toEqual({ precision: 'day', from: '1950-02-01', to: '1950-02-01' });
    expect(v.statusHistory).toEqual([
      expect.objectContaining({ status: 'completed', from: null, on: '1950-02-01', reason: '', sourceId: v.sourceIds[0] }),
    ]);
    expect(v.createdAt).toBe(HSG_IMPORT_TIMESTAMP);
    expect(v.updatedAt).toBe(HSG_IMPORT_TIMESTAMP);
    expect(visitSchema.safeParse(v).success).toBe(true);
    const src = r.sources.find((s) => s.id === v.sourceIds[0]);
    expect(src).toMatchObject({
      kind: 'dataset',
      title: 'Office of the Historian — Visits by Foreign Leaders',
      publisher: 'Office of the Historian, U.S. Department of State',
    });
    expect(src?.url).toMatch(/^https:\/\/history\.state\.gov\//);
    expect(src?.text.length).toBeLessThan(1000);
  });

  it('kinds: state, working, private; multilateral from a summit; unknown otherwise', () => {
    expect(byTag('hsg:visit:2280')[0]?.kind).toBe('state');
    expect(byTag('hsg:visit:2281')[0]?.kind).toBe('working');
    expect(byTag('hsg:visit:2282')[0]?.kind).toBe('private');
    expect(byTag('hsg:trip:2961')[0]?.kind).toBe('multilateral');
    expect(byTag('hsg:visit:2283')[0]?.kind).toBe('unknown');
  });

  it('U.S.S.R. in the text is the Soviet Union (SU), for the visitor and a place of the record', () => {
    const [v] = byTag('hsg:visit:2280');
    const p = person(v?.travellerId ?? '');
    expect(p).toMatchObject({
      name: 'Khrushchev',
      country: 'SU',
      roles: [{ title: 'Premier', country: 'SU', from: '1959-09-15', to: '1959-09-27' }],
    });
  });

  it('strips titles into roles and merges spellings of one person, keeping every spelling', () => {
    const a = byTag('hsg:visit:2281')[0];
    const b = byTag('hsg:visit:2282')[0];
    expect(a?.travellerId).toBe(b?.travellerId);
    const p = person(a?.travellerId ?? '');
    expect([p?.name, ...(p?.aliases ?? [])].sort()).toEqual(['Sabah Al-Ahmed Al-Jabir Al-Sabah', 'Sabah al-Ahmed al-Jaber al-Sabah']);
    expect(p?.roles).toEqual([{ title: 'Amir', country: 'KW', from: '1995-05-01', to: '2006-05-01' }]);
  });

  it('several visitors: the first is the traveller, the others the delegation', () => {
    const [v] = byTag('hsg:visit:2283');
    expect(person(v?.travellerId ?? '')?.name).toBe('Fatmir Sejdiu');
    expect(v?.delegationIds.map((id) => person(id)?.name)).toEqual(['Hashim Thaci']);
    expect(v?.place.country).toBe('US');
  });

  it('presidents and secretaries: one person per traveller, with the office as a role', () => {
    const obama = r.people.filter((p) => p.name === 'Barack Obama');
    expect(obama).toHaveLength(1);
    expect(obama[0]?.roles).toEqual([{ title: 'President', country: 'US', from: '2009-03-31', to: '2009-04-04' }]);
    const kerry = r.people.find((p) => p.name === 'John Forbes Kerry');
    expect(kerry?.roles[0]?.title).toBe('Secretary of State');
    expect(byTag('hsg:trip:3326').map((v) => v.place)).toEqual([
      expect.objectContaining({ country: 'RU', city: 'Moscow' }),
      expect.objectContaining({ country: 'RU', city: 'Sochi' }),
    ]);
  });

  it('decodes entities and keeps month precision', () => {
    const [v] = byTag('hsg:visit:2286');
    expect(v?.start).toEqual({ precision: 'month', from: '1960-03-01', to: '1960-03-31' });
    expect(person(v?.travellerId ?? '')?.country).toBe('OM');
  });

  it('warns, naming file and record: unknown country (visit kept without the country, trip skipped), bad date', () => {
    expect(r.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/visits\/1950\.xml record 2285: no usable date \(start "1960-02-30", end "1960-02-30"\); skipped/),
        expect.stringMatching(
          /Unknown country "atlantis" \("Atlantis"\) in visits\/1950\.xml record 2284: imported without the visitor's country/,
        ),
        expect.stringMatching(
          /Unknown country "atlantis" \("Atlantis"\) in travels\/president-travels\/obama-barack\.xml record 2970: record skipped/,
        ),
      ]),
    );
    expect(person(byTag('hsg:visit:2284')[0]?.travellerId ?? '')?.country).toBeNull();
  });

  it('is deterministic: the same files in another order give the same records with the same ids', () => {
    const again = importHsg([...FILES].reverse());
    expect(again.visits).toEqual(r.visits);
    expect(again.people).toEqual(r.people);
    expect(again.sources).toEqual(r.sources);
  });

  it('importing a subset gives the same ids for the records it holds (a partial import, then the rest)', () => {
    const part = importHsg([FILES[1]!]);
    const whole = new Set(r.visits.map((v) => v.id));
    for (const v of part.visits) expect(whole.has(v.id)).toBe(true);
    const people = new Set(r.people.map((p) => p.id));
    for (const p of part.people) expect(people.has(p.id)).toBe(true);
  });

  it('a record id used twice is imported once, with a warning', () => {
    const dup = importHsg([FILES[0]!, { name: 'visits/copy.xml', text: FILES[0]!.text }]);
    expect(dup.visits.length).toBe(r.visits.filter((v) => v.tags[0]?.startsWith('hsg:visit:')).length);
    expect(dup.warnings.some((w) => /visits\/copy\.xml record 2271: the id 2271 is used twice/.test(w))).toBe(true);
  });
});

/** Record elements counted independently of the importer: a plain regex over the raw text. */
function countTag(files: HsgInputFile[], re: RegExp): number {
  return files.reduce((n, f) => n + (f.text.match(re)?.length ?? 0), 0);
}

describe('the full Office of the Historian data set', () => {
  const files = readHsgFiles();
  const began = performance.now();
  const r = importHsg(files);
  const ms = performance.now() - began;

  it('imports every record: counts match the XML', () => {
    const visitElements = countTag(files, /<visit>/g);
    const tripElements = countTag(files, /<trip\s/g);
    // The data set as shipped with this repository (2025 snapshot).
    expect(visitElements).toBe(3264);
    expect(tripElements).toBe(4271);
    expect(r.counts.visitRecords).toBe(visitElements);
    expect(r.counts.tripRecords).toBe(tripElements);
    expect(r.errors).toEqual([]);
    expect(r.counts.recordsSkipped).toBe(0);
    // Legs: one extra visit for each extra place a trip's locale names.
    const localeParts = files
      .flatMap((f) => [...f.text.matchAll(/<locale>([^<]*)<\/locale>/g)].map((m) => m[1] ?? ''))
      .filter((l) => l.includes(','))
      .map((l) => l.split(',').length - 1 - (/,\s*D\.F\./.test(l) ? 1 : 0));
    expect(r.counts.extraLegs).toBe(localeParts.reduce((a, b) => a + b, 0));
    expect(r.visits).toHaveLength(visitElements + tripElements - r.counts.recordsSkipped + r.counts.extraLegs);
    // Every record id appears as a tag exactly once per leg.
    const tags = new Set(r.visits.flatMap((v) => v.tags));
    expect(tags.size).toBe(visitElements + tripElements);
    expect(r.sources.map((s) => s.title)).toEqual([
      'Office of the Historian — Visits by Foreign Leaders',
      'Office of the Historian — Travels Abroad of the President',
      'Office of the Historian — Travels Abroad of the Secretary of State',
    ]);
  });

  it('maps every country: no unknown slugs, no guesses; the historical entities are there', () => {
    expect(r.warnings.filter((w) => /Unknown country|guessed/.test(w))).toEqual([]);
    const countries = new Set(r.visits.map((v) => v.place.country));
    for (const code of ['SU', 'YU', 'CS', 'DD', 'VD', 'XK', 'PS']) expect(countries).toContain(code);
  });

  it('produces a valid backup (every record passes the model’s schemas) and unique ids', () => {
    const b = backupOf(r);
    expect(b.ok ? b.counts : b.errors).toMatchObject({ visits: r.visits.length, people: r.people.length, sources: 3 });
  });

  it('reports how long the whole set took (speed is measured by `npm run bench`, not asserted here)', () => {
    console.info(
      `Office of the Historian import: ${r.counts.records} records → ${r.visits.length} visits, ${r.people.length} people in ${Math.round(ms)} ms`,
    );
    expect(ms).toBeGreaterThan(0);
  });

  it('re-import gives exactly the same ids, and reports progress while reading and while making visits', () => {
    const reports: HsgProgress[] = [];
    const again = importHsg(readHsgFiles(), { onProgress: (p) => reports.push(p) });
    // Reading: one report per file; building: one every HSG_BUILD_PROGRESS_EVERY records in each of its
    // two passes, so no stage of a large import goes quiet for long (7,535 records: 3 + 3 reports).
    const reading = reports.filter((p) => p.stage === 'reading');
    const building = reports.filter((p) => p.stage === 'building');
    expect(reading).toHaveLength(files.length);
    expect(reading.at(-1)).toEqual({ stage: 'reading', done: 7535, total: 7535 });
    expect(building).toHaveLength(2 * Math.floor(7535 / HSG_BUILD_PROGRESS_EVERY));
    expect(building.every((p, i) => p.total === 7535 && p.done <= 7535 && (i === 0 || p.done > building[i - 1]!.done))).toBe(true);
    expect(building[2]!.done).toBeLessThanOrEqual(7535 / 2);
    expect(building[3]!.done).toBeGreaterThan(7535 / 2);
    expect(reports.indexOf(building[0]!)).toBeGreaterThan(reports.indexOf(reading.at(-1)!));
    expect(again.visits.map((v) => v.id)).toEqual(r.visits.map((v) => v.id));
    expect(again.people.map((p) => p.id)).toEqual(r.people.map((p) => p.id));
  });

  it('presidents.xml dates the presidents’ terms (two for Trump)', () => {
    const trump = r.people.find((p) => p.name === 'Donald J. Trump');
    expect(trump?.roles).toEqual([
      { title: 'President', country: 'US', from: '2017-01-20', to: '2021-01-20' },
      { title: 'President', country: 'US', from: '2025-01-20', to: null },
    ]);
  });
});
