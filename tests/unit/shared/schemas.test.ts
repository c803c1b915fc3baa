import { describe, expect, it } from 'vitest';
import {
  createVisit,
  dayDate,
  evidenceSchema,
  meetingSchema,
  monthDate,
  noteSchema,
  noteTargetKey,
  noteTitle,
  personSchema,
  placeSchema,
  roleSchema,
  visitDraftSchema,
  visitSchema,
  windowDate,
  type Clock,
  type Visit,
} from '../../../shared/model';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const NOW = '2020-07-22T12:00:00.000Z';
const base = { id: A, createdAt: NOW, updatedAt: NOW, deletedAt: null };

function clock(): Clock {
  let n = 0;
  return { newId: () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`, now: () => NOW };
}

function buildVisit(overrides: Partial<Visit> = {}): Visit {
  const v = createVisit(
    {
      travellerId: A,
      place: { country: 'IR', city: 'Tehran', lat: 35.69, lon: 51.42 },
      kind: 'official',
      purpose: '',
      start: dayDate('2020-07-21'),
      end: dayDate('2020-07-21'),
      tags: ['first-trip-abroad'],
      hostIds: [B],
      status: 'completed',
    },
    clock(),
    '2020-07-21',
  );
  return { ...v, ...overrides };
}

const messages = (r: { error?: { issues: { message: string }[] } | undefined }) => r.error?.issues.map((i) => i.message) ?? [];

describe('visitSchema', () => {
  it('accepts a well-formed visit', () => {
    expect(messages(visitSchema.safeParse(buildVisit()))).toEqual([]);
  });

  it('rejects a visit that ends before it starts', () => {
    const r = visitSchema.safeParse(buildVisit({ start: dayDate('2020-07-21'), end: dayDate('2020-07-20') }));
    expect(messages(r)).toContain('The visit ends before it starts');
    expect(r.error?.issues[0]?.path).toEqual(['end']);
  });

  it('accepts an end inside a fuzzy start', () => {
    const v = buildVisit({ start: monthDate(2020, 7), end: dayDate('2020-07-05'), startKey: '2020-07-01' });
    expect(visitSchema.safeParse(v).success).toBe(true);
  });

  it('rejects a status that does not match the last status change', () => {
    expect(messages(visitSchema.safeParse(buildVisit({ status: 'planned' })))).toContain(
      'The status does not match the last status change',
    );
  });

  it('rejects an empty history', () => {
    expect(messages(visitSchema.safeParse(buildVisit({ statusHistory: [] })))).toContain('A visit has at least its first status');
  });

  it('rejects a startKey that is not start.from', () => {
    expect(messages(visitSchema.safeParse(buildVisit({ startKey: '2020-07-22' })))).toContain('startKey must equal start.from');
    expect(messages(visitSchema.safeParse(buildVisit({ start: null, end: null, startKey: '2020-07-21' })))).toContain(
      'startKey must equal start.from',
    );
    expect(visitSchema.safeParse(buildVisit({ start: null, end: null, startKey: '' })).success).toBe(true);
  });

  it.each(['iq', 'IRQ', 'I', '', '12'])('rejects the country code "%s"', (country) => {
    const r = visitSchema.safeParse(buildVisit({ place: { country, city: null, lat: null, lon: null } }));
    expect(r.success).toBe(false);
  });

  it('rejects ids that are not UUIDs, unknown kinds and statuses', () => {
    expect(visitSchema.safeParse(buildVisit({ travellerId: 'kadhemi' })).success).toBe(false);
    expect(visitSchema.safeParse({ ...buildVisit(), kind: 'secret' }).success).toBe(false);
    expect(visitSchema.safeParse({ ...buildVisit(), status: 'rumoured' }).success).toBe(false);
  });
});

describe('visitDraftSchema', () => {
  it('rejects an end date before the start date', () => {
    const r = visitDraftSchema.safeParse({
      travellerId: A,
      place: { country: 'US', city: 'Washington', lat: null, lon: null },
      kind: 'working',
      purpose: '',
      start: windowDate('2020-07-22', '2020-09-02', 'within weeks'),
      end: dayDate('2020-07-01'),
      tags: [],
      hostIds: [],
      status: 'planned',
    });
    expect(messages(r)).toEqual(['The end date is before the start date']);
  });
});

describe('placeSchema', () => {
  it('checks coordinates and country', () => {
    expect(placeSchema.safeParse({ country: 'IQ', city: 'Baghdad', lat: 33.34, lon: 44.4 }).success).toBe(true);
    expect(placeSchema.safeParse({ country: 'IQ', city: null, lat: null, lon: null }).success).toBe(true);
    expect(placeSchema.safeParse({ country: 'IQ', city: null, lat: 91, lon: 0 }).success).toBe(false);
    expect(placeSchema.safeParse({ country: 'IQ', city: null, lat: 0, lon: -181 }).success).toBe(false);
    expect(placeSchema.safeParse({ country: 'Iraq', city: null, lat: null, lon: null }).success).toBe(false);
  });
});

describe('people and roles', () => {
  it('rejects a role that ends before it starts', () => {
    expect(roleSchema.safeParse({ title: 'Prime Minister', country: 'IQ', from: '2020-05', to: '2020-04' }).success).toBe(false);
    expect(roleSchema.safeParse({ title: 'Head of intelligence', country: 'IQ', from: '2016', to: '2020-05' }).success).toBe(true);
    expect(roleSchema.safeParse({ title: 'PM', country: null, from: 'May 2020', to: null }).success).toBe(false);
  });

  it('requires a name', () => {
    const person = { ...base, name: '  ', aliases: [], roles: [], country: 'IQ', note: '' };
    expect(messages(personSchema.safeParse(person))).toContain('Name is required');
  });
});

describe('meetingSchema', () => {
  it('needs two people', () => {
    const m = { ...base, visitId: null, participantIds: [A], place: null, date: null, summary: '', quotes: [] };
    expect(messages(meetingSchema.safeParse(m))).toContain('A meeting has at least two people');
    expect(meetingSchema.safeParse({ ...m, participantIds: [A, B] }).success).toBe(true);
  });
});

describe('evidenceSchema', () => {
  const evidence = { ...base, recordType: 'visit', recordId: A, field: 'status', sourceId: B, start: 10, end: 14, quote: 'Iran' };

  it('accepts a quote whose length matches its span', () => {
    expect(evidenceSchema.safeParse(evidence).success).toBe(true);
  });

  it('rejects a quote whose length does not match its span', () => {
    expect(messages(evidenceSchema.safeParse({ ...evidence, end: 15 }))).toContain('The quote does not match its span');
    expect(messages(evidenceSchema.safeParse({ ...evidence, quote: 'Iraq´s' }))).toContain('The quote does not match its span');
  });

  it('rejects an empty or reversed span', () => {
    expect(messages(evidenceSchema.safeParse({ ...evidence, end: 10 }))).toContain('The quoted span is empty');
    expect(messages(evidenceSchema.safeParse({ ...evidence, start: 14, end: 10 }))).toContain('The quoted span is empty');
    expect(evidenceSchema.safeParse({ ...evidence, start: -1, end: 3 }).success).toBe(false);
  });

  it('rejects unknown targets', () => {
    expect(evidenceSchema.safeParse({ ...evidence, recordType: 'note' }).success).toBe(false);
  });
});

describe('notes', () => {
  it.each([
    ['# Saudi leg\n\nPostponed.', 'Saudi leg'],
    ['\n\n## Why it moved  \nbody', 'Why it moved'],
    ['Plain first line\nsecond', 'Plain first line'],
    ['', 'Untitled note'],
    ['   \n \n', 'Untitled note'],
    ['#', 'Untitled note'],
  ])('noteTitle(%j) = %j', (body, title) => {
    expect(noteTitle(body)).toBe(title);
  });

  it('shortens long titles to 80 characters', () => {
    const t = noteTitle('x'.repeat(200));
    expect(t).toHaveLength(80);
    expect(t.endsWith('…')).toBe(true);
    expect(noteTitle('y'.repeat(80))).toBe('y'.repeat(80));
  });

  it('keys note targets', () => {
    expect(noteTargetKey({ type: 'visit', id: A })).toBe(`visit:${A}`);
    expect(noteTargetKey(null)).toBe('');
    expect(noteSchema.safeParse({ ...base, body: '# x', target: { type: 'visit', id: A }, targetKey: `visit:${A}` }).success).toBe(true);
    expect(noteSchema.safeParse({ ...base, body: '', target: { type: 'event', id: A }, targetKey: '' }).success).toBe(false);
  });
});

describe('model fixes found in review', () => {
  it('keeps evidence quotes verbatim, spaces included', () => {
    const e = { ...base, recordType: 'visit', recordId: B, field: 'place', sourceId: B, start: 0, end: 5, quote: ' Iran' };
    expect(evidenceSchema.safeParse(e).success).toBe(true);
  });

  it('compares partial role dates by the period they cover', () => {
    expect(roleSchema.safeParse({ title: 'PM', country: 'IQ', from: '2020-05', to: '2020' }).success).toBe(true);
    expect(messages(roleSchema.safeParse({ title: 'PM', country: 'IQ', from: '2020-05', to: '2019' }))).toContain(
      'The role ends before it starts',
    );
  });

  it('refuses partial dates that do not exist', () => {
    expect(roleSchema.safeParse({ title: 'PM', country: null, from: '2020-13', to: null }).success).toBe(false);
    expect(roleSchema.safeParse({ title: 'PM', country: null, from: '2020-02-31', to: null }).success).toBe(false);
    expect(roleSchema.safeParse({ title: 'PM', country: null, from: '2020-02-29', to: null }).success).toBe(true);
  });

  it('strips indented heading marks from note titles', () => {
    expect(noteTitle('  ## Title')).toBe('Title');
  });

  it('needs both coordinates or neither', () => {
    expect(placeSchema.safeParse({ country: 'IQ', city: null, lat: 33, lon: null }).success).toBe(false);
  });

  it('checks that the status history is a chain of allowed transitions', () => {
    const v = buildVisit();
    const first = v.statusHistory[0]!;
    const broken = {
      ...v,
      status: 'postponed' as const,
      statusHistory: [first, { ...first, id: B, from: 'completed' as const, status: 'postponed' as const }],
    };
    expect(messages(visitSchema.safeParse(broken)).join('\n')).toMatch(/not an allowed transition/);
    const gap = { ...v, statusHistory: [{ ...first, from: 'planned' as const }] };
    expect(messages(visitSchema.safeParse(gap)).join('\n')).toMatch(/came from planned/);
  });
});
