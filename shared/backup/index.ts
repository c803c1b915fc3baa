import type { z } from 'zod';
import { eventSchema, evidenceSchema, meetingSchema, noteSchema, personSchema, sourceSchema, visitSchema } from '../model';
import { checkIntegrity } from '../integrity';

/**
 * The backup file: every user table, whole, with a format version. Restore validates the whole
 * file before anything is written, and applies all of it or nothing.
 */
export * from './format';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, TABLE_NAMES, type Backup, type BackupTables, type TableName } from './format';

const recordSchemas: Record<TableName, z.ZodType> = {
  people: personSchema,
  sources: sourceSchema,
  visits: visitSchema,
  meetings: meetingSchema,
  events: eventSchema,
  evidence: evidenceSchema,
  notes: noteSchema,
};

/** Readable table names for messages. */
const LABELS: Record<TableName, string> = {
  people: 'person',
  sources: 'source',
  visits: 'visit',
  meetings: 'meeting',
  events: 'event',
  evidence: 'evidence',
  notes: 'note',
};

export type BackupParseResult = { ok: true; backup: Backup; counts: Record<TableName, number> } | { ok: false; errors: string[] };

const MAX_ERRORS = 20;

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

/**
 * Parses and validates a backup file's text. Says exactly what is wrong and where (table, record
 * number, record id, field), up to 20 problems; never throws.
 */
export function parseBackup(text: string): BackupParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [`The file is not valid JSON (${detail}). It may be truncated or not a Legation backup.`] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: ['The file is JSON but not a Legation backup (expected an object with "format": "legation-backup").'] };
  }
  const obj = raw as Record<string, unknown>;
  if (obj.format !== BACKUP_FORMAT) {
    return {
      ok: false,
      errors: [`The file is not a Legation backup: "format" is ${JSON.stringify(obj.format) ?? 'missing'}, expected "${BACKUP_FORMAT}".`],
    };
  }
  const version = obj.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, errors: [`The backup's "formatVersion" is ${JSON.stringify(version) ?? 'missing'}; expected a whole number.`] };
  }
  if (version > BACKUP_FORMAT_VERSION) {
    return {
      ok: false,
      errors: [
        `This backup was written by a newer Legation (format version ${version}; this app reads up to ${BACKUP_FORMAT_VERSION}). Update the app to restore it.`,
      ],
    };
  }
  const tables = obj.tables;
  if (typeof tables !== 'object' || tables === null || Array.isArray(tables)) {
    return { ok: false, errors: ['The backup has no "tables" object.'] };
  }
  const t = tables as Record<string, unknown>;
  const errors: string[] = [];
  const unknownTables = Object.keys(t).filter((k) => !(TABLE_NAMES as readonly string[]).includes(k));
  if (unknownTables.length) errors.push(`Unknown table(s) in the backup: ${unknownTables.join(', ')}.`);
  const out: Partial<BackupTables> = {};
  const ids = new Map<string, string>();
  for (const name of TABLE_NAMES) {
    const rows = t[name];
    if (!Array.isArray(rows)) {
      errors.push(`Table "${name}" is missing or not a list.`);
      continue;
    }
    const schema = recordSchemas[name];
    const parsed: unknown[] = [];
    rows.forEach((row, i) => {
      if (errors.length >= MAX_ERRORS) return;
      const r = schema.safeParse(row);
      const id = typeof row === 'object' && row !== null && 'id' in row ? String((row as { id: unknown }).id) : '?';
      if (!r.success) {
        const first = r.error.issues.slice(0, 3).map(describeIssue).join('; ');
        errors.push(`${name}[${i}] (${LABELS[name]} ${id}): ${first}`);
        return;
      }
      const seen = ids.get(id);
      if (seen) errors.push(`${name}[${i}]: id ${id} is used twice (also in ${seen}).`);
      else ids.set(id, `${name}[${i}]`);
      parsed.push(r.data);
    });
    (out as Record<string, unknown>)[name] = parsed;
  }
  if (errors.length === 0) {
    // References, note targets, country codes: the check every path that takes in many records uses.
    errors.push(...checkIntegrity(out as BackupTables, MAX_ERRORS));
  }
  if (errors.length) {
    if (errors.length >= MAX_ERRORS) errors.push('…and possibly more problems; fix these first.');
    return { ok: false, errors };
  }
  const full = out as BackupTables;
  const counts = Object.fromEntries(TABLE_NAMES.map((n) => [n, full[n].length])) as Record<TableName, number>;
  return {
    ok: true,
    counts,
    backup: {
      format: BACKUP_FORMAT,
      formatVersion: version,
      exportedAt: typeof obj.exportedAt === 'string' ? obj.exportedAt : '',
      app: {
        name: 'Legation',
        version:
          typeof (obj.app as { version?: unknown } | undefined)?.version === 'string'
            ? String((obj.app as { version: string }).version)
            : '',
      },
      tables: full,
    },
  };
}
