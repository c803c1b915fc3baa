/**
 * The Office of the Historian import: XML texts in, Legation records out (people, visits, the
 * data sets as sources), with warnings for what could not be read. Pure and deterministic: the
 * same files give the same records with the same ids, whatever order they come in, so a second
 * import finds everything already there.
 *
 * - A visit of a foreign leader (`<visit>`) becomes one Visit to the United States (city unknown:
 *   the records rarely say); the visitor's country is the person's country and role.
 * - A trip (`<trip>`) becomes one Visit per place of its locale ("Tel Aviv, Jerusalem" → two legs
 *   sharing a tourId), to the mapped country.
 * - Every visit is completed (these are records of the past), its status dated its start, its
 *   source the data set; the record id is kept as a tag (`hsg:visit:2271`, `hsg:trip:2960`: the
 *   two data sets number their records independently, so the kind is part of the tag) and the
 *   remarks as the purpose.
 */
import { dayDate, monthDate, yearDate, type FuzzyDate } from '../../model/fuzzy-date';
import { ISO_DAY, ISO_MONTH, ISO_YEAR, isValidDay } from '../../model/dates';
import {
  TEXT_LIMITS,
  type Person,
  type Place,
  type Role,
  type Source,
  type StatusChange,
  type Visit,
  type VisitKind,
} from '../../model/schemas';
import { findCity, historicalCountry } from '../../places';
import { stableUuid } from '../stable-id';
import { RefusedDocumentError } from '../xml-safety';
import { mapHsgCountry } from './countries';
import { placeNameForLookup, splitLocale } from './locales';
import { nameKey, splitVisitors, type ParsedName } from './names';
import { countHsgRecords, parseHsgFile, type RawPresident, type RawTripRecord, type RawVisitRecord } from './parse';

/**
 * createdAt/updatedAt of every imported record. Fixed and early on purpose: a record whose
 * updatedAt is still this value is exactly as imported (a re-import may refresh it); any edit by
 * the user sets a later updatedAt, so re-import leaves it alone and a merge of two backups keeps
 * the user's version.
 */
export const HSG_IMPORT_TIMESTAMP = '2000-01-01T00:00:00.000Z';

export type HsgDataset = 'visits' | 'president' | 'secretary';

interface DatasetInfo {
  title: string;
  url: string;
  text: string;
}

const HSG_DATASETS: Readonly<Record<HsgDataset, DatasetInfo>> = Object.freeze({
  visits: {
    title: 'Office of the Historian — Visits by Foreign Leaders',
    url: 'https://history.state.gov/departmenthistory/visits',
    text:
      'Visits by foreign leaders and heads of state to the United States since 1874, compiled by the Office of the Historian, ' +
      'U.S. Department of State (public domain). Each record gives the visitor, the country, the dates and remarks. ' +
      'Imported into Legation from the data set’s XML files (visits/*.xml).',
  },
  president: {
    title: 'Office of the Historian — Travels Abroad of the President',
    url: 'https://history.state.gov/departmenthistory/travels/president',
    text:
      'Foreign travels of the presidents of the United States since 1906, compiled by the Office of the Historian, ' +
      'U.S. Department of State (public domain). Each record gives the president, the country, the places visited, the dates and remarks. ' +
      'Imported into Legation from the data set’s XML files (travels/president-travels/*.xml).',
  },
  secretary: {
    title: 'Office of the Historian — Travels Abroad of the Secretary of State',
    url: 'https://history.state.gov/departmenthistory/travels/secretary',
    text:
      'Foreign travels of the U.S. secretaries of state since 1866, compiled by the Office of the Historian, ' +
      'U.S. Department of State (public domain). Each record gives the secretary, the country, the places visited, the dates and remarks. ' +
      'Imported into Legation from the data set’s XML files (travels/secretary-travels/*.xml).',
  },
});

const HSG_PUBLISHER = 'Office of the Historian, U.S. Department of State';

export interface HsgInputFile {
  /** The file's name or relative path, used in messages: "visits/1950.xml". */
  name: string;
  text: string;
}

export interface HsgProgress {
  /** 'reading': records read from the files so far; 'building': how far turning them into visits and people has come, in records. */
  stage: 'reading' | 'building';
  /** Records done in this stage, of all the records in the accepted files. */
  done: number;
  total: number;
}

/** Records (or drafts) handled between two 'building' reports (~100 ms of work on a slow machine). */
export const HSG_BUILD_PROGRESS_EVERY = 2_000;

export interface HsgImportOptions {
  /** Called after each file is read, and every HSG_BUILD_PROGRESS_EVERY records while building. */
  onProgress?: (progress: HsgProgress) => void;
}

export interface HsgCounts {
  files: number;
  /** Files not read at all (DTD, not XML): see `errors`. */
  filesRefused: number;
  /** Well-formed files that hold no visits or trips (a code table, a schema). */
  filesIgnored: number;
  /** `<visit>` and `<trip>` elements read. */
  records: number;
  visitRecords: number;
  tripRecords: number;
  /** Records not imported (no usable date, unknown country, repeated id): see `warnings`. */
  recordsSkipped: number;
  /** Trip records whose locale names several places. */
  multiLegRecords: number;
  /** Visits beyond one per record: visits = records − recordsSkipped + extraLegs. */
  extraLegs: number;
  visits: number;
  people: number;
  sources: number;
}

export interface HsgImportResult {
  people: Person[];
  visits: Visit[];
  sources: Source[];
  /** Records imported with a caveat or skipped, each naming its file and record id. */
  warnings: string[];
  /** Files refused whole, each naming the file. */
  errors: string[];
  counts: HsgCounts;
}

/** The most warnings listed one by one; the rest are summarised. */
const MAX_WARNINGS = 500;

interface PersonGroup {
  key: string;
  spellings: Map<string, number>;
  country: string | null;
  roles: Map<string, Role>;
  dataset: HsgDataset;
  /** The first record naming this person ("visits/1950.xml record 123"), for warnings. */
  where: string;
}

function parseDate(value: string): FuzzyDate | null {
  const v = value.trim();
  if (ISO_DAY.test(v)) return isValidDay(v) ? dayDate(v) : null;
  const m = ISO_MONTH.exec(v);
  if (m) {
    const mo = Number(m[2]);
    return mo >= 1 && mo <= 12 ? monthDate(Number(m[1]), mo) : null;
  }
  if (ISO_YEAR.test(v)) return yearDate(Number(v));
  return null;
}

const KIND_WORDS: Readonly<Record<string, VisitKind>> = {
  'official working': 'working',
  'private working': 'private',
  'official select': 'official',
  state: 'state',
  official: 'official',
  offical: 'official',
  working: 'working',
  private: 'private',
  informal: 'private',
  unofficial: 'private',
};
const KIND_RE =
  /\b(official working|private working|official select|state|official|offical|working|private|informal|unofficial)\s+visit\b/i;
const MULTILATERAL_RE = /\battend(?:ed|s|ing)?\b[^.]*\b(summit|conference|ministerial|general assembly|council meeting|nato meeting)\b/i;

/** The kind of visit the remarks state ("Official working visit." → working), else unknown. */
function visitKindFromText(text: string): VisitKind {
  const m = KIND_RE.exec(text);
  if (m) return KIND_WORDS[(m[1] ?? '').toLowerCase()] ?? 'unknown';
  if (MULTILATERAL_RE.test(text)) return 'multilateral';
  return 'unknown';
}

function datasetOfTrip(r: RawTripRecord): HsgDataset | null {
  const role = r.role.toLowerCase();
  if (role === 'president') return 'president';
  if (role === 'secretary') return 'secretary';
  if (/president-travels/.test(r.file)) return 'president';
  if (/secretary-travels/.test(r.file)) return 'secretary';
  return null;
}

const TRAVELLER_TITLE: Record<'president' | 'secretary', string> = { president: 'President', secretary: 'Secretary of State' };

function widen(roles: Map<string, Role>, title: string, country: string | null, from: string, to: string): void {
  const key = `${title}|${country ?? ''}`;
  const r = roles.get(key);
  if (!r) {
    roles.set(key, { title, country, from, to });
    return;
  }
  if (r.from === null || from < r.from) r.from = from;
  if (r.to === null || to > r.to) r.to = to;
}

/** The spelling seen most often, then the longest, then the first in code-point order: stable whatever the file order. */
function preferredSpelling(spellings: Map<string, number>): string {
  return [...spellings.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
}

function legPlace(code: string, part: string): Place {
  const lookup = placeNameForLookup(part);
  // A historical country's places are looked up in its successors: Moscow (SU) is Moscow, RU.
  const where = historicalCountry(code)?.successors ?? [code];
  for (const c of where) {
    const hit = findCity(lookup, c);
    if (hit) return { ...hit, country: code };
  }
  return { country: code, city: part, lat: null, lon: null };
}

/** Imports Office of the Historian XML files. Never throws for bad input: refusals go to `errors`. */
export function importHsg(files: readonly HsgInputFile[], options: HsgImportOptions = {}): HsgImportResult {
  const warnings: string[] = [];
  const errors: string[] = [];
  let warningOverflow = 0;
  const warn = (message: string) => {
    if (warnings.length < MAX_WARNINGS) warnings.push(message);
    else warningOverflow++;
  };
  /** A text kept whole when the model holds it; longer, shortened to what it holds, with a warning naming record and field. */
  const fit = (text: string, max: number, where: string, field: string): string => {
    if (text.length <= max) return text;
    warn(
      `${where}: the ${field} has ${text.length.toLocaleString('en')} characters; Legation keeps ${max.toLocaleString('en')}, so it was shortened.`,
    );
    return text.slice(0, max);
  };
  const counts: HsgCounts = {
    files: files.length,
    filesRefused: 0,
    filesIgnored: 0,
    records: 0,
    visitRecords: 0,
    tripRecords: 0,
    recordsSkipped: 0,
    multiLegRecords: 0,
    extraLegs: 0,
    visits: 0,
    people: 0,
    sources: 0,
  };

  // Files are processed in name order so that "first seen" never depends on how they were picked.
  const ordered = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const total = ordered.reduce((n, f) => n + countHsgRecords(f.text), 0);
  let done = 0;
  const visitRecords: RawVisitRecord[] = [];
  const tripRecords: RawTripRecord[] = [];
  const presidents = new Map<string, RawPresident[]>();
  for (const f of ordered) {
    try {
      const parsed = parseHsgFile(f.name, f.text);
      switch (parsed.kind) {
        case 'visits':
          visitRecords.push(...parsed.records);
          done += parsed.records.length;
          break;
        case 'trips':
          tripRecords.push(...parsed.records);
          done += parsed.records.length;
          break;
        case 'presidents':
          for (const p of parsed.presidents) if (p.who) presidents.set(p.who, [...(presidents.get(p.who) ?? []), p]);
          break;
        case 'other':
          counts.filesIgnored++;
          warn(`${f.name}: not a visits or travels file (its root element is <${parsed.root || '?'}>); ignored.`);
          break;
      }
    } catch (e) {
      counts.filesRefused++;
      errors.push(e instanceof RefusedDocumentError ? e.message : `${f.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
    options.onProgress?.({ stage: 'reading', done, total });
  }
  counts.visitRecords = visitRecords.length;
  counts.tripRecords = tripRecords.length;
  counts.records = visitRecords.length + tripRecords.length;

  const groups = new Map<string, PersonGroup>();
  const group = (key: string, spelling: string, country: string | null, dataset: HsgDataset, where: string): PersonGroup => {
    let g = groups.get(key);
    if (!g) {
      g = { key, spellings: new Map(), country, roles: new Map(), dataset, where };
      groups.set(key, g);
    }
    g.spellings.set(spelling, (g.spellings.get(spelling) ?? 0) + 1);
    return g;
  };
  const usedDatasets = new Set<HsgDataset>();
  const seenIds = new Map<string, string>();
  const unmapped = new Map<string, { text: string; where: string[]; skipped: boolean }>();
  const noteUnmapped = (slug: string, text: string, where: string, skipped: boolean) => {
    const k = `${slug}|${text}|${skipped ? 'skipped' : 'kept'}`;
    const u = unmapped.get(k) ?? { text, where: [], skipped };
    u.where.push(where);
    unmapped.set(k, u);
  };
  const guessed = new Set<string>();

  interface Draft {
    key: string;
    dataset: HsgDataset;
    tag: string;
    travellerKey: string;
    delegationKeys: string[];
    places: Place[];
    kind: VisitKind;
    purpose: string;
    start: FuzzyDate;
    end: FuzzyDate | null;
  }
  const drafts: Draft[] = [];

  const dates = (r: { file: string; id: string; start: string; end: string }): { start: FuzzyDate; end: FuzzyDate | null } | null => {
    const where = `${r.file} record ${r.id}`;
    let start = parseDate(r.start);
    let end = parseDate(r.end);
    if (!start && !end) {
      warn(`${where}: no usable date (start "${r.start}", end "${r.end}"); skipped.`);
      return null;
    }
    if (!start) {
      warn(`${where}: the start date "${r.start}" is not a date; the end date ${r.end} is used as the start.`);
      start = end;
    } else if (!end && r.end !== '') {
      warn(`${where}: the end date "${r.end}" is not a date; kept without an end.`);
    }
    if (!start) return null;
    if (end && end.to < start.from) {
      warn(`${where}: ends (${r.end}) before it starts (${r.start}); kept without an end.`);
      end = null;
    }
    return { start, end };
  };

  const claimId = (kind: string, r: { file: string; id: string }): boolean => {
    const where = `${r.file} record ${r.id || '(no id)'}`;
    if (!/^\d+$/.test(r.id)) {
      warn(`${where}: the record has no numeric id; skipped.`);
      return false;
    }
    const k = `${kind}:${r.id}`;
    const prev = seenIds.get(k);
    if (prev) {
      warn(`${where}: the id ${r.id} is used twice (also in ${prev}); this copy is skipped.`);
      return false;
    }
    seenIds.set(k, r.file);
    return true;
  };

  // Building is two passes (records into drafts, drafts into visits); progress counts each as half of the records.
  const allRecords = visitRecords.length + tripRecords.length;
  let built = 0;
  const builtOne = () => {
    if (++built % HSG_BUILD_PROGRESS_EVERY === 0)
      options.onProgress?.({ stage: 'building', done: Math.floor(built / 2), total: allRecords });
  };
  for (const r of visitRecords) {
    builtOne();
    if (!claimId('visit', r)) {
      counts.recordsSkipped++;
      continue;
    }
    const where = `${r.file} record ${r.id}`;
    const d = dates(r);
    if (!d) {
      counts.recordsSkipped++;
      continue;
    }
    const match = mapHsgCountry(r.fromSlug, r.fromText, d.start.from);
    if (!match) noteUnmapped(r.fromSlug, r.fromText, where, false);
    else if (match.via === 'guess') guessed.add(`"${r.fromSlug}" ("${r.fromText}") read as ${match.code} (${where} and others)`);
    const country = match?.code ?? null;
    const people: ParsedName[] = splitVisitors(r.visitor).filter((p) => p.name !== '');
    if (people.length === 0) {
      warn(`${where}: no visitor named; skipped.`);
      counts.recordsSkipped++;
      continue;
    }
    const keys = people.map((p) => {
      const key = `visitor|${country ?? '??'}|${nameKey(p.name)}`;
      const g = group(key, p.name, country, 'visits', where);
      if (p.title) widen(g.roles, p.title, country, d.start.from, (d.end ?? d.start).to);
      return key;
    });
    usedDatasets.add('visits');
    drafts.push({
      key: `visits:${r.id}`,
      dataset: 'visits',
      tag: `hsg:visit:${r.id}`,
      travellerKey: keys[0] ?? '',
      delegationKeys: keys.slice(1),
      places: [{ country: 'US', city: null, lat: null, lon: null }],
      kind: visitKindFromText(r.description),
      purpose: fit(r.description, TEXT_LIMITS.purpose, where, 'description'),
      ...d,
    });
  }

  for (const r of tripRecords) {
    builtOne();
    if (!claimId('trip', r)) {
      counts.recordsSkipped++;
      continue;
    }
    const where = `${r.file} record ${r.id}`;
    const dataset = datasetOfTrip(r);
    if (!dataset || dataset === 'visits') {
      warn(`${where}: the traveller's role "${r.role}" is neither president nor secretary; skipped.`);
      counts.recordsSkipped++;
      continue;
    }
    const d = dates(r);
    if (!d) {
      counts.recordsSkipped++;
      continue;
    }
    const match = mapHsgCountry(r.countrySlug, r.countryText, d.start.from);
    if (!match) {
      noteUnmapped(r.countrySlug, r.countryText, where, true);
      counts.recordsSkipped++;
      continue;
    }
    if (match.via === 'guess') guessed.add(`"${r.countrySlug}" ("${r.countryText}") read as ${match.code} (${where} and others)`);
    if (r.name === '' && r.who === '') {
      warn(`${where}: no traveller named; skipped.`);
      counts.recordsSkipped++;
      continue;
    }
    const key = `traveller|${r.who || nameKey(r.name)}`;
    const g = group(key, r.name || r.who, 'US', dataset, where);
    widen(g.roles, TRAVELLER_TITLE[dataset], 'US', d.start.from, (d.end ?? d.start).to);
    const parts = splitLocale(r.locale);
    const places = parts.length
      ? parts
          .map((p) => legPlace(match.code, p))
          .map((pl) => (pl.city ? { ...pl, city: fit(pl.city, TEXT_LIMITS.city, where, 'place') } : pl))
      : [{ country: match.code, city: null, lat: null, lon: null }];
    if (places.length > 1) {
      counts.multiLegRecords++;
      counts.extraLegs += places.length - 1;
    }
    usedDatasets.add(dataset);
    drafts.push({
      key: `trips:${r.id}`,
      dataset,
      tag: `hsg:trip:${r.id}`,
      travellerKey: key,
      delegationKeys: [],
      places,
      kind: visitKindFromText(r.remarks),
      purpose: fit(r.remarks, TEXT_LIMITS.purpose, where, 'remarks'),
      ...d,
    });
  }

  for (const [k, u] of unmapped) {
    const slug = k.split('|')[0] ?? '';
    const first = u.where[0] ?? '';
    const more = u.where.length > 1 ? ` and ${u.where.length - 1} more` : '';
    warn(
      u.skipped
        ? `Unknown country "${slug}" ("${u.text}") in ${first}${more}: ${u.where.length === 1 ? 'record' : 'records'} skipped.`
        : `Unknown country "${slug}" ("${u.text}") in ${first}${more}: imported without the visitor's country.`,
    );
  }
  for (const g of guessed) warn(`Country guessed from its spelling: ${g}; check it.`);

  // Sources: one per data set that contributed records.
  const sourceIds = new Map<HsgDataset, string>();
  const sources: Source[] = [];
  for (const ds of ['visits', 'president', 'secretary'] as const) {
    if (!usedDatasets.has(ds)) continue;
    const info = HSG_DATASETS[ds];
    const id = stableUuid(`legation:hsg:source:${ds}`);
    sourceIds.set(ds, id);
    sources.push({
      id,
      createdAt: HSG_IMPORT_TIMESTAMP,
      updatedAt: HSG_IMPORT_TIMESTAMP,
      deletedAt: null,
      kind: 'dataset',
      title: info.title,
      publisher: HSG_PUBLISHER,
      url: info.url,
      datelinePlace: null,
      publishedOn: null,
      text: info.text,
    });
  }

  // People.
  const personIds = new Map<string, string>();
  const people: Person[] = [];
  for (const g of [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    const id = stableUuid(`legation:hsg:person:${g.key}`);
    personIds.set(g.key, id);
    const spelling = preferredSpelling(g.spellings);
    const name = fit(spelling, TEXT_LIMITS.name, g.where, 'name');
    const aliases = [...g.spellings.keys()]
      .filter((s) => s !== spelling)
      .sort()
      .slice(0, 50)
      .map((s) => fit(s, TEXT_LIMITS.alias, g.where, 'name'));
    let roles = [...g.roles.values()];
    const who = g.key.startsWith('traveller|') ? g.key.slice('traveller|'.length) : '';
    // presidents.xml, when imported too, dates the office by the terms (two for Cleveland and Trump).
    const terms = g.dataset === 'president' ? (presidents.get(who) ?? []).filter((t) => isValidDay(t.tookOffice)) : [];
    if (terms.length) {
      roles = [
        ...roles.filter((r) => r.title !== 'President'),
        ...terms.map((t): Role => ({
          title: 'President',
          country: 'US',
          from: t.tookOffice,
          to: isValidDay(t.leftOffice) ? t.leftOffice : null,
        })),
      ];
    }
    roles.sort((a, b) => ((a.from ?? '') < (b.from ?? '') ? -1 : (a.from ?? '') > (b.from ?? '') ? 1 : a.title < b.title ? -1 : 1));
    people.push({
      id,
      createdAt: HSG_IMPORT_TIMESTAMP,
      updatedAt: HSG_IMPORT_TIMESTAMP,
      deletedAt: null,
      name,
      aliases,
      roles: roles.slice(0, 50),
      country: g.country,
      note: `Imported from ${HSG_DATASETS[g.dataset].title}.`,
    });
  }

  // Visits, one per leg.
  const visits: Visit[] = [];
  let finished = 0;
  for (const d of drafts) {
    if (++finished % HSG_BUILD_PROGRESS_EVERY === 0) {
      options.onProgress?.({
        stage: 'building',
        done: Math.floor(allRecords / 2 + (finished / drafts.length) * (allRecords / 2)),
        total: allRecords,
      });
    }
    const sourceId = sourceIds.get(d.dataset) ?? null;
    const tourId = d.places.length > 1 ? stableUuid(`legation:hsg:tour:${d.key}`) : null;
    const travellerId = personIds.get(d.travellerKey) ?? '';
    const delegationIds = [...new Set(d.delegationKeys.map((k) => personIds.get(k) ?? ''))].filter((x) => x !== '' && x !== travellerId);
    d.places.forEach((place, leg) => {
      const visitKey = `legation:hsg:visit:${d.key}:${leg}`;
      const first: StatusChange = {
        id: stableUuid(`${visitKey}:status:0`),
        status: 'completed',
        from: null,
        on: d.start.from,
        reason: '',
        sourceId,
        start: d.start,
        end: d.end,
        recordedAt: HSG_IMPORT_TIMESTAMP,
      };
      visits.push({
        id: stableUuid(visitKey),
        createdAt: HSG_IMPORT_TIMESTAMP,
        updatedAt: HSG_IMPORT_TIMESTAMP,
        deletedAt: null,
        travellerId,
        delegationIds,
        hostIds: [],
        place,
        kind: d.kind,
        purpose: d.purpose,
        start: d.start,
        end: d.end,
        status: 'completed',
        statusHistory: [first],
        tourId,
        tags: [d.tag],
        sourceIds: sourceId ? [sourceId] : [],
        startKey: d.start.from,
      });
    });
  }

  counts.visits = visits.length;
  counts.people = people.length;
  counts.sources = sources.length;
  if (warningOverflow > 0) warnings.push(`…and ${warningOverflow} more warnings.`);
  return { people, visits, sources, warnings, errors, counts };
}
