/**
 * Reads one Office of the Historian XML file into plain records. Pure: the text comes in, records
 * (or a refusal naming the file) come out. Three kinds of file are understood:
 * - `<visits><visit>…` (visits/*.xml): visits of foreign leaders to the United States;
 * - `<trips><trip role who>…` (travels/president-travels, travels/secretary-travels);
 * - `<presidents><president>…` (travels/presidents/presidents.xml): terms of office, used to date
 *   the presidents' roles.
 */
import { SaxesParser } from 'saxes';
import { RefusedDocumentError, assertNoDtd } from '../xml-safety';

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

/** The record element of each root the importer knows. */
const RECORD_OF: Readonly<Record<string, string>> = { visits: 'visit', trips: 'trip', presidents: 'president' };

/**
 * What saxes reports but the importer reads through, keeping the text as written: a reference to
 * an entity no DTD declares ("&nbsp;"), or to a character XML forbids ("&#0;"), and a forbidden
 * character itself. One such slip in a 500-record file should not refuse the file.
 */
const TOLERATED = new Set(['undefined entity.', 'malformed character entity.', 'disallowed character.']);

/** saxes' reasons that say more in other words (the rest are clear as they are: "unclosed tag: visit."). */
const IN_WORDS: Readonly<Record<string, string>> = {
  'document must contain a root element.': 'there is no root element: the file is empty or not XML',
  'text data outside of root node.': 'text outside the root element, so this is not an XML document',
};

/** One record element: its attributes, and the text of each child element (the first of each name). */
interface RawElement {
  attrs: Record<string, string>;
  fields: Map<string, { text: string; attrs: Record<string, string> }>;
}

/** Whitespace runs (newlines and indentation included) become one space; the ends are trimmed. */
function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Reads the document's root name and its record elements (`<visit>`, `<trip>`, `<president>`)
 * in one pass, with no tree: saxes checks that the text is well-formed XML and decodes the
 * predefined entities and character references (a document with a DTD never gets here:
 * assertNoDtd refuses it first, and saxes expands no declared entity anyway). A field's text is
 * all the text inside it, nested elements and CDATA included.
 */
function readRecords(fileName: string, text: string): { root: string; records: RawElement[] } {
  const parser = new SaxesParser();
  let root = '';
  let record = '';
  let depth = 0;
  let current: RawElement | null = null;
  let field: { name: string; attrs: Record<string, string> } | null = null;
  let buffer = '';
  const records: RawElement[] = [];
  parser.on('error', (err) => {
    const reason = err.message.replace(/^\d+:\d+: /, '');
    if (TOLERATED.has(reason)) return;
    // saxes' column is that of the next character to read: the one it stopped on, counted from 1.
    const where = `, at line ${parser.line}${parser.column > 0 ? `, column ${parser.column}` : ''}`;
    throw new RefusedDocumentError(fileName, `not well-formed XML (${IN_WORDS[reason] ?? reason.replace(/\.$/, '')}${where}).`);
  });
  parser.on('opentag', (tag) => {
    depth++;
    if (depth === 1) {
      root = tag.name;
      record = RECORD_OF[root] ?? '';
    } else if (depth === 2 && tag.name === record) {
      current = { attrs: tag.attributes, fields: new Map() };
    } else if (depth === 3 && current) {
      field = { name: tag.name, attrs: tag.attributes };
      buffer = '';
    }
  });
  const onText = (t: string): void => {
    if (field) buffer += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    if (depth === 3 && field && current) {
      if (!current.fields.has(field.name)) current.fields.set(field.name, { text: clean(buffer), attrs: field.attrs });
      field = null;
    } else if (depth === 2 && current) {
      records.push(current);
      current = null;
    }
    depth--;
  });
  parser.write(text).close();
  return { root, records };
}

/** Counts record elements cheaply (for progress before parsing). */
export function countHsgRecords(text: string): number {
  let n = 0;
  const re = /<(visit|trip)[\s>]/g;
  while (re.exec(text)) n++;
  return n;
}

/**
 * Parses one file. Throws RefusedDocumentError (naming the file) for a DTD or ENTITY declaration,
 * for text that is not well-formed XML, and for a root element it does not know.
 */
export function parseHsgFile(fileName: string, text: string): ParsedHsgFile {
  assertNoDtd(fileName, text);
  const { root, records } = readRecords(fileName, text);
  const field = (r: RawElement, name: string): string => r.fields.get(name)?.text ?? '';
  const attr = (r: RawElement, name: string, at: string): string => clean(r.fields.get(name)?.attrs[at] ?? '');
  if (root === 'visits') {
    return {
      kind: 'visits',
      records: records.map((v) => ({
        type: 'visit',
        file: fileName,
        id: field(v, 'id'),
        start: field(v, 'start-date'),
        end: field(v, 'end-date'),
        visitor: field(v, 'visitor'),
        fromSlug: attr(v, 'from', 'id'),
        fromText: field(v, 'from'),
        description: field(v, 'description'),
      })),
    };
  }
  if (root === 'trips') {
    return {
      kind: 'trips',
      records: records.map((t) => ({
        type: 'trip',
        file: fileName,
        id: field(t, 'id'),
        role: field(t, 'role') || clean(t.attrs.role ?? ''),
        who: clean(t.attrs.who ?? ''),
        name: field(t, 'name'),
        start: field(t, 'start-date'),
        end: field(t, 'end-date'),
        countrySlug: attr(t, 'country', 'id'),
        countryText: field(t, 'country'),
        locale: field(t, 'locale'),
        remarks: field(t, 'remarks'),
      })),
    };
  }
  if (root === 'presidents') {
    return {
      kind: 'presidents',
      presidents: records.map((p) => ({
        who: field(p, 'id'),
        name: field(p, 'name'),
        tookOffice: field(p, 'took-office-date'),
        leftOffice: field(p, 'left-office-date'),
      })),
    };
  }
  return { kind: 'other', root };
}
