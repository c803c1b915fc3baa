import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBackup, serializeBackup } from '../../../shared/backup';
import { createVisit, dayDate, visitSchema, type Clock, type Person, type Visit } from '../../../shared/model';
import { samePerson } from '../../../shared/people/names';
import { acceptProposal, reconcile } from '../../../shared/reconcile';
import { buildSeed, SEED_IDS } from '../../../shared/seed';

const NOW = '2026-01-01T00:00:00.000Z';
function clock(): Clock {
  let n = 0;
  return { newId: () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`, now: () => NOW };
}

const hsgKadhimi: Person = {
  id: '7e570000-0000-4000-8000-000000000001',
  name: 'Mustafa Al-Kadhimi',
  aliases: [],
  roles: [{ title: 'Prime Minister', country: 'IQ', from: null, to: null }],
  country: 'IQ',
  note: '',
  createdAt: NOW,
  updatedAt: NOW,
  deletedAt: null,
};

function recorded(day: string, country = 'US', travellerId = hsgKadhimi.id): Visit {
  const v = createVisit(
    {
      travellerId,
      place: { country, city: 'Washington', lat: null, lon: null },
      kind: 'working',
      purpose: 'Official Working Visit.',
      start: dayDate(day),
      end: dayDate(day),
      tags: ['hsg:3007'],
      hostIds: [],
      status: 'completed',
    },
    clock(),
    day,
  );
  return { ...v, id: `7e570000-0000-4000-8000-${day.replace(/-/g, '').padStart(12, '0')}` };
}

describe('names', () => {
  it('matches transliterations of one person, not different people', () => {
    const seed = buildSeed();
    const kadhemi = seed.people.find((p) => p.id === SEED_IDS.kadhemi)!;
    expect(samePerson(kadhemi, hsgKadhimi)).toBe(true);
    expect(samePerson({ name: 'Kadhimi', aliases: [] }, kadhemi)).toBe(true);
    expect(samePerson({ name: 'Ali Khamenei', aliases: [] }, kadhemi)).toBe(false);
    expect(samePerson({ name: 'Mohammed al-Kadhimi', aliases: [] }, { name: 'Mustafa al-Kadhimi', aliases: [] })).toBe(false);
  });
});

describe('reconcile', () => {
  const seed = buildSeed();
  const people = [...seed.people, hsgKadhimi];

  it('proposes that the planned Washington trip was fulfilled by the recorded 2020-08-20 visit', () => {
    const visits = [...seed.visits, recorded('2020-08-20')];
    const proposals = reconcile(visits, people);
    expect(proposals).toEqual([
      expect.objectContaining({
        kind: 'fulfilled-by',
        plannedId: SEED_IDS.washingtonVisit,
        recordedId: recorded('2020-08-20').id,
        dayDistance: 0,
      }),
    ]);
  });

  it('uses the tolerance around the window, and calls a later visit a rescheduling', () => {
    expect(reconcile([...seed.visits, recorded('2020-09-10')], people)[0]).toMatchObject({ kind: 'fulfilled-by', dayDistance: 8 });
    expect(reconcile([...seed.visits, recorded('2020-12-01')], people)[0]).toMatchObject({ kind: 'rescheduled-as' });
    expect(reconcile([...seed.visits, recorded('2020-09-10')], people, { toleranceDays: 3 })[0]).toMatchObject({ kind: 'rescheduled-as' });
  });

  it('matches a postponed visit with a later recorded one in the same country', () => {
    const proposals = reconcile([...seed.visits, recorded('2020-10-15', 'SA')], people);
    expect(proposals).toEqual([expect.objectContaining({ kind: 'rescheduled-as', plannedId: SEED_IDS.saudiVisit })]);
  });

  it('proposes nothing for another country, another person, or a visit before a postponement', () => {
    expect(reconcile([...seed.visits, recorded('2020-08-20', 'FR')], people)).toEqual([]);
    expect(reconcile([...seed.visits, recorded('2020-08-20', 'US', SEED_IDS.khamenei)], people)).toEqual([]);
    expect(reconcile([...seed.visits, recorded('2020-06-01', 'SA')], people)).toEqual([]);
  });

  it('accepting records how the trip ended, with the source, and retires the duplicate', () => {
    const rec = { ...recorded('2020-08-20'), sourceIds: ['5eed0000-0000-4000-8000-00000000dada'] };
    const [proposal] = reconcile([...seed.visits, rec], people);
    const planned = seed.visits.find((v) => v.id === SEED_IDS.washingtonVisit)!;
    const r = acceptProposal(planned, rec, proposal!, clock());
    if (!r.ok) throw new Error(r.error);
    expect(r.planned.status).toBe('completed');
    expect(r.planned.statusHistory.at(-1)).toMatchObject({
      from: 'planned',
      status: 'completed',
      on: '2020-08-20',
      sourceId: rec.sourceIds[0],
    });
    expect(r.planned.start).toEqual(dayDate('2020-08-20'));
    expect(r.planned.tags).toContain('hsg:3007');
    expect(r.recorded.deletedAt).not.toBeNull();
    expect(visitSchema.safeParse(r.planned).success).toBe(true);
  });

  it('accepting a postponed match reschedules, then completes', () => {
    const rec = recorded('2020-10-15', 'SA');
    const [proposal] = reconcile([...seed.visits, rec], people);
    const planned = seed.visits.find((v) => v.id === SEED_IDS.saudiVisit)!;
    const r = acceptProposal(planned, rec, proposal!, clock());
    if (!r.ok) throw new Error(r.error);
    expect(r.planned.statusHistory.map((c) => c.status)).toEqual(['planned', 'postponed', 'planned', 'completed']);
    expect(visitSchema.safeParse(r.planned).success).toBe(true);
  });
});

describe('cli reconcile', () => {
  const cli = (args: string[]) => spawnSync('npx', ['tsx', 'scripts/cli.ts', 'reconcile', ...args], { encoding: 'utf8' });

  it('prints the proposals of a backup as JSON', () => {
    const seed = buildSeed();
    const dir = mkdtempSync(join(tmpdir(), 'legation-reconcile-'));
    const file = join(dir, 'backup.json');
    const tables = {
      people: [...seed.people, hsgKadhimi],
      sources: seed.sources,
      visits: [...seed.visits, recorded('2020-08-20')],
      meetings: seed.meetings,
      events: seed.events,
      evidence: seed.evidence,
      notes: seed.notes,
    };
    writeFileSync(file, serializeBackup(buildBackup(tables, { name: 'Legation', version: 'test' }, NOW)));
    const out = JSON.parse(execFileSync('npx', ['tsx', 'scripts/cli.ts', 'reconcile', file], { encoding: 'utf8' })) as {
      proposals: { kind: string; recorded: { start: string } }[];
    };
    expect(out.proposals).toHaveLength(1);
    expect(out.proposals[0]).toMatchObject({ kind: 'fulfilled-by', recorded: { start: '2020-08-20' } });
  }, 30_000);

  it('refuses a bad file with exit code 2 and a clear message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'legation-reconcile-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{"format":"legation-backup","formatVersion":1,"tables":');
    const r = cli([file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not a valid backup:\n.*not valid JSON/);
    expect(cli([]).status).toBe(2);
    expect(cli([join(dir, 'missing.json')]).stderr).toMatch(/no such file/);
  }, 30_000);
});
