/**
 * The search index's documents: one per visit, person, source, note and event. A document holds
 * the text the index reads (fields) and everything a result row and the facets need (stored
 * fields), so answering a query needs no database reads.
 */
import {
  dayLabel,
  formatFuzzyDate,
  formatVisitDates,
  noteTitle,
  placeLabel,
  type ContextEvent,
  type Note,
  type Person,
  type Source,
  type Visit,
  visitTitle,
} from '../model';
import { countryByCode, countryName } from '../places';

export const SEARCH_TYPES = ['visit', 'person', 'source', 'note', 'event'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** Characters of a source's text that are indexed: the lead and body of an article, not a whole book. */
const SOURCE_TEXT_INDEXED = 20_000;

/** Characters of a long text kept in the index for the result's excerpt. */
const SNIPPET_STORED = 600;

export interface SearchDoc {
  /** `${type}:${recordId}`: unique across tables. */
  id: string;
  type: SearchType;
  recordId: string;
  /** The result's first line: "Mustafa al-Kadhemi → Iran, Tehran", a person's name, a source's title. */
  title: string;
  /** The second line: dates, role, publisher. */
  subtitle: string;
  /** Start of a long text (purpose, note body, source text, event description) for the excerpt. */
  snippet: string;
  /** Hash route of the record ("#/visits/<id>"). */
  href: string;
  // Facets ('' when the record has none).
  status: string;
  country: string;
  travellerId: string;
  traveller: string;
  kind: string;
  year: string;
  // Indexed text only (not stored).
  names: string;
  place: string;
  text: string;
  tags: string;
}

/** Fields kept in the index and returned with each hit. */
export const STORED_FIELDS = [
  'type',
  'recordId',
  'title',
  'subtitle',
  'snippet',
  'href',
  'status',
  'country',
  'travellerId',
  'traveller',
  'kind',
  'year',
] as const;

export type StoredDoc = Pick<SearchDoc, (typeof STORED_FIELDS)[number]>;

/** The people a visit names, by id (traveller, hosts): their names are searchable on the visit. */
export type PeopleById = ReadonlyMap<string, Pick<Person, 'name' | 'aliases'>>;

function names(p: Pick<Person, 'name' | 'aliases'> | undefined): string {
  return p ? [p.name, ...p.aliases].join(' ; ') : '';
}

function countryWords(code: string): string {
  const c = countryByCode(code);
  if (!c) return `${countryName(code)} ${code}`;
  return [c.name, c.code, ...c.demonyms].join(' ; ');
}

function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

const yearOf = (day: string | null | undefined): string => (day ? day.slice(0, 4) : '');

export function visitDoc(v: Visit, people: PeopleById): SearchDoc {
  const traveller = people.get(v.travellerId);
  const hosts = v.hostIds.map((id) => people.get(id)).filter((p) => p !== undefined);
  const title = visitTitle(traveller, v.place);
  return {
    id: `visit:${v.id}`,
    type: 'visit',
    recordId: v.id,
    title,
    subtitle: formatVisitDates(v.start, v.end),
    snippet: clip(v.purpose, SNIPPET_STORED),
    href: `#/visits/${v.id}`,
    status: v.status,
    country: v.place.country,
    travellerId: v.travellerId,
    traveller: traveller?.name ?? '',
    kind: v.kind === 'unknown' ? '' : v.kind,
    year: yearOf(v.start?.from),
    names: [names(traveller), ...hosts.map(names)].join(' ; '),
    place: [countryWords(v.place.country), v.place.city ?? ''].join(' ; '),
    text: v.purpose,
    tags: v.tags.join(' ; '),
  };
}

export function personDoc(p: Person): SearchDoc {
  const roles = p.roles.map((r) => (r.country ? `${r.title} (${countryName(r.country)})` : r.title));
  return {
    id: `person:${p.id}`,
    type: 'person',
    recordId: p.id,
    title: p.name,
    subtitle: [roles[roles.length - 1] ?? '', p.aliases.length ? `also ${p.aliases.join(', ')}` : ''].filter(Boolean).join(' · '),
    snippet: clip(p.note, SNIPPET_STORED),
    href: `#/people/${p.id}`,
    status: '',
    country: p.country ?? '',
    travellerId: '',
    traveller: '',
    kind: '',
    year: '',
    names: names(p),
    place: p.country ? countryWords(p.country) : '',
    text: [...roles, p.note].join(' ; '),
    tags: '',
  };
}

export function sourceDoc(s: Source): SearchDoc {
  return {
    id: `source:${s.id}`,
    type: 'source',
    recordId: s.id,
    title: s.title,
    subtitle: [s.publisher ?? '', s.publishedOn ? dayLabel(s.publishedOn) : ''].filter(Boolean).join(' · '),
    snippet: clip(s.text, SNIPPET_STORED),
    href: `#/sources/${s.id}`,
    status: '',
    country: s.datelinePlace?.country ?? '',
    travellerId: '',
    traveller: '',
    kind: '',
    year: yearOf(s.publishedOn),
    names: s.publisher ?? '',
    place: s.datelinePlace ? [countryWords(s.datelinePlace.country), s.datelinePlace.city ?? ''].join(' ; ') : '',
    text: clip(s.text, SOURCE_TEXT_INDEXED),
    tags: '',
  };
}

export function noteDoc(n: Note): SearchDoc {
  const title = noteTitle(n.body);
  return {
    id: `note:${n.id}`,
    type: 'note',
    recordId: n.id,
    title,
    subtitle: `Note · edited ${dayLabel(n.updatedAt.slice(0, 10))}`,
    snippet: clip(n.body, SNIPPET_STORED),
    href: `#/notes/${n.id}`,
    status: '',
    country: '',
    travellerId: '',
    traveller: '',
    kind: '',
    year: yearOf(n.updatedAt),
    names: '',
    place: '',
    text: n.body,
    tags: '',
  };
}

export function eventDoc(e: ContextEvent): SearchDoc {
  return {
    id: `event:${e.id}`,
    type: 'event',
    recordId: e.id,
    title: e.title,
    subtitle: [formatFuzzyDate(e.date), e.place ? placeLabel(e.place) : ''].filter(Boolean).join(' · '),
    snippet: clip(e.description, SNIPPET_STORED),
    href: `#/timeline?event=${e.id}`,
    status: '',
    country: e.place?.country ?? '',
    travellerId: '',
    traveller: '',
    kind: '',
    year: yearOf(e.date.from),
    names: '',
    place: e.place ? [countryWords(e.place.country), e.place.city ?? ''].join(' ; ') : '',
    text: e.description,
    tags: '',
  };
}

/**
 * A short fingerprint of a document (FNV-1a over its JSON): tells whether a record changed in
 * what the index holds, when a bulk write (import, restore) kept its old updatedAt.
 */
export function docFingerprint(doc: SearchDoc): string {
  let h = 0x811c9dc5;
  for (const key of FINGERPRINT_FIELDS) {
    const s = doc[key];
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h = Math.imul(h ^ 0x1f, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

const FINGERPRINT_FIELDS = [
  'id',
  'type',
  'title',
  'subtitle',
  'snippet',
  'href',
  'status',
  'country',
  'travellerId',
  'traveller',
  'kind',
  'year',
  'names',
  'place',
  'text',
  'tags',
] as const satisfies readonly (keyof SearchDoc)[];
