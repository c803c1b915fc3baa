import { applyStatusChange, type Clock, type Visit } from '../../../shared/model';
import { buildReportModel, type ReportInput, type ReportModel } from '../../../shared/reports';
import { SEED_IDS, buildSeed } from '../../../shared/seed';

export const OPTIONS = { title: 'Kadhemi’s travels', generatedAt: '2024-05-01T10:00:00.000Z', selectionLabel: 'All visits' };

/** The seed, with a note on the Tehran visit (Markdown, with headings) and one on the Saudi visit. */
export function seedInput(extraNotes: { visitId: string; body: string }[] = []): ReportInput {
  const s = buildSeed();
  const notes = [
    {
      visitId: SEED_IDS.tehranVisit,
      body: '# Reading\n\nKhamenei *insisted* on the parliament vote.\n\n## Follow-up\n\n- ask about `Washington`',
    },
    ...extraNotes,
  ].map((n, i) => ({
    id: `0a000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    createdAt: `2024-01-0${i + 1}T00:00:00.000Z`,
    updatedAt: `2024-01-0${i + 1}T00:00:00.000Z`,
    deletedAt: null,
    body: n.body,
    target: { type: 'visit' as const, id: n.visitId },
    targetKey: `visit:${n.visitId}`,
  }));
  return { ...s, notes };
}

export function seedModel(extraNotes: { visitId: string; body: string }[] = []): ReportModel {
  return buildReportModel(seedInput(extraNotes), OPTIONS);
}

/** A clock for status changes: fixed ids, a time after the seed's. */
export function clockAt(now: string): Clock {
  let n = 0;
  return { newId: () => `0b000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, now: () => now };
}

/** Replaces one visit of the input. */
export function withVisit(input: ReportInput, visit: Visit): ReportInput {
  return { ...input, visits: input.visits.map((v) => (v.id === visit.id ? visit : v)) };
}

export function reschedule(v: Visit, now: string): Visit {
  const r = applyStatusChange(
    v,
    {
      to: 'planned',
      on: '2020-08-01',
      reason: 'King Salman recovered',
      start: { precision: 'month', from: '2020-09-01', to: '2020-09-30' },
    },
    clockAt(now),
  );
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
