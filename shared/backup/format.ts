import type { ContextEvent, Evidence, Meeting, Note, Person, Source, Visit } from '../model';

/**
 * The backup file's shape, and writing one. Reading one (parse and validate) is in index.ts; this
 * half imports no schema and no gazetteer, so test tools can build backups with it cheaply.
 */
export const BACKUP_FORMAT = 'legation-backup';
export const BACKUP_FORMAT_VERSION = 1;

export const TABLE_NAMES = ['people', 'sources', 'visits', 'meetings', 'events', 'evidence', 'notes'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export interface BackupTables {
  people: Person[];
  sources: Source[];
  visits: Visit[];
  meetings: Meeting[];
  events: ContextEvent[];
  evidence: Evidence[];
  notes: Note[];
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  exportedAt: string;
  app: { name: string; version: string };
  tables: BackupTables;
}

export function buildBackup(tables: BackupTables, app: { name: string; version: string }, exportedAt: string): Backup {
  return { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, exportedAt, app, tables };
}

export function serializeBackup(backup: Backup): string {
  return JSON.stringify(backup, null, 1);
}
