import {
  noteTargetKey,
  type ContextEvent,
  type Evidence,
  type Meeting,
  type Note,
  type Person,
  type Source,
  type Visit,
} from '../model/schemas';
import { countryByCode, historicalCountry } from '../places';

/**
 * The integrity of records beyond what each record's schema can see (the schemas already hold a
 * name to a visible letter and a status history to date order): every reference points at a
 * record of the right table, note targets agree with their keys, country codes are countries
 * (today's or historical ones), evidence quotes are found in their source.
 *
 * One set of rules, two entry points: `checkIntegrity` for a whole set of records (restore, the
 * command line's merge and reports), and `checkRecord` for the records one write stores (every
 * form, import and merge of the app, inside its write transaction, with the records they
 * reference as the database holds them: see renderer/db/integrity.ts). Each problem names the
 * table, the record and the field.
 */
export interface IntegrityTables {
  people: readonly Person[];
  sources: readonly Source[];
  visits: readonly Visit[];
  meetings: readonly Meeting[];
  events: readonly ContextEvent[];
  evidence: readonly Evidence[];
  notes: readonly Note[];
}

export type IntegrityTable = keyof IntegrityTables;

/** A record of a table, by the table's name. */
export interface IntegrityRecords {
  people: Person;
  sources: Source;
  visits: Visit;
  meetings: Meeting;
  events: ContextEvent;
  evidence: Evidence;
  notes: Note;
}

/**
 * Where a reference points: a table, or an entry of a visit's status history (evidence can
 * support one; the record found for it is the visit that holds it).
 */
export type ReferenceTarget = 'people' | 'sources' | 'visits' | 'meetings' | 'events' | 'statusChange';

export interface Reference {
  target: ReferenceTarget;
  id: string;
  /** The field's path in the record, as the forms name their fields: "hostIds", "statusHistory.1.sourceId". */
  field: string;
  /** How messages name it: "host", "status change 2's source". */
  label: string;
  /**
   * Must be a live record even if the record held it before: a live visit's traveller. Other
   * references may keep pointing at a record deleted since (a host deleted later stays named),
   * but a write may not add one to a deleted record.
   */
  live?: boolean;
}

/** What the check needs of a referenced record: that it exists, whether it is deleted; a source's text for evidence. */
export interface ReferencedRecord {
  id: string;
  deletedAt: string | null;
  text?: string;
}

export interface IntegrityProblem {
  table: IntegrityTable;
  /** The id of the record at fault. */
  id: string;
  /** The field's path in the record (see Reference.field). */
  field: string;
  /** A sentence naming the table, the record and the field. */
  message: string;
}

/** Table names as messages say them. */
export const RECORD_LABELS: Record<IntegrityTable, string> = {
  people: 'Person',
  sources: 'Source',
  visits: 'Visit',
  meetings: 'Meeting',
  events: 'Event',
  evidence: 'Evidence',
  notes: 'Note',
};

/** A country code Legation knows: one of today's, or a historical one such as SU or YU. */
export function isKnownCountry(code: string): boolean {
  return countryByCode(code) !== null || historicalCountry(code) !== null;
}

const EVIDENCE_TARGET: Record<Evidence['recordType'], ReferenceTarget> = {
  visit: 'visits',
  person: 'people',
  meeting: 'meetings',
  event: 'events',
  statusChange: 'statusChange',
};

/** Every reference a record makes to another record, with its field. */
export function referencesOf<T extends IntegrityTable>(table: T, record: IntegrityRecords[T]): Reference[] {
  const refs: Reference[] = [];
  const each = (target: ReferenceTarget, field: string, label: string, ids: readonly string[]) =>
    ids.forEach((id, k) => refs.push({ target, id, field: `${field}.${k}`, label }));
  switch (table) {
    case 'visits': {
      const v = record as Visit;
      refs.push({ target: 'people', id: v.travellerId, field: 'travellerId', label: 'traveller', live: true });
      each('people', 'delegationIds', 'delegation member', v.delegationIds);
      each('people', 'hostIds', 'host', v.hostIds);
      each('sources', 'sourceIds', 'source', v.sourceIds);
      v.statusHistory.forEach((c, k) => {
        if (c.sourceId)
          refs.push({ target: 'sources', id: c.sourceId, field: `statusHistory.${k}.sourceId`, label: `status change ${k + 1}'s source` });
      });
      break;
    }
    case 'meetings': {
      const m = record as Meeting;
      if (m.visitId) refs.push({ target: 'visits', id: m.visitId, field: 'visitId', label: 'visit' });
      each('people', 'participantIds', 'participant', m.participantIds);
      m.quotes.forEach((q, k) => {
        if (q.personId) refs.push({ target: 'people', id: q.personId, field: `quotes.${k}.personId`, label: `quote ${k + 1}'s speaker` });
        if (q.sourceId) refs.push({ target: 'sources', id: q.sourceId, field: `quotes.${k}.sourceId`, label: `quote ${k + 1}'s source` });
      });
      break;
    }
    case 'events': {
      const e = record as ContextEvent;
      each('people', 'personIds', 'person', e.personIds);
      each('sources', 'sourceIds', 'source', e.sourceIds);
      break;
    }
    case 'evidence': {
      const e = record as Evidence;
      refs.push({ target: EVIDENCE_TARGET[e.recordType], id: e.recordId, field: 'recordId', label: `the ${e.recordType}` });
      refs.push({ target: 'sources', id: e.sourceId, field: 'sourceId', label: 'source' });
      break;
    }
    case 'notes': {
      const n = record as Note;
      if (n.target)
        refs.push({
          target: n.target.type === 'visit' ? 'visits' : 'people',
          id: n.target.id,
          field: 'target',
          label: `the ${n.target.type}`,
        });
      break;
    }
  }
  return refs;
}

/** The country codes a record holds, with their fields. */
function countriesOf<T extends IntegrityTable>(table: T, record: IntegrityRecords[T]): { field: string; label: string; code: string }[] {
  const out: { field: string; label: string; code: string }[] = [];
  const add = (field: string, label: string, code: string | null | undefined) => {
    if (code) out.push({ field, label, code });
  };
  switch (table) {
    case 'people': {
      const p = record as Person;
      add('country', 'country', p.country);
      p.roles.forEach((r, k) => add(`roles.${k}.country`, `role ${k + 1}'s country`, r.country));
      break;
    }
    case 'visits':
      add('place.country', 'host country', (record as Visit).place.country);
      break;
    case 'meetings':
      add('place.country', 'country', (record as Meeting).place?.country);
      break;
    case 'events':
      add('place.country', 'country', (record as ContextEvent).place?.country);
      break;
    case 'sources':
      add('datelinePlace.country', "dateline's country", (record as Source).datelinePlace?.country);
      break;
  }
  return out;
}

export interface CheckRecordOptions {
  /**
   * How the record is named at the start of each message. Default: "Visit 1f2e…" (table and id);
   * a backup says "visits[3] (visit 1f2e…)".
   */
  where?: string;
  /** What a missing record is missing from: "your data" (default) or "the backup". */
  scope?: 'data' | 'backup';
  /**
   * The record as stored before this write, if any: references it already held may point at a
   * record deleted since (except `live` ones); new ones may not.
   */
  before?: IntegrityRecords[IntegrityTable] | null;
}

/**
 * The problems of one record: `found(ref)` is the referenced record as it stands (in the same
 * write's transaction, or in the same backup), undefined when there is none. Pure: the caller
 * reads the references (`referencesOf`) the way its storage allows.
 */
export function checkRecord<T extends IntegrityTable>(
  table: T,
  record: IntegrityRecords[T],
  found: (ref: Reference) => ReferencedRecord | undefined,
  options: CheckRecordOptions = {},
): IntegrityProblem[] {
  const problems: IntegrityProblem[] = [];
  const where = options.where ?? `${RECORD_LABELS[table]} ${record.id}`;
  const missing =
    options.scope === 'backup' ? 'is not in the backup' : 'does not exist in your data (it may have been deleted in another window)';
  const add = (field: string, message: string) => problems.push({ table, id: record.id, field, message: `${where}: ${message}` });
  // A record written for the first time holds nothing yet: every reference it makes is new.
  const held = new Set(options.before ? referencesOf(table, options.before as IntegrityRecords[T]).map((r) => `${r.target}:${r.id}`) : []);
  const recordLive = !record.deletedAt;

  for (const ref of referencesOf(table, record)) {
    const hit = found(ref);
    if (table === 'evidence' && ref.field === 'recordId') {
      if (!hit) add(ref.field, `${ref.label} ${ref.id} it supports ${missing}.`);
      continue;
    }
    if (table === 'notes') {
      if (!hit) add(ref.field, `${ref.label} ${ref.id} it is attached to ${missing}.`);
      else if (hit.deletedAt && recordLive && !held.has(`${ref.target}:${ref.id}`))
        add(ref.field, `${ref.label} ${ref.id} it is attached to has been deleted.`);
      continue;
    }
    if (!hit) add(ref.field, `${ref.label} ${ref.id} ${missing}.`);
    else if (hit.deletedAt && recordLive && (ref.live || !held.has(`${ref.target}:${ref.id}`)))
      add(
        ref.field,
        ref.live
          ? `${ref.label} ${ref.id} is deleted, but the ${RECORD_LABELS[table].toLowerCase()} is not.`
          : `${ref.label} ${ref.id} has been deleted.`,
      );
    else if (table === 'evidence' && ref.field === 'sourceId') {
      const e = record as Evidence;
      if (typeof hit.text === 'string' && hit.text.slice(e.start, e.end) !== e.quote)
        add('quote', `the quote is not found at characters ${e.start}–${e.end} of its source.`);
    }
  }
  if (table === 'notes') {
    const n = record as Note;
    const key = noteTargetKey(n.target);
    if (n.targetKey !== key) add('targetKey', `its target key "${n.targetKey}" does not match its target ("${key}").`);
  }
  for (const c of countriesOf(table, record)) {
    if (!isKnownCountry(c.code)) add(c.field, `${c.label} "${c.code}" is not a country code Legation knows.`);
  }
  return problems;
}

/** Lookups of a whole set of records, by reference target. */
function indexTables(t: IntegrityTables): (ref: Reference) => ReferencedRecord | undefined {
  const byId = <R extends ReferencedRecord>(rows: readonly R[]) => new Map<string, ReferencedRecord>(rows.map((r) => [r.id, r]));
  const maps: Record<Exclude<ReferenceTarget, 'statusChange'>, Map<string, ReferencedRecord>> = {
    people: byId(t.people),
    sources: byId(t.sources),
    visits: byId(t.visits),
    meetings: byId(t.meetings),
    events: byId(t.events),
  };
  const changes = new Map<string, ReferencedRecord>(t.visits.flatMap((v) => v.statusHistory.map((c) => [c.id, v] as const)));
  return (ref) => (ref.target === 'statusChange' ? changes : maps[ref.target]).get(ref.id);
}

/**
 * The problems of a whole set of records (a backup, a merge of two): every record's
 * `checkRecord`, its references looked up in the same set. Messages name the record by its
 * position: "visits[3] (visit …)".
 */
export function checkIntegrity(t: IntegrityTables, limit = Infinity): string[] {
  const errors: string[] = [];
  const found = indexTables(t);
  const tables: IntegrityTable[] = ['people', 'sources', 'visits', 'meetings', 'events', 'evidence', 'notes'];
  for (const table of tables) {
    const rows = t[table] as readonly IntegrityRecords[IntegrityTable][];
    for (let i = 0; i < rows.length && errors.length < limit; i++) {
      const r = rows[i]!;
      const where = `${table}[${i}] (${RECORD_LABELS[table].toLowerCase()} ${r.id})`;
      // The set is checked as it stands: references it holds may point at records deleted in it.
      for (const p of checkRecord(table, r as never, found, { where, scope: 'backup', before: r })) {
        if (errors.length < limit) errors.push(p.message);
      }
    }
  }
  return errors;
}
