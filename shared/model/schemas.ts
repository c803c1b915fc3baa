import { z } from 'zod';
import { isValidDay, isoDaySchema, timestampSchema } from './dates';
import { fuzzyDateSchema } from './fuzzy-date';
import { canTransition, visitStatusSchema } from './status';
import { historyOrderError } from './status-history';

/** Random UUIDs everywhere (sync-ready: no auto-increment keys). */
export const idSchema = z.uuid({ message: 'Expected a UUID' });

/** ISO 3166-1 alpha-2, upper case. Whether the code exists is checked against the gazetteer. */
export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter ISO country code such as IQ');

/** A partial date for roles: "2020", "2020-05" or "2020-05-07". */
export const partialDateSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'Use YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((d) => (d.length === 10 ? isValidDay(d) : d.length === 7 ? isValidDay(`${d}-01`) : true), {
    message: 'This date does not exist in the calendar',
  });

/** First and last day a partial date can mean: "2020-05" spans 2020-05-01 to 2020-05-31 (string-comparable). */
function partialStart(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}
function partialEnd(d: string): string {
  return d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d;
}

/**
 * The longest text each field holds. Importers keep a longer text whole where they can and
 * otherwise shorten it to these with a warning naming the record and the field, never silently.
 */
export const TEXT_LIMITS = { name: 200, alias: 200, city: 120, purpose: 20_000, tag: 60 } as const;

const trimmed = (label: string, max: number) =>
  z.string().trim().min(1, `${label} is required`).max(max, `${label} is too long (at most ${max} characters)`);

/**
 * At least one letter that shows. Trimming does not remove format characters: a name made only of
 * a right-to-left override and a zero-width space would be saved, shown as nothing, and never found.
 */
const LETTER = /\p{L}/u;
const named = (label: string, max: number) => trimmed(label, max).refine((v) => LETTER.test(v), `${label} has no visible letter`);

const optionalText = (max: number) => z.string().max(max, `At most ${max} characters`);

/** Fields every stored record has. Deletion is soft: `deletedAt` set, record kept for undo/sync. */
export const recordBase = {
  id: idSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  deletedAt: timestampSchema.nullable(),
};

/** The records not deleted (soft deletion: `deletedAt` set), missing ones (a bulkGet's gaps) left out. */
export function liveRecords<T extends { deletedAt: string | null }>(rows: readonly (T | undefined)[]): T[] {
  return rows.filter((r): r is T => !!r && !r.deletedAt);
}

export const placeSchema = z
  .object({
    country: countryCodeSchema,
    city: z.string().trim().max(TEXT_LIMITS.city).nullable(),
    lat: z.number().min(-90).max(90).nullable(),
    lon: z.number().min(-180).max(180).nullable(),
  })
  .refine((p) => (p.lat === null) === (p.lon === null), { message: 'Coordinates need both latitude and longitude', path: ['lon'] });
export type Place = z.infer<typeof placeSchema>;

export const roleSchema = z
  .object({
    title: trimmed('Title', 200),
    country: countryCodeSchema.nullable(),
    from: partialDateSchema.nullable(),
    to: partialDateSchema.nullable(),
  })
  .refine((r) => !r.from || !r.to || partialEnd(r.to) >= partialStart(r.from), { message: 'The role ends before it starts', path: ['to'] });
export type Role = z.infer<typeof roleSchema>;

export const personSchema = z.object({
  ...recordBase,
  name: named('Name', TEXT_LIMITS.name),
  aliases: z.array(named('Alias', TEXT_LIMITS.alias)).max(50),
  roles: z.array(roleSchema).max(50),
  country: countryCodeSchema.nullable(),
  note: optionalText(5000),
});
export type Person = z.infer<typeof personSchema>;

export const VISIT_KINDS = ['state', 'official', 'working', 'private', 'multilateral', 'unknown'] as const;
export const visitKindSchema = z.enum(VISIT_KINDS);
export type VisitKind = z.infer<typeof visitKindSchema>;

/** One entry of a visit's status history: what it became, on which day, why, and who said so. */
export const statusChangeSchema = z.object({
  id: idSchema,
  status: visitStatusSchema,
  /** The previous status; null for the first entry (the visit as first recorded). */
  from: visitStatusSchema.nullable(),
  /** The day the change happened in the world (not when it was typed). */
  on: isoDaySchema,
  reason: optionalText(2000),
  sourceId: idSchema.nullable(),
  /** The visit's dates as they stood after this change: shows where a postponed trip moved. */
  start: fuzzyDateSchema.nullable(),
  end: fuzzyDateSchema.nullable(),
  recordedAt: timestampSchema,
});
export type StatusChange = z.infer<typeof statusChangeSchema>;

const visitShape = z.object({
  ...recordBase,
  travellerId: idSchema,
  /** Other members of the delegation. */
  delegationIds: z.array(idSchema).max(100),
  /** People met or hosting. */
  hostIds: z.array(idSchema).max(100),
  place: placeSchema,
  kind: visitKindSchema,
  purpose: optionalText(TEXT_LIMITS.purpose),
  start: fuzzyDateSchema.nullable(),
  end: fuzzyDateSchema.nullable(),
  status: visitStatusSchema,
  statusHistory: z.array(statusChangeSchema).min(1, 'A visit has at least its first status').max(500),
  tourId: idSchema.nullable(),
  tags: z.array(trimmed('Tag', TEXT_LIMITS.tag)).max(50),
  sourceIds: z.array(idSchema).max(200),
  /** Denormalised sort/index key: start.from, or '' when the date is unknown. Kept by the repository. */
  startKey: z.string(),
});

export const visitSchema = visitShape.superRefine((v, ctx) => {
  if (v.start && v.end && v.end.to < v.start.from) {
    ctx.addIssue({ code: 'custom', message: 'The visit ends before it starts', path: ['end'] });
  }
  const last = v.statusHistory[v.statusHistory.length - 1];
  if (last && last.status !== v.status) {
    ctx.addIssue({ code: 'custom', message: 'The status does not match the last status change', path: ['status'] });
  }
  v.statusHistory.forEach((c, i) => {
    const prev = i === 0 ? null : (v.statusHistory[i - 1]?.status ?? null);
    if (c.from !== prev) {
      ctx.addIssue({
        code: 'custom',
        message: `Status change ${i + 1} says it came from ${c.from ?? 'nothing'}, but the previous status was ${prev ?? 'nothing'}`,
        path: ['statusHistory', i, 'from'],
      });
    } else if (prev !== null && !canTransition(prev, c.status)) {
      ctx.addIssue({
        code: 'custom',
        message: `Status change ${i + 1} (${prev} → ${c.status}) is not an allowed transition`,
        path: ['statusHistory', i, 'status'],
      });
    }
  });
  const disorder = historyOrderError(v.statusHistory);
  if (disorder) ctx.addIssue({ code: 'custom', message: disorder.message, path: ['statusHistory', disorder.index, 'on'] });
  if (v.startKey !== (v.start?.from ?? '')) {
    ctx.addIssue({ code: 'custom', message: 'startKey must equal start.from', path: ['startKey'] });
  }
});
export type Visit = z.infer<typeof visitSchema>;

/** What the visit form edits: the user's fields, validated with the same rules as the stored record. */
export const visitDraftSchema = visitShape
  .pick({ travellerId: true, place: true, kind: true, purpose: true, start: true, end: true, tags: true, hostIds: true })
  .extend({ status: visitStatusSchema })
  .superRefine((v, ctx) => {
    if (v.start && v.end && v.end.to < v.start.from) {
      ctx.addIssue({ code: 'custom', message: 'The end date is before the start date', path: ['end'] });
    }
  });
export type VisitDraft = z.infer<typeof visitDraftSchema>;

export const quoteSchema = z.object({
  personId: idSchema.nullable(),
  text: trimmed('Quote', 5000),
  sourceId: idSchema.nullable(),
});
export type Quote = z.infer<typeof quoteSchema>;

export const meetingSchema = z.object({
  ...recordBase,
  visitId: idSchema.nullable(),
  participantIds: z.array(idSchema).min(2, 'A meeting has at least two people').max(100),
  place: placeSchema.nullable(),
  date: fuzzyDateSchema.nullable(),
  summary: optionalText(5000),
  quotes: z.array(quoteSchema).max(200),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const SOURCE_KINDS = ['article', 'dataset', 'document', 'other'] as const;
export const sourceSchema = z.object({
  ...recordBase,
  kind: z.enum(SOURCE_KINDS),
  title: trimmed('Title', 500),
  publisher: z.string().trim().max(200).nullable(),
  url: z.string().max(2000).nullable(),
  datelinePlace: placeSchema.nullable(),
  publishedOn: isoDaySchema.nullable(),
  /** The full text, kept for offline reading; evidence offsets point into it. */
  text: z.string().max(5_000_000),
});
export type Source = z.infer<typeof sourceSchema>;

export const EVIDENCE_TARGETS = ['visit', 'person', 'meeting', 'event', 'statusChange'] as const;
export const evidenceSchema = z
  .object({
    ...recordBase,
    recordType: z.enum(EVIDENCE_TARGETS),
    recordId: idSchema,
    /** Which field the quote supports, e.g. "status", "start", "place", "roles". */
    field: trimmed('Field', 100),
    sourceId: idSchema,
    /** Character offsets into source.text: quote === text.slice(start, end). */
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    /** Verbatim, not trimmed: it must equal the span exactly. */
    quote: z.string().min(1, 'The quote is empty').max(20000),
  })
  .refine((e) => e.end > e.start, { message: 'The quoted span is empty', path: ['end'] })
  .refine((e) => e.end - e.start === e.quote.length, { message: 'The quote does not match its span', path: ['quote'] });
export type Evidence = z.infer<typeof evidenceSchema>;

export const eventSchema = z.object({
  ...recordBase,
  title: trimmed('Title', 300),
  date: fuzzyDateSchema,
  place: placeSchema.nullable(),
  description: optionalText(5000),
  personIds: z.array(idSchema).max(100),
  sourceIds: z.array(idSchema).max(100),
});
export type ContextEvent = z.infer<typeof eventSchema>;

export const noteTargetSchema = z.object({ type: z.enum(['visit', 'person']), id: idSchema }).nullable();
export type NoteTarget = z.infer<typeof noteTargetSchema>;

export const noteSchema = z.object({
  ...recordBase,
  /** Markdown. Rendered only through the sanitiser. */
  body: z.string().max(1_000_000),
  target: noteTargetSchema,
  /** Denormalised for indexing: `${type}:${id}` or '' for a free-standing note. */
  targetKey: z.string(),
});
export type Note = z.infer<typeof noteSchema>;

export function noteTargetKey(target: NoteTarget): string {
  return target ? `${target.type}:${target.id}` : '';
}

/** First line of a note, without Markdown heading marks: its title in lists. */
export function noteTitle(body: string): string {
  const first = body.split('\n').find((l) => l.trim() !== '') ?? '';
  const t = first
    .trim()
    .replace(/^#+\s*/, '')
    .trim();
  return t === '' ? 'Untitled note' : t.length > 80 ? `${t.slice(0, 79)}…` : t;
}
