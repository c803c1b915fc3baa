/**
 * Deterministic test data for reports: `buildGeneratedTables(n)` returns valid Legation tables
 * (they pass parseBackup) with n visits in every status, at every date precision, some undated,
 * with meetings, quotes, evidence into a source, notes, and hostile strings where asked. Type-only
 * imports, so Playwright specs can use it too (they cannot load the gazetteer JSON).
 */
import type { BackupTables } from '../../../shared/backup';
import type {
  Evidence,
  FuzzyDate,
  Meeting,
  Note,
  Person,
  Source,
  StatusChange,
  Visit,
  VisitKind,
  VisitStatus,
} from '../../../shared/model';

const T0 = '2021-03-01T09:00:00.000Z';

/** A v4-shaped UUID: kind (1 hex digit) and a number. */
export function genId(kind: number, n: number): string {
  return `${kind.toString(16)}0000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** Park–Miller: the same sequence on every machine. */
function rng(seed: number): () => number {
  let s = seed % 2147483647;
  if (s <= 0) s += 2147483646;
  return () => {
    s = (s * 16807) % 2147483647;
    return (s - 1) / 2147483646;
  };
}

const CHAINS: VisitStatus[][] = [
  ['planned'],
  ['planned', 'postponed'],
  ['planned', 'postponed', 'planned'],
  ['planned', 'underway'],
  ['planned', 'completed'],
  ['planned', 'underway', 'completed'],
  ['planned', 'cancelled'],
  ['completed'],
];
const COUNTRIES: [string, string | null][] = [
  ['FR', 'Paris'],
  ['DE', 'Berlin'],
  ['JP', 'Tokyo'],
  ['BR', null],
  ['EG', 'Cairo'],
  ['IN', 'New Delhi'],
  ['TR', 'Ankara'],
];
const KINDS: VisitKind[] = ['state', 'official', 'working', 'private', 'multilateral', 'unknown'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function dateOf(i: number, r: () => number): { start: FuzzyDate | null; end: FuzzyDate | null } {
  const year = 2019 + (i % 4);
  const month = 1 + Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 27);
  const d = `${year}-${pad(month)}-${pad(day)}`;
  switch (i % 6) {
    case 0:
      return {
        start: { precision: 'day', from: d, to: d },
        end: { precision: 'day', from: `${year}-${pad(month)}-${pad(day + 1)}`, to: `${year}-${pad(month)}-${pad(day + 1)}` },
      };
    case 1:
      return { start: { precision: 'day', from: d, to: d }, end: null };
    case 2: {
      const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
      return { start: { precision: 'month', from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(last)}` }, end: null };
    }
    case 3:
      return { start: { precision: 'year', from: `${year}-01-01`, to: `${year}-12-31` }, end: null };
    case 4:
      return { start: { precision: 'window', from: d, to: `${year}-${pad(month)}-28`, phrase: 'later this month' }, end: null };
    default:
      return { start: null, end: null };
  }
}

export interface GenerateOptions {
  /** Strings for purposes/notes of the first visits, e.g. XSS or formula payloads. */
  purposes?: string[];
  notes?: string[];
}

export function buildGeneratedTables(n: number, options: GenerateOptions = {}): BackupTables {
  const r = rng(20200722 + n);
  const base = { createdAt: T0, updatedAt: T0, deletedAt: null };
  const people: Person[] = [];
  const names = [
    'Amina Okafor',
    'José Álvarez',
    'Li Wei',
    'Olga Petrova',
    'Kwame Mensah',
    'Sakura Tanaka',
    'Omar al-Farouk',
    'Ingrid Larsen',
  ];
  names.forEach((name, k) =>
    people.push({
      id: genId(1, k + 1),
      ...base,
      name,
      aliases: k === 6 ? ['Al-Farouk', 'Omar Farouk'] : [],
      roles: [],
      country: null,
      note: '',
    }),
  );
  const lines: string[] = [];
  const sentence = (i: number) => `Report ${i}: officials confirmed the trip number ${i} and its purpose.`;
  for (let i = 0; i < n; i++) lines.push(sentence(i));
  const text = lines.join('\n');
  const source: Source = {
    id: genId(2, 1),
    ...base,
    kind: 'article',
    title: 'Generated wire, "trips" & talks',
    publisher: 'Test Agency',
    url: 'https://example.org/wire',
    datelinePlace: null,
    publishedOn: '2021-03-01',
    text,
  };
  const visits: Visit[] = [];
  const meetings: Meeting[] = [];
  const evidence: Evidence[] = [];
  const notes: Note[] = [];
  let offset = 0;
  for (let i = 0; i < n; i++) {
    const chain = CHAINS[i % CHAINS.length]!;
    const { start, end } = dateOf(i, r);
    const [country, city] = COUNTRIES[i % COUNTRIES.length]!;
    const history: StatusChange[] = chain.map((status, k) => ({
      id: genId(4, i * 10 + k),
      status,
      from: k === 0 ? null : chain[k - 1]!,
      on: `2021-0${1 + (k % 9)}-1${k}`,
      reason:
        status === 'postponed' ? `Postponed, reason ${i}; weather, "strikes"` : status === 'cancelled' ? `Called off (visit ${i})` : '',
      sourceId: k === 0 ? source.id : null,
      start,
      end,
      recordedAt: T0,
    }));
    const purpose = options.purposes?.[i] ?? `Talks on trade, number ${i}`;
    visits.push({
      id: genId(3, i + 1),
      ...base,
      travellerId: people[i % 4]!.id,
      delegationIds: [],
      hostIds: [people[4 + (i % 4)]!.id],
      place: { country, city, lat: null, lon: null },
      kind: KINDS[i % KINDS.length]!,
      purpose,
      start,
      end,
      status: chain[chain.length - 1]!,
      statusHistory: history,
      tourId: null,
      tags: i % 3 === 0 ? ['trade'] : [],
      sourceIds: [source.id],
      startKey: start?.from ?? '',
    });
    const s = sentence(i);
    evidence.push({
      id: genId(5, i + 1),
      ...base,
      recordType: 'visit',
      recordId: genId(3, i + 1),
      field: 'status',
      sourceId: source.id,
      start: offset,
      end: offset + s.length,
      quote: s,
    });
    offset += s.length + 1;
    if (i % 5 === 0) {
      meetings.push({
        id: genId(6, i + 1),
        ...base,
        visitId: genId(3, i + 1),
        participantIds: [people[i % 4]!.id, people[4 + (i % 4)]!.id],
        place: { country, city, lat: null, lon: null },
        date: start && start.precision === 'day' ? start : null,
        summary: `Meeting summary ${i}`,
        quotes: [{ personId: people[4 + (i % 4)]!.id, text: `We agreed on point ${i}, fully.`, sourceId: source.id }],
      });
    }
    const noteBody =
      options.notes?.[i] ??
      (i % 7 === 0 ? `# Background ${i}\n\nSome *context* for trip ${i}.\n\n## Open questions\n\n- who else?` : undefined);
    if (noteBody !== undefined) {
      notes.push({
        id: genId(7, i + 1),
        ...base,
        body: noteBody,
        target: { type: 'visit', id: genId(3, i + 1) },
        targetKey: `visit:${genId(3, i + 1)}`,
      });
    }
  }
  return { people, sources: [source], visits, meetings, events: [], evidence, notes };
}
