import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBackup, TABLE_NAMES, type BackupTables } from '../../../shared/backup';
import {
  allowedTransitions,
  applyStatusChange,
  createVisit,
  dayDate,
  monthDate,
  windowDate,
  yearDate,
  addDays,
  type Clock,
  type FuzzyDate,
  type Person,
  type Source,
  type Visit,
  type Evidence,
  type Note,
} from '../../../shared/model';
import { db } from '../../../renderer/db/instance';
import { exportBackupText, restoreBackup } from '../../../renderer/db';

/**
 * Backup → restore → backup is lossless, on generated databases: any text (other scripts,
 * right-to-left, emoji), any valid status path, dates of every precision, evidence spans.
 * `npm test` runs 200 databases; `npm run test:deep` (LEGATION_PROPERTY_RUNS=10000) the nightly size.
 */
const RUNS = Number(process.env.LEGATION_PROPERTY_RUNS ?? 200);
const COUNTRIES = ['IQ', 'IR', 'SA', 'US', 'FR', 'CN', 'JP', 'BR', 'ZA', 'IL', 'EG', 'IN'];

const text = (max: number) =>
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: max })
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
/** A person's name or alias: any script, but at least one letter that shows (the model refuses names without one). */
const name = (max: number) => text(max).filter((s) => /\p{L}/u.test(s));

const isoDay = fc
  .date({ min: new Date(Date.UTC(1870, 0, 1)), max: new Date(Date.UTC(2035, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const fuzzy: fc.Arbitrary<FuzzyDate> = fc.oneof(
  isoDay.map(dayDate),
  isoDay.map((d) => monthDate(Number(d.slice(0, 4)), Number(d.slice(5, 7)))),
  isoDay.map((d) => yearDate(Number(d.slice(0, 4)))),
  fc
    .tuple(isoDay, fc.integer({ min: 0, max: 90 }), fc.option(text(20), { nil: undefined }))
    .map(([d, n, phrase]) => windowDate(d, addDays(d, n), phrase)),
);

function counterClock(prefix: string): Clock {
  let n = 0;
  return {
    newId: () => `${prefix}-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`,
    now: () => '2026-01-01T00:00:00.000Z',
  };
}

const database: fc.Arbitrary<BackupTables> = fc
  .record({
    people: fc.array(fc.record({ name: name(40), aliases: fc.array(name(20), { maxLength: 3 }) }), { minLength: 1, maxLength: 6 }),
    sources: fc.array(fc.record({ title: text(60), body: fc.string({ unit: 'grapheme', minLength: 5, maxLength: 400 }) }), {
      maxLength: 3,
    }),
    visits: fc.array(
      fc.record({
        traveller: fc.nat(),
        country: fc.constantFrom(...COUNTRIES),
        city: fc.option(text(20), { nil: null }),
        start: fc.option(fuzzy, { nil: null }),
        purpose: fc.string({ maxLength: 80 }),
        path: fc.array(fc.nat(), { maxLength: 4 }),
        reason: text(40),
      }),
      { maxLength: 8 },
    ),
    notes: fc.array(fc.string({ unit: 'grapheme', maxLength: 200 }), { maxLength: 3 }),
    spans: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 5 }),
  })
  .map((g) => {
    const clock = counterClock('aaaaaaaa');
    const now = clock.now();
    const base = () => ({ id: clock.newId(), createdAt: now, updatedAt: now, deletedAt: null });
    const people: Person[] = g.people.map((p) => ({ ...base(), name: p.name, aliases: p.aliases, roles: [], country: null, note: '' }));
    const sources: Source[] = g.sources.map((s) => ({
      ...base(),
      kind: 'article',
      title: s.title,
      publisher: null,
      url: null,
      datelinePlace: null,
      publishedOn: null,
      text: s.body,
    }));
    const visits: Visit[] = g.visits.map((v) => {
      let visit = createVisit(
        {
          travellerId: people[v.traveller % people.length]!.id,
          place: { country: v.country, city: v.city, lat: null, lon: null },
          kind: 'official',
          purpose: v.purpose,
          start: v.start,
          end: null,
          tags: [],
          hostIds: [],
          status: 'planned',
        },
        clock,
        '2020-01-01',
      );
      for (const step of v.path) {
        const options = allowedTransitions(visit.status);
        if (options.length === 0) break;
        const r = applyStatusChange(
          visit,
          { to: options[step % options.length]!, on: '2020-02-01', reason: v.reason, sourceId: sources[0]?.id ?? null },
          clock,
        );
        if (r.ok) visit = r.value;
      }
      return { ...visit, sourceIds: sources.slice(0, 1).map((s) => s.id) };
    });
    const evidence: Evidence[] = [];
    if (sources.length && visits.length) {
      for (const [si, a, b] of g.spans) {
        const s = sources[si % sources.length]!;
        const start = a % s.text.length;
        const end = start + 1 + (b % (s.text.length - start));
        evidence.push({
          ...base(),
          recordType: 'visit',
          recordId: visits[a % visits.length]!.id,
          field: 'status',
          sourceId: s.id,
          start,
          end,
          quote: s.text.slice(start, end),
        });
      }
    }
    const notes: Note[] = g.notes.map((body, i) => {
      const target = visits[i] ? { type: 'visit' as const, id: visits[i].id } : null;
      return { ...base(), body, target, targetKey: target ? `visit:${target.id}` : '' };
    });
    return { people, sources, visits, meetings: [], events: [], evidence, notes };
  });

const tablesOf = (text: string) => (JSON.parse(text) as { tables: unknown }).tables;

describe('backup round trip (property)', () => {
  it(`backup → restore → backup is identical (${RUNS} generated databases)`, async () => {
    await fc.assert(
      fc.asyncProperty(database, async (tables) => {
        await db.transaction('rw', db.recordTables, async () => {
          for (const name of TABLE_NAMES) {
            await db.table(name).clear();
            await db.table(name).bulkAdd(tables[name]);
          }
        });
        const first = await exportBackupText('test');
        const parsed = parseBackup(first.text);
        if (!parsed.ok) throw new Error(`a valid database was refused:\n${parsed.errors.join('\n')}`);
        await restoreBackup(parsed);
        const second = await exportBackupText('test');
        expect(tablesOf(second.text)).toEqual(tablesOf(first.text));
        expect(tablesOf(first.text)).toEqual(JSON.parse(JSON.stringify(tables)));
      }),
      { numRuns: RUNS, seed: Number(process.env.LEGATION_PROPERTY_SEED ?? 20200722) },
    );
  }, 600_000);
});
