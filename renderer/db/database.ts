import Dexie, { type EntityTable } from 'dexie';
import type { ContextEvent, Evidence, Meeting, Note, Person, Source, Visit } from '../../shared/model';

export interface MetaRecord {
  key: string;
  value: unknown;
}

/** The IndexedDB database name. Like the app:// origin it lives under, it must never change. */
export const DB_NAME = 'legation';

/**
 * The one Dexie database of the app. Versions are append-only: never edit a released
 * `version(n)`; add `version(n + 1)` with an `upgrade()` for every data change.
 *
 * Index notes: `startKey` is start.from ('' when unknown), so ISO strings sort by date; the
 * compound indexes serve the Visits list's filter + date sort without scanning other rows.
 */
export class LegationDB extends Dexie {
  visits!: EntityTable<Visit, 'id'>;
  people!: EntityTable<Person, 'id'>;
  sources!: EntityTable<Source, 'id'>;
  evidence!: EntityTable<Evidence, 'id'>;
  meetings!: EntityTable<Meeting, 'id'>;
  events!: EntityTable<ContextEvent, 'id'>;
  notes!: EntityTable<Note, 'id'>;
  meta!: EntityTable<MetaRecord, 'key'>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores({
      visits:
        'id, status, place.country, travellerId, startKey, updatedAt, tourId, *tags, *hostIds, [status+startKey], [place.country+startKey], [travellerId+startKey]',
      people: 'id, name, *aliases, updatedAt',
      sources: 'id, title, publishedOn, updatedAt',
      evidence: 'id, [recordType+recordId], recordId, sourceId',
      meetings: 'id, visitId, *participantIds',
      events: 'id, date.from',
      notes: 'id, targetKey, updatedAt',
      meta: 'key',
    });
  }

  /** Every table holding user records, in the order a backup lists them. */
  get recordTables() {
    return [this.people, this.sources, this.visits, this.meetings, this.events, this.evidence, this.notes] as const;
  }
}
