/**
 * The records the app is seeded with on first run: every fact of one real article (Tehran,
 * 22 July 2020: Iraq's new prime minister visits Iran), each tied by Evidence to the words that
 * support it. Everything is fixed — ids, timestamps, offsets computed from the text — so seeding
 * twice writes the same records (idempotent) and a seeded record is recognisable by its id
 * (they all start with "5eed").
 *
 * Reading of the article's relative dates (dateline Wednesday 2020-07-22):
 * - "on Tuesday" = 2020-07-21 (the Tehran visit and meeting);
 * - "on Monday"  = 2020-07-20 (King Salman hospitalised; the Saudi leg postponed after it);
 * - "in a January drone strike", "in May": January 2020 and May 2020, month precision;
 * - "within weeks" = a window from the dateline day to six weeks later (WITHIN_WEEKS_DAYS), never a
 *   made-up exact day;
 * - "for nearly four years" before May 2020 = from 2016, year precision.
 */
import { addDays } from '../model/dates';
import { dayDate, monthDate, windowDate, type FuzzyDate } from '../model/fuzzy-date';
import type { ContextEvent, Evidence, Meeting, Note, Person, Place, Source, StatusChange, Visit, VisitKind } from '../model/schemas';
import type { VisitStatus } from '../model/status';
import { placeFor } from '../places';
import { SEED_ARTICLE_TEXT } from './article';

export { SEED_ARTICLE_TEXT } from './article';

/** Bump when the seeded content changes, so that the app can offer to re-seed. */
export const SEED_VERSION = 1;

/** Every seeded record's createdAt/updatedAt (and status changes' recordedAt). */
export const SEED_TIMESTAMP = '2020-07-22T12:00:00.000Z';

/** The article's dateline day, the reference for "on Tuesday", "within weeks"... */
export const SEED_REFERENCE_DAY = '2020-07-22';

/** "Within weeks" read as at most six weeks from the reference day: 2020-07-22 to 2020-09-02. */
export const WITHIN_WEEKS_DAYS = 42;

export interface SeedData {
  sources: Source[];
  people: Person[];
  visits: Visit[];
  meetings: Meeting[];
  events: ContextEvent[];
  evidence: Evidence[];
  notes: Note[];
}

/** A fixed, v4-shaped UUID in the seed's own range: 5eed0000-0000-4000-8000-<n in hex>. */
function seedId(n: number): string {
  return `5eed0000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** Ids of the main seeded records, for tests and for the renderer (e.g. to open the seeded article). */
export const SEED_IDS = Object.freeze({
  article: '5eed0000-0000-4000-8000-000000000001',
  kadhemi: '5eed0000-0000-4000-8000-000000000011',
  khamenei: '5eed0000-0000-4000-8000-000000000012',
  salman: '5eed0000-0000-4000-8000-000000000013',
  trump: '5eed0000-0000-4000-8000-000000000014',
  soleimani: '5eed0000-0000-4000-8000-000000000015',
  tehranVisit: '5eed0000-0000-4000-8000-000000000021',
  saudiVisit: '5eed0000-0000-4000-8000-000000000022',
  washingtonVisit: '5eed0000-0000-4000-8000-000000000023',
  tehranCompleted: '5eed0000-0000-4000-8000-000000000031',
  saudiPlanned: '5eed0000-0000-4000-8000-000000000032',
  saudiPostponed: '5eed0000-0000-4000-8000-000000000033',
  washingtonPlanned: '5eed0000-0000-4000-8000-000000000034',
  tehranMeeting: '5eed0000-0000-4000-8000-000000000041',
  soleimaniStrike: '5eed0000-0000-4000-8000-000000000051',
  parliamentVote: '5eed0000-0000-4000-8000-000000000052',
  ainAlAsadStrike: '5eed0000-0000-4000-8000-000000000053',
  kadhemiTakesOffice: '5eed0000-0000-4000-8000-000000000054',
  salmanHospitalised: '5eed0000-0000-4000-8000-000000000055',
});

export interface TextSpan {
  start: number;
  end: number;
  quote: string;
}

/**
 * Where `quote` stands in `text`: it must occur exactly once, or exactly once inside `within`
 * (itself occurring exactly once) when the quote alone is ambiguous ("Kadhemi" appears 4 times).
 * Throws otherwise, so an edited quote can never silently point at the wrong words.
 */
export function findSpan(text: string, quote: string, within?: string): TextSpan {
  const once = (haystack: string, needle: string, offset: number): number => {
    const i = haystack.indexOf(needle);
    if (needle === '' || i < 0) throw new Error(`Quote not found in the source: "${needle}"`);
    if (haystack.indexOf(needle, i + 1) >= 0) throw new Error(`Quote occurs more than once in the source: "${needle}"`);
    return offset + i;
  };
  if (within === undefined) {
    const start = once(text, quote, 0);
    return { start, end: start + quote.length, quote };
  }
  const outer = once(text, within, 0);
  const start = once(within, quote, outer);
  return { start, end: start + quote.length, quote };
}

const base = { createdAt: SEED_TIMESTAMP, updatedAt: SEED_TIMESTAMP, deletedAt: null };

/** Builds the seed. Pure and deterministic: two calls return deep-equal data. */
export function buildSeed(): SeedData {
  const text = SEED_ARTICLE_TEXT;
  const ids = SEED_IDS;
  const tehran = placeFor('IR', 'Tehran');
  const washington = placeFor('US', 'Washington');
  const baghdad = placeFor('IQ', 'Baghdad');

  const sources: Source[] = [
    {
      id: ids.article,
      ...base,
      kind: 'article',
      title: 'Khamenei tells visiting Iraqi PM Kadhemi that Iran will not interfere in Iraq’s ties with Washington',
      // The text names no publisher and no URL: left for the user to fill in.
      publisher: null,
      url: null,
      datelinePlace: tehran,
      publishedOn: SEED_REFERENCE_DAY,
      text,
    },
  ];

  const people: Person[] = [
    {
      id: ids.kadhemi,
      ...base,
      name: 'Mustafa al-Kadhemi',
      aliases: ['Kadhemi', 'al-Kadhemi', 'Kadhimi', 'al-Kadhimi', 'Al-Kadhimi', 'Mustafa al-Kadhimi'],
      roles: [
        { title: 'Prime Minister of Iraq', country: 'IQ', from: '2020-05', to: null },
        // "for nearly four years" before May 2020: from 2016, to the year's precision only.
        { title: 'Head of the National Intelligence Service of Iraq', country: 'IQ', from: '2016', to: '2020-05' },
      ],
      country: 'IQ',
      note: '',
    },
    {
      id: ids.khamenei,
      ...base,
      name: 'Ali Khamenei',
      aliases: ['Ayatollah Ali Khamenei', 'Khamenei'],
      // The article does not say since when; left open rather than filled from memory.
      roles: [{ title: 'Supreme Leader of Iran', country: 'IR', from: null, to: null }],
      country: 'IR',
      note: '',
    },
    {
      id: ids.salman,
      ...base,
      name: 'Salman bin Abdulaziz Al Saud',
      aliases: ['King Salman'],
      roles: [{ title: 'King of Saudi Arabia', country: 'SA', from: null, to: null }],
      country: 'SA',
      note: '',
    },
    {
      id: ids.trump,
      ...base,
      name: 'Donald Trump',
      aliases: ['Trump'],
      // First term (the one the article speaks of).
      roles: [{ title: 'President of the United States', country: 'US', from: '2017-01', to: '2021-01' }],
      country: 'US',
      note: '',
    },
    {
      id: ids.soleimani,
      ...base,
      name: 'Qasem Soleimani',
      aliases: ['Soleimani', 'Qassem Soleimani'],
      roles: [{ title: 'General, “Iran’s top general”', country: 'IR', from: null, to: '2020-01' }],
      country: 'IR',
      note: 'Killed in a U.S. drone strike in Baghdad in January 2020.',
    },
  ];

  const change = (
    id: string,
    status: VisitStatus,
    from: VisitStatus | null,
    on: string,
    reason: string,
    start: FuzzyDate | null,
    end: FuzzyDate | null,
  ): StatusChange => ({ id, status, from, on, reason, sourceId: ids.article, start, end, recordedAt: SEED_TIMESTAMP });

  const visit = (v: {
    id: string;
    hostIds: string[];
    place: Place;
    kind: VisitKind;
    purpose: string;
    statusHistory: StatusChange[];
    tags: string[];
  }): Visit => {
    const last = v.statusHistory[v.statusHistory.length - 1];
    if (!last) throw new Error('A visit has at least one status');
    return {
      ...base,
      ...v,
      travellerId: ids.kadhemi,
      delegationIds: [],
      start: last.start,
      end: last.end,
      status: last.status,
      tourId: null,
      sourceIds: [ids.article],
      startKey: last.start?.from ?? '',
    };
  };

  const tuesday = addDays(SEED_REFERENCE_DAY, -1); // 2020-07-21
  const monday = addDays(SEED_REFERENCE_DAY, -2); // 2020-07-20
  const withinWeeks = windowDate(SEED_REFERENCE_DAY, addDays(SEED_REFERENCE_DAY, WITHIN_WEEKS_DAYS), 'within weeks');

  const visits: Visit[] = [
    visit({
      id: ids.tehranVisit,
      hostIds: [ids.khamenei],
      place: tehran,
      kind: 'official',
      purpose: 'First trip abroad since taking office; talks with Supreme Leader Ali Khamenei',
      // First recorded after the fact, as completed on the day it happened.
      statusHistory: [change(ids.tehranCompleted, 'completed', null, tuesday, '', dayDate(tuesday), dayDate(tuesday))],
      tags: ['first-trip-abroad'],
    }),
    visit({
      id: ids.saudiVisit,
      hostIds: [],
      // The article names no city.
      place: placeFor('SA'),
      // The article does not say what kind of visit; "unknown" rather than a guess.
      kind: 'unknown',
      purpose: 'Scheduled as his first trip abroad, to be followed quickly by a trip to Tehran, in a carefully calibrated balancing act',
      statusHistory: [
        // The article gives no date for the plan; the 20th is the last day it is known to have stood.
        change(ids.saudiPlanned, 'planned', null, monday, 'Scheduled as his first trip abroad (no date given for the plan)', null, null),
        change(ids.saudiPostponed, 'postponed', 'planned', monday, 'King Salman was hospitalised', null, null),
      ],
      tags: ['first-trip-abroad'],
    }),
    visit({
      id: ids.washingtonVisit,
      hostIds: [],
      place: washington,
      kind: 'unknown',
      purpose: '',
      statusHistory: [change(ids.washingtonPlanned, 'planned', null, SEED_REFERENCE_DAY, 'Set to visit within weeks', withinWeeks, null)],
      tags: [],
    }),
  ];

  const quote = (q: string) => ({ personId: ids.khamenei, text: q, sourceId: ids.article });
  const Q = {
    interfere:
      'Iran will not interfere in Iraq´s relations with America but expects Iraqi friends to know America and realise that their presence in any country causes corruption, ruin and destruction',
    parliament:
      'The Islamic republic expects... (the Iraqi) parliament´s decision to expel the Americans to be adhered to since their presence is a cause of insecurity.',
    guest: 'They killed your guest in your house and blatantly confessed to it.',
    reciprocal: 'will never forget this and will certainly deal a reciprocal blow to the Americans',
    weaken: 'whatever may weaken the Iraqi government',
    independent: 'an independent, strong Iraqi government elected by popular vote',
  };

  const meetings: Meeting[] = [
    {
      id: ids.tehranMeeting,
      ...base,
      visitId: ids.tehranVisit,
      participantIds: [ids.kadhemi, ids.khamenei],
      place: tehran,
      date: dayDate(tuesday),
      summary:
        'Khamenei told Kadhemi that Iran will not interfere in Iraq’s relations with Washington, but warned that the US presence next door to Iran ' +
        'was a cause of insecurity; he expected the Iraqi parliament’s decision to expel US troops to be adhered to, recalled the killing of ' +
        'Qasem Soleimani and promised a reciprocal blow to the Americans.',
      quotes: Object.values(Q).map(quote),
    },
  ];

  const events: ContextEvent[] = [
    {
      id: ids.soleimaniStrike,
      ...base,
      title: 'US drone strike in Baghdad kills Iranian general Qasem Soleimani',
      date: monthDate(2020, 1),
      place: baghdad,
      description: 'The US killed Iran’s top general Qasem Soleimani in a drone strike in Baghdad.',
      personIds: [ids.soleimani],
      sourceIds: [ids.article],
    },
    {
      id: ids.parliamentVote,
      ...base,
      title: 'Iraqi parliament votes to expel US troops',
      date: monthDate(2020, 1),
      place: placeFor('IQ'),
      description: 'After the drone strike that killed Soleimani, the Iraqi parliament voted to expel US troops.',
      personIds: [],
      sourceIds: [ids.article],
    },
    {
      id: ids.ainAlAsadStrike,
      ...base,
      title: 'Iran fires missiles at US troops at Ain al-Asad base in Iraq',
      date: monthDate(2020, 1),
      // An air base, not a gazetteer city: kept by name, without invented coordinates.
      place: placeFor('IQ', 'Ain al-Asad'),
      description:
        'Days after Soleimani’s death Iran retaliated with a volley of missiles at US troops stationed in Iraq; the attack on the western Iraqi ' +
        'base of Ain al-Asad left no US soldiers dead, but dozens suffered brain trauma. President Trump opted against responding militarily.',
      personIds: [ids.soleimani, ids.trump],
      sourceIds: [ids.article],
    },
    {
      id: ids.kadhemiTakesOffice,
      ...base,
      title: 'Mustafa al-Kadhemi becomes Prime Minister of Iraq',
      date: monthDate(2020, 5),
      place: placeFor('IQ'),
      description: 'Kadhemi rose to the premiership after serving as head of Iraq’s National Intelligence Service for nearly four years.',
      personIds: [ids.kadhemi],
      sourceIds: [ids.article],
    },
    {
      id: ids.salmanHospitalised,
      ...base,
      title: 'King Salman of Saudi Arabia hospitalised',
      date: dayDate(monday),
      place: placeFor('SA'),
      description: 'King Salman was hospitalised; Kadhemi’s visit to Saudi Arabia was postponed.',
      personIds: [ids.salman],
      sourceIds: [ids.article],
    },
  ];

  // Sentences quoted more than once.
  const S = {
    lead: 'Iran´s supreme leader told Iraq´s visiting premier on Tuesday that Tehran will not interfere in Baghdad´s relations with Washington, but warned that the US presence next door to the Islamic republic was a cause of insecurity.',
    met: 'Prime Minister Mustafa al-Kadhemi of Iraq met Ayatollah Ali Khamenei in the Iranian capital during his first trip abroad since taking office.',
    strike:
      'Khamenei pointed to the US killing of Iran´s top general Qasem Soleimani in a January drone strike in Baghdad, after which parliament voted to expel US troops.',
    retaliation:
      'Iran retaliated for Soleimani´s death days after by firing a volley of missiles at US troops stationed in Iraq, but US President Donald Trump opted against responding militarily.',
    ainAlAsad: 'While the attack on the western Iraqi base of Ain al-Asad left no US soldiers dead, dozens suffered brain trauma.',
    scheduled:
      'Kadhemi had been scheduled to visit Iran´s regional rival Saudi Arabia as his first trip abroad, then quickly follow it up with a trip to Tehran, in a carefully calibrated balancing act.',
    postponed: 'The Saudi leg was postponed after King Salman was hospitalised on Monday.',
    washington:
      'Baghdad has often found itself caught in the tug-of-war between Riyadh, Tehran and Washington, which Kadhemi is also set to visit within weeks.',
    premiership:
      'Kadhemi rose to the premiership in May after serving as head of Iraq´s National Intelligence Service for nearly four years.',
  };

  const evidence: Evidence[] = [];
  const ev = (n: number, recordType: Evidence['recordType'], recordId: string, field: string, q: string, within?: string) => {
    const s = findSpan(text, q, within);
    evidence.push({
      id: seedId(0x100 + n),
      ...base,
      recordType,
      recordId,
      field,
      sourceId: ids.article,
      start: s.start,
      end: s.end,
      quote: s.quote,
    });
  };

  // People
  ev(1, 'person', ids.kadhemi, 'name', 'Mustafa al-Kadhemi');
  ev(2, 'person', ids.kadhemi, 'roles', 'Prime Minister Mustafa al-Kadhemi of Iraq');
  ev(3, 'person', ids.kadhemi, 'roles', S.premiership);
  ev(4, 'person', ids.kadhemi, 'aliases', 'Kadhemi', S.premiership);
  ev(5, 'person', ids.kadhemi, 'country', 'Mustafa al-Kadhemi of Iraq');
  ev(6, 'person', ids.khamenei, 'name', 'Ayatollah Ali Khamenei');
  ev(7, 'person', ids.khamenei, 'roles', 'Iran´s supreme leader');
  ev(8, 'person', ids.khamenei, 'aliases', 'Khamenei', S.strike);
  ev(9, 'person', ids.salman, 'aliases', 'King Salman');
  ev(10, 'person', ids.salman, 'roles', S.postponed);
  ev(11, 'person', ids.trump, 'name', 'Donald Trump');
  ev(12, 'person', ids.trump, 'roles', 'US President Donald Trump');
  ev(13, 'person', ids.soleimani, 'name', 'Qasem Soleimani');
  ev(14, 'person', ids.soleimani, 'roles', 'Iran´s top general Qasem Soleimani');
  ev(15, 'person', ids.soleimani, 'note', 'the US killing of Iran´s top general Qasem Soleimani in a January drone strike in Baghdad');

  // Tehran visit
  ev(20, 'visit', ids.tehranVisit, 'status', S.met);
  ev(21, 'visit', ids.tehranVisit, 'start', 'told Iraq´s visiting premier on Tuesday');
  ev(22, 'visit', ids.tehranVisit, 'place', 'in the Iranian capital');
  ev(23, 'visit', ids.tehranVisit, 'hostIds', 'met Ayatollah Ali Khamenei');
  ev(24, 'visit', ids.tehranVisit, 'purpose', 'during his first trip abroad since taking office');
  ev(25, 'visit', ids.tehranVisit, 'tags', 'his first trip abroad since taking office');
  ev(26, 'statusChange', ids.tehranCompleted, 'status', 'Iraq´s visiting premier on Tuesday');

  // Saudi visit
  ev(30, 'visit', ids.saudiVisit, 'status', S.postponed);
  ev(31, 'visit', ids.saudiVisit, 'place', 'Kadhemi had been scheduled to visit Iran´s regional rival Saudi Arabia');
  ev(32, 'visit', ids.saudiVisit, 'purpose', S.scheduled);
  ev(33, 'visit', ids.saudiVisit, 'tags', 'as his first trip abroad');
  ev(
    34,
    'statusChange',
    ids.saudiPlanned,
    'status',
    'had been scheduled to visit Iran´s regional rival Saudi Arabia as his first trip abroad',
  );
  ev(35, 'statusChange', ids.saudiPostponed, 'status', 'The Saudi leg was postponed');
  ev(36, 'statusChange', ids.saudiPostponed, 'reason', 'postponed after King Salman was hospitalised on Monday');
  ev(37, 'statusChange', ids.saudiPostponed, 'on', 'hospitalised on Monday');

  // Washington visit
  ev(40, 'visit', ids.washingtonVisit, 'status', 'which Kadhemi is also set to visit within weeks');
  ev(41, 'visit', ids.washingtonVisit, 'place', 'Washington, which Kadhemi is also set to visit');
  ev(42, 'visit', ids.washingtonVisit, 'start', 'within weeks');
  ev(43, 'statusChange', ids.washingtonPlanned, 'status', S.washington);

  // Meeting
  ev(50, 'meeting', ids.tehranMeeting, 'summary', S.lead);
  ev(51, 'meeting', ids.tehranMeeting, 'participantIds', S.met);
  ev(52, 'meeting', ids.tehranMeeting, 'date', 'on Tuesday');
  ev(53, 'meeting', ids.tehranMeeting, 'place', 'in the Iranian capital');
  Object.values(Q).forEach((q, i) => ev(54 + i, 'meeting', ids.tehranMeeting, 'quotes', q));

  // Events
  ev(
    60,
    'event',
    ids.soleimaniStrike,
    'title',
    'the US killing of Iran´s top general Qasem Soleimani in a January drone strike in Baghdad',
  );
  ev(61, 'event', ids.soleimaniStrike, 'date', 'a January drone strike');
  ev(62, 'event', ids.soleimaniStrike, 'place', 'drone strike in Baghdad');
  ev(63, 'event', ids.parliamentVote, 'title', 'after which parliament voted to expel US troops');
  ev(64, 'event', ids.parliamentVote, 'date', 'in a January drone strike in Baghdad, after which parliament voted');
  ev(65, 'event', ids.ainAlAsadStrike, 'title', S.retaliation);
  ev(66, 'event', ids.ainAlAsadStrike, 'date', 'Iran retaliated for Soleimani´s death days after');
  ev(67, 'event', ids.ainAlAsadStrike, 'place', 'the western Iraqi base of Ain al-Asad');
  ev(68, 'event', ids.ainAlAsadStrike, 'description', S.ainAlAsad);
  ev(69, 'event', ids.kadhemiTakesOffice, 'title', 'Kadhemi rose to the premiership');
  ev(70, 'event', ids.kadhemiTakesOffice, 'date', 'rose to the premiership in May');
  ev(71, 'event', ids.salmanHospitalised, 'title', 'King Salman was hospitalised');
  ev(72, 'event', ids.salmanHospitalised, 'date', 'King Salman was hospitalised on Monday');

  return { sources, people, visits, meetings, events, evidence, notes: [] };
}

/** How many records a seed holds, all tables together. */
export function seedRecordCount(seed: SeedData): number {
  return (
    seed.sources.length +
    seed.people.length +
    seed.visits.length +
    seed.meetings.length +
    seed.events.length +
    seed.evidence.length +
    seed.notes.length
  );
}
