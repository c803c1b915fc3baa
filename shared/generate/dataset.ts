/**
 * A deterministic generator of realistic Legation data for benchmarks and scale tests. The shapes
 * and value distributions come from the Office of the Historian data set (hsg-profile.json:
 * host and visitor countries, years, months, durations, kinds, remark lengths and words, cities,
 * visits per traveller, multi-leg trips, titles); names and texts are synthetic. The same
 * `{ visits, seed }` always gives the same records with the same ids, and every record is valid
 * under the shared/model schemas and the backup's reference checks.
 *
 * What the data set does not have (it records the past only) is added in small, fixed shares so
 * every screen has work to do: planned, postponed, underway and cancelled visits (dated around
 * the present, some with month or "within weeks" precision), hosts, meetings, articles with
 * evidence, notes and timeline events.
 */
import { addDays, daysInMonth, toIsoDay } from '../model/dates';
import { dayDate, monthDate, windowDate, yearDate, type FuzzyDate } from '../model/fuzzy-date';
import type { ContextEvent, Evidence, Meeting, Note, Person, Place, Role, Source, StatusChange, Visit, VisitKind } from '../model/schemas';
import type { VisitStatus } from '../model/status';
import { capitalOf, countryName } from '../places';
import { stableUuid } from '../importers/stable-id';
import profileJson from './hsg-profile.json' with { type: 'json' };
import type { HsgProfile } from './profile';
import { WeightedSampler, createRng, shuffle, type Rng } from './random';

export const HSG_PROFILE = profileJson as unknown as HsgProfile;

export interface GenerateOptions {
  /** How many visits (exactly). */
  visits: number;
  /** Any integer; the same seed gives the same data. Default 1. */
  seed?: number;
}

export interface GeneratedDataset {
  people: Person[];
  visits: Visit[];
  sources: Source[];
  notes: Note[];
  events: ContextEvent[];
  meetings: Meeting[];
  evidence: Evidence[];
}

/** The shares of the statuses the data set lacks (the rest are completed, as in the data set). */
export const GENERATED_STATUS_SHARES: Readonly<Record<Exclude<VisitStatus, 'completed'>, number>> = Object.freeze({
  planned: 0.05,
  postponed: 0.025,
  underway: 0.005,
  cancelled: 0.02,
});

/** Per visit: articles (each with one evidence quote), notes, meetings, timeline events. */
export const GENERATED_RATIOS = Object.freeze({ articles: 1 / 50, notes: 1 / 20, meetings: 1 / 25, events: 1 / 200 });

/** "Today" for the generated planned visits: fixed so the data never depends on the clock. */
export const GENERATED_TODAY = '2026-06-01';

const BASE_TIME = Date.UTC(2024, 0, 1);
const stamp = (i: number) => new Date(BASE_TIME + i * 1000).toISOString();

const SYLLABLES = [
  'ka', 'dem', 'ri', 'sa', 'lo', 'mar', 'to', 'vin', 'el', 'an', 'dro', 'mi', 'ha', 'sun', 'ber', 'ta', 'no', 'vel', 'ji', 'ro',
  'za', 'qui', 'fen', 'os', 'lu', 'ga', 'tor', 'ne', 'bel', 'di', 'ya', 'ko', 'ram', 'se', 'ul', 'pa', 'cho', 'wen', 'ed', 'is',
]; // prettier-ignore
const PARTICLES = ['', '', '', '', '', 'al-', 'van ', 'de ', 'bin ', 'von '];
const TAGS = ['summit', 'bilateral', 'trade', 'security', 'energy', 'climate', 'aid', 'defence', 'health', 'migration'];
const KIND_OPENING: Readonly<Record<VisitKind, string>> = {
  state: 'State visit.',
  official: 'Official visit.',
  working: 'Official working visit.',
  private: 'Private visit.',
  multilateral: 'Attended the summit meeting.',
  unknown: '',
};
const EVENT_WORDS = ['Summit', 'Crisis', 'Accord', 'Election', 'Conference', 'Treaty', 'Ceasefire', 'Coup', 'Referendum', 'Talks'];

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function syntheticWord(rng: Rng, min: number, max: number): string {
  let w = '';
  const n = rng.int(min, max);
  for (let i = 0; i < n; i++) w += rng.pick(SYLLABLES);
  return w;
}

function syntheticName(rng: Rng): { name: string; alias: string | null } {
  const given = capitalise(syntheticWord(rng, 2, 3));
  const particle = rng.pick(PARTICLES);
  const family = capitalise(syntheticWord(rng, 2, 3));
  const name = `${given} ${particle}${family}`;
  // Spellings differ (Kadhemi / Kadhimi / al-Kadhimi): a fifth of the people have a variant.
  if (!rng.chance(0.2)) return { name, alias: null };
  const variant = family.includes('i') ? family.replace('i', 'y') : `${family}h`;
  return { name, alias: particle === 'al-' ? `${given} ${variant}` : `${given} al-${variant}` };
}

interface Traveller {
  person: Person;
  /** Trips abroad (a president or secretary of state) or visits to the United States (a foreign leader). */
  abroad: boolean;
  count: number;
  careerYear: number;
}

/** Generates a whole database: see the module comment. Deterministic in `{ visits, seed }`. */
export function generateDataset(options: GenerateOptions): GeneratedDataset {
  const n = Math.max(0, Math.floor(options.visits));
  const seed = Math.floor(options.seed ?? 1);
  const rng = createRng(seed);
  const p = HSG_PROFILE;
  const id = (key: string) => stableUuid(`legation:generate:${seed}:${key}`);

  const perTraveller = new WeightedSampler(p.visitsPerTraveller);
  const years = new WeightedSampler(p.years);
  const months = new WeightedSampler(p.months);
  const durations = new WeightedSampler(p.durationDays);
  const kinds = new WeightedSampler(p.kinds as [VisitKind, number][]);
  const hostCountries = new WeightedSampler(p.hostCountries.filter(([c]) => c !== 'US'));
  const visitorCountries = new WeightedSampler(p.visitorCountries.filter(([c]) => c !== 'US'));
  const purposeLength = new WeightedSampler(p.purposeWords);
  const vocabulary = new WeightedSampler(p.vocabulary);
  const legs = new WeightedSampler(p.tourLegs);
  const foreignTitles = new WeightedSampler(p.titles.filter(([t]) => t !== 'Secretary of State' && t !== 'President-elect'));
  const citiesByCountry = new Map<string, [Place, number][]>();
  for (const [name, country, lat, lon, count] of p.cities) {
    const list = citiesByCountry.get(country) ?? [];
    list.push([{ country, city: name, lat, lon }, count]);
    citiesByCountry.set(country, list);
  }
  const citySamplers = new Map([...citiesByCountry].map(([c, list]) => [c, new WeightedSampler(list)]));
  const maxYear = p.years[p.years.length - 1]?.[0] ?? 2025;
  const minYear = p.years[0]?.[0] ?? 1866;
  // A traveller with this many visits or more travels abroad (presidents and secretaries make many trips).
  const abroadFrom = 12;

  // Sources: the three data sets, as the importer records them.
  const datasetSources: Source[] = ['visits', 'president', 'secretary'].map((ds, i) => ({
    id: id(`source:dataset:${ds}`),
    createdAt: stamp(i),
    updatedAt: stamp(i),
    deletedAt: null,
    kind: 'dataset',
    title: `Generated data set — ${ds === 'visits' ? 'Visits by foreign leaders' : `Travels abroad of the ${ds}`}`,
    publisher: 'Legation benchmark generator',
    url: null,
    datelinePlace: null,
    publishedOn: null,
    text: `Synthetic records shaped like the Office of the Historian data set (seed ${seed}).`,
  }));

  // People: travellers until their visits cover n, each with a number of visits drawn from the data set.
  const travellers: Traveller[] = [];
  let covered = 0;
  while (covered < n) {
    const count = Math.min(perTraveller.sample(rng), n - covered);
    const abroad = count >= abroadFrom;
    const careerYear = years.sample(rng);
    const k = travellers.length;
    const { name, alias } = syntheticName(rng);
    const country = abroad ? 'US' : visitorCountries.sample(rng);
    const title = abroad ? (rng.chance(0.3) ? 'President' : 'Secretary of State') : foreignTitles.sample(rng);
    const role: Role = { title, country, from: String(Math.max(minYear, careerYear - 4)), to: String(Math.min(maxYear, careerYear + 4)) };
    travellers.push({
      person: {
        id: id(`person:${k}`),
        createdAt: stamp(10 + k),
        updatedAt: stamp(10 + k),
        deletedAt: null,
        name,
        aliases: alias ? [alias] : [],
        roles: [role],
        country,
        note: '',
      },
      abroad,
      count,
      careerYear,
    });
    covered += count;
  }
  const people = travellers.map((t) => t.person);
  const byCountry = new Map<string, Person[]>();
  for (const t of travellers) {
    const c = t.person.country ?? '';
    const list = byCountry.get(c) ?? [];
    list.push(t.person);
    byCountry.set(c, list);
  }
  const usLeaders = byCountry.get('US') ?? [];

  const nonCompleted = Object.entries(GENERATED_STATUS_SHARES) as [VisitStatus, number][];
  const statuses = new WeightedSampler<VisitStatus>([...nonCompleted, ['completed', 1 - nonCompleted.reduce((s, [, w]) => s + w, 0)]]);

  const purpose = (kind: VisitKind, host: string): string => {
    const words = purposeLength.sample(rng);
    const parts: string[] = [];
    if (KIND_OPENING[kind]) parts.push(KIND_OPENING[kind]);
    let sentence: string[] = [];
    for (let i = 0; i < words; i++) {
      sentence.push(rng.chance(0.04) ? countryName(host) : vocabulary.sample(rng));
      if (sentence.length >= 6 + (i % 5) || i === words - 1) {
        parts.push(`${capitalise(sentence.join(' '))}.`);
        sentence = [];
      }
    }
    return parts.join(' ').slice(0, 2000);
  };

  const dates = (status: VisitStatus, careerYear: number): { start: FuzzyDate; end: FuzzyDate | null } => {
    if (status === 'completed' || status === 'cancelled') {
      const y = Math.min(maxYear, Math.max(minYear, careerYear - 4 + rng.int(0, 8)));
      const m = months.sample(rng);
      const from = toIsoDay(y, m, rng.int(1, daysInMonth(y, m)));
      return { start: dayDate(from), end: dayDate(addDays(from, durations.sample(rng))) };
    }
    // Planned, postponed and underway trips are around the present, as precise as news reports are.
    const from = addDays(GENERATED_TODAY, status === 'underway' ? -rng.int(0, 3) : rng.int(1, 400));
    const r = rng.next();
    if (status === 'underway' || r < 0.6) return { start: dayDate(from), end: dayDate(addDays(from, durations.sample(rng))) };
    const y = Number(from.slice(0, 4));
    if (r < 0.85) return { start: monthDate(y, Number(from.slice(5, 7))), end: null };
    if (r < 0.95) return { start: windowDate(from, addDays(from, 42), 'within weeks'), end: null };
    return { start: yearDate(y), end: null };
  };

  const history = (vid: string, status: VisitStatus, start: FuzzyDate, end: FuzzyDate | null, sourceId: string, at: string) => {
    const path: VisitStatus[] =
      status === 'completed'
        ? rng.chance(0.1)
          ? ['planned', 'completed']
          : ['completed']
        : status === 'planned'
          ? rng.chance(0.15)
            ? ['planned', 'postponed', 'planned']
            : ['planned']
          : status === 'cancelled'
            ? rng.chance(0.4)
              ? ['planned', 'postponed', 'cancelled']
              : ['planned', 'cancelled']
            : ['planned', status];
    return path.map((s, i): StatusChange => ({
      id: stableUuid(`${vid}:status:${i}`),
      status: s,
      from: i === 0 ? null : (path[i - 1] ?? null),
      on: addDays(start.from, i - path.length + 1 - (status === 'completed' ? 0 : 30)),
      reason: s === 'postponed' ? 'Postponed at the host’s request.' : s === 'cancelled' ? 'Called off.' : '',
      sourceId,
      start,
      end,
      recordedAt: at,
    }));
  };

  // Visits, traveller by traveller (a traveller's trips share a career); some trips abroad are tours of several legs.
  const visits: Visit[] = [];
  let seq = 0;
  for (const t of travellers) {
    let left = t.count;
    while (left > 0) {
      const status = statuses.sample(rng);
      const tourLegs = t.abroad && left > 1 && rng.chance(p.tourShare / 2.5) ? Math.min(left, legs.sample(rng)) : 1;
      const tourId = tourLegs > 1 ? id(`tour:${seq}`) : null;
      const { start, end } = dates(status, t.careerYear);
      const kind = kinds.sample(rng);
      for (let leg = 0; leg < tourLegs; leg++) {
        const vid = id(`visit:${seq}`);
        const at = stamp(100_000 + seq);
        const host = t.abroad ? hostCountries.sample(rng) : 'US';
        let place: Place = { country: host, city: null, lat: null, lon: null };
        if (t.abroad && rng.chance(p.cityShare / 0.6)) place = citySamplers.get(host)?.sample(rng) ?? capitalOf(host) ?? place;
        const sourceId = datasetSources[t.abroad ? (t.person.roles[0]?.title === 'President' ? 1 : 2) : 0]?.id ?? '';
        const hosts = t.abroad ? (byCountry.get(host) ?? []) : usLeaders;
        const hostIds = hosts.length && rng.chance(0.5) ? [rng.pick(hosts).id] : [];
        const compatriots = byCountry.get(t.person.country ?? '') ?? [];
        const delegationIds =
          !t.abroad && compatriots.length > 1 && rng.chance(0.05)
            ? [rng.pick(compatriots).id].filter((x) => x !== t.person.id && !hostIds.includes(x))
            : [];
        const statusHistory = history(vid, status, start, end, sourceId, at);
        visits.push({
          id: vid,
          createdAt: at,
          updatedAt: at,
          deletedAt: null,
          travellerId: t.person.id,
          delegationIds,
          hostIds: hostIds.filter((h) => h !== t.person.id),
          place,
          kind,
          purpose: purpose(kind, host),
          start,
          end,
          status: statusHistory[statusHistory.length - 1]?.status ?? status,
          statusHistory,
          tourId,
          tags: rng.chance(0.3) ? [rng.pick(TAGS)] : [],
          sourceIds: [sourceId],
          startKey: start.from,
        });
        seq++;
        left--;
      }
    }
  }
  shuffle(visits, rng);
  const personById = new Map(people.map((x) => [x.id, x]));

  // Articles: a short report on one visit, with one evidence quote for its place.
  const sources: Source[] = [...datasetSources];
  const evidence: Evidence[] = [];
  const articles = Math.round(n * GENERATED_RATIOS.articles);
  for (let i = 0; i < articles; i++) {
    const v = visits[Math.floor((i * n) / Math.max(1, articles))];
    if (!v) break;
    const who = personById.get(v.travellerId)?.name ?? 'The leader';
    const where = v.place.city ? `${v.place.city}, ${countryName(v.place.country)}` : countryName(v.place.country);
    const quote = `${who} arrived in ${where} on ${v.start?.from ?? 'an unknown day'}.`;
    const body = [quote, v.purpose, purpose('unknown', v.place.country), purpose('unknown', v.place.country)].join('\n\n');
    const sid = id(`source:article:${i}`);
    const at = stamp(300_000 + i);
    sources.push({
      id: sid,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
      kind: 'article',
      title: `${who} visits ${countryName(v.place.country)}`.slice(0, 500),
      publisher: rng.pick(['The Daily Dispatch', 'Capital Wire', 'Gazette of Record', 'Regional Observer']),
      url: `https://news.example/${i}`,
      datelinePlace: v.place,
      publishedOn: v.start?.from ?? null,
      text: body,
    });
    v.sourceIds.push(sid);
    evidence.push({
      id: id(`evidence:${i}`),
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
      recordType: 'visit',
      recordId: v.id,
      field: 'place',
      sourceId: sid,
      start: 0,
      end: quote.length,
      quote,
    });
  }

  const notes: Note[] = [];
  const noteCount = Math.round(n * GENERATED_RATIOS.notes);
  for (let i = 0; i < noteCount; i++) {
    const v = visits[Math.floor(rng.next() * n)];
    const target = v ? { type: 'visit' as const, id: v.id } : null;
    const at = stamp(400_000 + i);
    notes.push({
      id: id(`note:${i}`),
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
      body: `# ${capitalise(vocabulary.sample(rng))} ${vocabulary.sample(rng)}\n\n${purpose('unknown', v?.place.country ?? 'US')}\n\n- ${vocabulary.sample(rng)}\n- ${vocabulary.sample(rng)}\n`,
      target,
      targetKey: target ? `visit:${target.id}` : '',
    });
  }

  const meetings: Meeting[] = [];
  for (const v of visits) {
    if (meetings.length >= Math.round(n * GENERATED_RATIOS.meetings)) break;
    const other = v.hostIds[0];
    if (!other || other === v.travellerId || v.status !== 'completed') continue;
    const at = stamp(500_000 + meetings.length);
    meetings.push({
      id: id(`meeting:${meetings.length}`),
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
      visitId: v.id,
      participantIds: [v.travellerId, other],
      place: v.place,
      date: v.start,
      summary: purpose('unknown', v.place.country),
      quotes: [],
    });
  }

  const events: ContextEvent[] = [];
  const eventCount = Math.max(1, Math.round(n * GENERATED_RATIOS.events));
  for (let i = 0; i < eventCount && n > 0; i++) {
    const y = years.sample(rng);
    const m = months.sample(rng);
    const country = hostCountries.sample(rng);
    const at = stamp(600_000 + i);
    events.push({
      id: id(`event:${i}`),
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
      title: `${countryName(country)} ${rng.pick(EVENT_WORDS)} of ${y}`,
      date: rng.chance(0.5) ? dayDate(toIsoDay(y, m, rng.int(1, daysInMonth(y, m)))) : monthDate(y, m),
      place: { country, city: null, lat: null, lon: null },
      description: purpose('unknown', country),
      personIds: [],
      sourceIds: [],
    });
  }

  return { people, visits, sources, notes, events, meetings, evidence };
}
