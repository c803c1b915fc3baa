/**
 * Reads one Office of the Historian XML file into plain records. Pure: the text comes in, records
 * (or a refusal naming the file) come out. Three kinds of file are understood:
 * - `<visits><visit>…` (visits/*.xml): visits of foreign leaders to the United States;
 * - `<trips><trip role who>…` (travels/president-travels, travels/secretary-travels);
 * - `<presidents><president>…` (travels/presidents/presidents.xml): terms of office, used to date
 *   the presidents' roles.
 */
import { XMLParser } from 'fast-xml-parser';
import { RefusedDocumentError, assertNoDtd, decodeXmlText } from '../xml-safety';

export interface RawVisitRecord {
  type: 'visit';
  file: string;
  id: string;
  start: string;
  end: string;
  visitor: string;
  fromSlug: string;
  fromText: string;
  description: string;
}

export interface RawTripRecord {
  type: 'trip';
  file: string;
  id: string;
  /** "president" or "secretary". */
  role: string;
  /** The traveller's stable id in the data set, e.g. "obama-barack". */
  who: string;
  name: string;
  start: string;
  end: string;
  countrySlug: string;
  countryText: string;
  locale: string;
  remarks: string;
}

export interface RawPresident {
  who: string;
  name: string;
  tookOffice: string;
  leftOffice: string;
}

export type ParsedHsgFile =
  | { kind: 'visits'; records: RawVisitRecord[] }
  | { kind: 'trips'; records: RawTripRecord[] }
  | { kind: 'presidents'; presidents: RawPresident[] }
  | { kind: 'other'; root: string };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Entities stay as written; decodeXmlText decodes the predefined ones and character references.
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name, jpath) => jpath === 'visits.visit' || jpath === 'trips.trip' || jpath === 'presidents.president',
});

/** The text of an element as fast-xml-parser gives it: a string, or an object with '#text'. */
function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return decodeXmlText(value).replace(/\s+/g, ' ').trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'object') return textOf((value as Record<string, unknown>)['#text']);
  return '';
}

function attrOf(value: unknown, name: string): string {
  if (value && typeof value === 'object' && !Array.isArray(value)) return textOf((value as Record<string, unknown>)[`@_${name}`]);
  if (Array.isArray(value)) return attrOf(value[0], name);
  return '';
}

function child(obj: unknown, name: string): unknown {
  return obj && typeof obj === 'object' && !Array.isArray(obj) ? (obj as Record<string, unknown>)[name] : undefined;
}

function asRecords(value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v));
}

/** Counts record elements cheaply (for progress before parsing). */
export function countHsgRecords(text: string): number {
  let n = 0;
  const re = /<(visit|trip)[\s>]/g;
  while (re.exec(text)) n++;
  return n;
}

/**
 * The parser's message ("Start tag expected.:1:undefined") in words: "Start tag expected, at line 1"
 * (an empty file has no column).
 */
function xmlErrorDetail(message: string): string {
  const first = message.split('\n')[0] ?? message;
  const m = /^(.*?)\.?:(\d+):(\d+|undefined)$/.exec(first);
  if (!m) return first;
  return `${m[1] ?? first}, at line ${m[2] ?? '?'}${m[3] === 'undefined' ? '' : `, column ${m[3] ?? '?'}`}`;
}

/**
 * Parses one file. Throws RefusedDocumentError (naming the file) for a DTD or ENTITY declaration,
 * for text that is not well-formed XML, and for a root element it does not know.
 */
export function parseHsgFile(fileName: string, text: string): ParsedHsgFile {
  assertNoDtd(fileName, text);
  let doc: unknown;
  try {
    doc = parser.parse(text, true);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new RefusedDocumentError(fileName, `not well-formed XML (${xmlErrorDetail(detail)}).`);
  }
  if (typeof doc !== 'object' || doc === null) throw new RefusedDocumentError(fileName, 'empty or not XML.');
  const root = doc as Record<string, unknown>;
  if ('visits' in root) {
    const visits = asRecords(child(root.visits, 'visit'));
    return {
      kind: 'visits',
      records: visits.map((v) => ({
        type: 'visit',
        file: fileName,
        id: textOf(v.id),
        start: textOf(v['start-date']),
        end: textOf(v['end-date']),
        visitor: textOf(v.visitor),
        fromSlug: attrOf(v.from, 'id'),
        fromText: textOf(v.from),
        description: textOf(v.description),
      })),
    };
  }
  if ('trips' in root) {
    const trips = asRecords(child(root.trips, 'trip'));
    return {
      kind: 'trips',
      records: trips.map((t) => ({
        type: 'trip',
        file: fileName,
        id: textOf(t.id),
        role: textOf(t.role) || textOf(t['@_role']),
        who: textOf(t['@_who']),
        name: textOf(t.name),
        start: textOf(t['start-date']),
        end: textOf(t['end-date']),
        countrySlug: attrOf(t.country, 'id'),
        countryText: textOf(t.country),
        locale: textOf(t.locale),
        remarks: textOf(t.remarks),
      })),
    };
  }
  if ('presidents' in root) {
    const list = asRecords(child(root.presidents, 'president'));
    return {
      kind: 'presidents',
      presidents: list.map((p) => ({
        who: textOf(p.id),
        name: textOf(p.name),
        tookOffice: textOf(p['took-office-date']),
        leftOffice: textOf(p['left-office-date']),
      })),
    };
  }
  const names = Object.keys(root).filter((k) => !k.startsWith('?') && !k.startsWith('#'));
  return { kind: 'other', root: names[0] ?? '' };
}
