import { describe, expect, it } from 'vitest';
import { parseBackup, serializeBackup } from '../../../shared/backup';
import {
  datasetToHsgXml,
  generateBackup,
  generateBackupJson,
  generateDataset,
  GENERATED_STATUS_SHARES,
  HSG_PROFILE,
} from '../../../shared/generate';
import { importHsg } from '../../../shared/importers';
import { eventSchema, evidenceSchema, meetingSchema, noteSchema, personSchema, sourceSchema, visitSchema } from '../../../shared/model';

const N = 3000;
const data = generateDataset({ visits: N, seed: 7 });

function shares<T>(values: readonly T[]): Map<T, number> {
  const m = new Map<T, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  for (const [k, c] of m) m.set(k, c / values.length);
  return m;
}
function profileShares<T>(pairs: readonly [T, number][]): Map<T, number> {
  const total = pairs.reduce((s, [, c]) => s + c, 0);
  return new Map(pairs.map(([k, c]) => [k, c / total]));
}

describe('generateDataset', () => {
  it('is deterministic: the same options give the same records and ids; another seed differs', () => {
    const again = generateDataset({ visits: N, seed: 7 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(data));
    const other = generateDataset({ visits: N, seed: 8 });
    expect(other.visits[0]?.id).not.toBe(data.visits[0]?.id);
    expect(generateBackupJson({ visits: 50, seed: 3 })).toBe(generateBackupJson({ visits: 50, seed: 3 }));
  });

  it('makes exactly N visits with unique ids, people, sources, notes, meetings, events and evidence', () => {
    expect(data.visits).toHaveLength(N);
    const ids = Object.values(data).flatMap((rows: { id: string }[]) => rows.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(data.people.length).toBeGreaterThan(N / 10);
    expect(data.sources.length).toBeGreaterThan(N / 60);
    expect(data.notes.length).toBeGreaterThan(N / 30);
    expect(data.meetings.length).toBeGreaterThan(0);
    expect(data.events.length).toBeGreaterThan(0);
    expect(data.evidence.length).toBeGreaterThan(0);
    expect(generateDataset({ visits: 0 }).visits).toEqual([]);
  });

  it('every record is valid under the shared/model schemas', () => {
    const check = (schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, rows: unknown[]) => {
      for (const r of rows) {
        const res = schema.safeParse(r);
        if (!res.success) throw new Error(`${JSON.stringify(r).slice(0, 300)}: ${String(res.error)}`);
      }
    };
    check(visitSchema, data.visits);
    check(personSchema, data.people);
    check(sourceSchema, data.sources);
    check(noteSchema, data.notes);
    check(meetingSchema, data.meetings);
    check(eventSchema, data.events);
    check(evidenceSchema, data.evidence);
  });

  it('its backup restores: parseBackup accepts it whole (schemas and references)', () => {
    const backup = generateBackup({ visits: 500, seed: 2 });
    const parsed = parseBackup(serializeBackup(backup));
    expect(parsed.ok ? parsed.counts.visits : parsed.errors).toBe(500);
  });

  it('distributions roughly match the Office of the Historian profile', () => {
    // Host countries: the share of visits to the United States (foreign leaders' visits) and the top hosts abroad.
    const hosts = shares(data.visits.map((v) => v.place.country));
    const usShare = (HSG_PROFILE.datasets.visitsToUs ?? 0) / HSG_PROFILE.records.visits;
    expect(Math.abs((hosts.get('US') ?? 0) - usShare)).toBeLessThan(0.15);
    const abroad = data.visits.filter((v) => v.place.country !== 'US');
    const hostShares = shares(abroad.map((v) => v.place.country));
    const expected = profileShares(HSG_PROFILE.hostCountries.filter(([c]) => c !== 'US'));
    for (const [c] of HSG_PROFILE.hostCountries.slice(0, 5)) {
      expect(Math.abs((hostShares.get(c) ?? 0) - (expected.get(c) ?? 0))).toBeLessThan(0.03);
    }
    // Kinds.
    const kinds = shares<string>(data.visits.map((v) => v.kind));
    for (const [k, s] of profileShares(HSG_PROFILE.kinds)) expect(Math.abs((kinds.get(k) ?? 0) - s)).toBeLessThan(0.05);
    // Centuries of the completed visits.
    const completed = data.visits.filter((v) => v.status === 'completed');
    const century = (y: number) => Math.floor(y / 50) * 50;
    const got = shares(completed.map((v) => century(Number(v.startKey.slice(0, 4)))));
    const want = new Map<number, number>();
    const yTotal = HSG_PROFILE.years.reduce((s, [, c]) => s + c, 0);
    for (const [y, c] of HSG_PROFILE.years) want.set(century(y), (want.get(century(y)) ?? 0) + c / yTotal);
    for (const [c, s] of want) expect(Math.abs((got.get(c) ?? 0) - s)).toBeLessThan(0.08);
    // Statuses: mostly completed, as the data set, plus the fixed shares of the others.
    const statuses = shares(data.visits.map((v) => v.status));
    for (const [s, share] of Object.entries(GENERATED_STATUS_SHARES))
      expect(Math.abs((statuses.get(s as never) ?? 0) - share)).toBeLessThan(0.02);
    // Duration of day-precision visits: the median within a day of the profile's.
    const days = completed.map((v) => (Date.parse(v.end?.to ?? v.startKey) - Date.parse(v.startKey)) / 86_400_000).sort((a, b) => a - b);
    const pd: number[] = HSG_PROFILE.durationDays.flatMap(([d, c]) => Array<number>(c).fill(d));
    expect(Math.abs((days[days.length >> 1] ?? 0) - (pd[pd.length >> 1] ?? 0))).toBeLessThanOrEqual(1);
  });

  it('HSG-shaped XML of the visits imports back through the app’s importer', () => {
    const small = generateDataset({ visits: 400, seed: 5 });
    const files = datasetToHsgXml(small);
    const result = importHsg(files);
    expect(result.errors).toEqual([]);
    expect(result.counts.records).toBe(400);
    expect(result.counts.recordsSkipped).toBe(0);
  });
});
