import { describe, expect, it } from 'vitest';
import { BACKUP_FORMAT_VERSION, buildBackup, parseBackup, serializeBackup, type BackupTables } from '../../../shared/backup';
import { buildSeed } from '../../../shared/seed';

function seedTables(): BackupTables {
  const s = buildSeed();
  return {
    people: s.people,
    sources: s.sources,
    visits: s.visits,
    meetings: s.meetings,
    events: s.events,
    evidence: s.evidence,
    notes: s.notes,
  };
}

const good = () => serializeBackup(buildBackup(seedTables(), { name: 'Legation', version: '0.1.0' }, '2026-01-01T00:00:00.000Z'));

function errorsOf(text: string): string[] {
  const r = parseBackup(text);
  if (r.ok) throw new Error('expected the backup to be refused');
  return r.errors;
}

describe('parseBackup', () => {
  it('accepts a good backup and counts its records', () => {
    const r = parseBackup(good());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.counts.visits).toBe(3);
  });

  it('says when the file is not JSON, or truncated', () => {
    expect(errorsOf('{"format": "legation-backup", "tab')[0]).toMatch(/not valid JSON/);
    expect(errorsOf(good().slice(0, 500))[0]).toMatch(/not valid JSON/);
  });

  it('says when the file is some other JSON', () => {
    expect(errorsOf('[1,2,3]')[0]).toMatch(/not a Legation backup/);
    expect(errorsOf('{"format":"other"}')[0]).toMatch(/"format" is "other"/);
  });

  it('refuses a backup from a newer format version, naming both versions', () => {
    const b = JSON.parse(good()) as { formatVersion: number };
    b.formatVersion = BACKUP_FORMAT_VERSION + 98;
    expect(errorsOf(JSON.stringify(b))[0]).toMatch(/newer Legation \(format version 99; this app reads up to 1\)/);
  });

  it('names the table, record and field of an invalid record', () => {
    const b = JSON.parse(good()) as { tables: { visits: Record<string, unknown>[] } };
    b.tables.visits[1]!.status = 'vanished';
    const errs = errorsOf(JSON.stringify(b));
    expect(errs[0]).toMatch(/^visits\[1\] \(visit [0-9a-f-]+\): status: /);
  });

  it('refuses duplicate ids and dangling references', () => {
    const b = JSON.parse(good()) as { tables: { visits: Record<string, unknown>[]; people: Record<string, unknown>[] } };
    b.tables.visits.push({ ...b.tables.visits[0]! });
    expect(errorsOf(JSON.stringify(b)).join('\n')).toMatch(/is used twice/);
    const c = JSON.parse(good()) as { tables: { people: unknown[] } };
    c.tables.people = [];
    expect(errorsOf(JSON.stringify(c)).join('\n')).toMatch(/traveller .* is not in the backup/);
  });

  it('refuses an impossible date such as 2020-02-30', () => {
    const b = JSON.parse(good()) as { tables: { visits: { start: unknown; startKey: string }[] } };
    b.tables.visits[0]!.start = { precision: 'day', from: '2020-02-30', to: '2020-02-30' };
    b.tables.visits[0]!.startKey = '2020-02-30';
    expect(errorsOf(JSON.stringify(b)).join('\n')).toMatch(/does not exist in the calendar/);
  });
});
