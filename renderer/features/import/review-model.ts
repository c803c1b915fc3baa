import type { CueSpan, ExtractedVisit, ExtractionResult } from '../../../shared/extract/types';
import { fuzzyDateToInput, isValidDay, parseFuzzyDate, VISIT_STATUSES, type FuzzyDate, type VisitStatus } from '../../../shared/model';
import { isCountryCode } from '../../../shared/places';
import type { ImportVisitProposal } from '../../db';

/**
 * The review of an extraction, as pure data: one row per proposal with the user's decision and
 * edits. Nothing here touches the database; the page saves the accepted rows through
 * saveArticleImport.
 */

export type Decision = 'pending' | 'accepted' | 'rejected';

export interface ReviewRow {
  /** Stable within one review (the proposal's index in the extraction). */
  key: string;
  decision: Decision;
  edited: boolean;
  proposal: ImportVisitProposal;
  confidence: number;
  datePhrase: string | null;
  /** The words that decided the status and the start date as read (offsets in the extraction's text). */
  cues: CueSpan[];
  /** The status and start as read, to tell whether the user has since changed them. */
  read: { status: VisitStatus; start: FuzzyDate | null };
}

/** A piece of the evidence quote, marked when it is one of the words that decided a field. */
export interface EvidencePart {
  text: string;
  cue: CueSpan['kind'] | null;
}

export function rowsFromResult(result: ExtractionResult): ReviewRow[] {
  return result.visits.map((v: ExtractedVisit, i) => ({
    key: `p${i}`,
    decision: 'pending',
    edited: false,
    confidence: v.confidence,
    datePhrase: v.datePhrase,
    cues: (v.cues ?? []).map((c) => ({ ...c })),
    read: { status: v.status, start: v.start },
    proposal: {
      traveller: {
        name: v.traveller.name,
        title: v.traveller.title,
        country: v.traveller.country,
        mentions: [...v.traveller.mentions],
        knownPersonId: v.traveller.knownPersonId,
      },
      country: v.country,
      city: v.city,
      status: v.status,
      start: v.start,
      end: v.end,
      evidence: { ...v.evidence },
    },
  }));
}

function sameDate(a: FuzzyDate | null, b: FuzzyDate | null): boolean {
  return a === b || (a !== null && b !== null && a.precision === b.precision && a.from === b.from && a.to === b.to);
}

/**
 * The cue of one kind that still explains the row: none once the user has changed that field (the
 * words no longer decide it).
 */
export function cueOf(row: ReviewRow, kind: CueSpan['kind']): CueSpan | null {
  if (kind === 'status' && row.proposal.status !== row.read.status) return null;
  if (kind === 'date' && !sameDate(row.proposal.start, row.read.start)) return null;
  return row.cues.find((c) => c.kind === kind) ?? null;
}

/**
 * The evidence quote cut into pieces, the words that decided the status or the date marked. Cues
 * outside the quoted sentence (a date read in the next sentence) are not in it; the table shows
 * them beside the field.
 */
export function evidenceParts(row: ReviewRow): EvidencePart[] {
  const ev = row.proposal.evidence;
  const cues = (['status', 'date'] as const)
    .map((k) => cueOf(row, k))
    .filter((c): c is CueSpan => c !== null && c.start >= ev.start && c.end <= ev.end && c.end > c.start)
    .sort((a, b) => a.start - b.start);
  const parts: EvidencePart[] = [];
  let at = ev.start;
  for (const c of cues) {
    if (c.start < at) continue; // overlapping cues: the first one wins
    if (c.start > at) parts.push({ text: ev.quote.slice(at - ev.start, c.start - ev.start), cue: null });
    parts.push({ text: ev.quote.slice(c.start - ev.start, c.end - ev.start), cue: c.kind });
    at = c.end;
  }
  if (at < ev.end) parts.push({ text: ev.quote.slice(at - ev.start), cue: null });
  return parts;
}

export function decide(rows: readonly ReviewRow[], key: string, decision: Decision): ReviewRow[] {
  return rows.map((r) => (r.key === key ? { ...r, decision } : r));
}

export function decideAll(rows: readonly ReviewRow[], decision: Decision): ReviewRow[] {
  return rows.map((r) => ({ ...r, decision }));
}

export function counts(rows: readonly ReviewRow[]): Record<Decision, number> {
  const c: Record<Decision, number> = { pending: 0, accepted: 0, rejected: 0 };
  for (const r of rows) c[r.decision]++;
  return c;
}

/** The edit form of one proposal, as typed. */
export interface EditForm {
  name: string;
  title: string;
  country: string;
  city: string;
  status: VisitStatus;
  start: string;
  end: string;
}

export function editFormOf(p: ImportVisitProposal): EditForm {
  return {
    name: p.traveller.name,
    title: p.traveller.title ?? '',
    country: p.country,
    city: p.city ?? '',
    status: p.status,
    start: fuzzyDateToInput(p.start),
    end: fuzzyDateToInput(p.end),
  };
}

function parseOptionalDate(text: string): { ok: true; value: FuzzyDate | null } | { ok: false; error: string } {
  if (text.trim() === '') return { ok: true, value: null };
  return parseFuzzyDate(text);
}

/** Keeps the extractor's phrase ("next week") when the user left the date as it was read. */
function keepPhrase(before: FuzzyDate | null, after: FuzzyDate | null): FuzzyDate | null {
  if (!before || !after || !before.phrase) return after;
  return before.precision === after.precision && before.from === after.from && before.to === after.to ? before : after;
}

/**
 * Applies the edit form to a proposal, or says what is wrong field by field. A renamed traveller
 * loses the extractor's match to an existing person (saving then matches by exact name/alias).
 */
export function applyEditForm(
  p: ImportVisitProposal,
  form: EditForm,
): { ok: true; value: ImportVisitProposal } | { ok: false; errors: Partial<Record<keyof EditForm, string>> } {
  const errors: Partial<Record<keyof EditForm, string>> = {};
  const name = form.name.replace(/\s+/g, ' ').trim();
  if (name === '') errors.name = 'Enter the traveller’s name';
  else if (name.length > 200) errors.name = 'At most 200 characters';
  if (form.title.trim().length > 200) errors.title = 'At most 200 characters';
  if (!form.country) errors.country = 'Choose the host country';
  else if (!isCountryCode(form.country)) errors.country = 'Choose a country from the list';
  if (form.city.trim().length > 120) errors.city = 'At most 120 characters';
  if (!VISIT_STATUSES.includes(form.status)) errors.status = 'Choose a status';
  const start = parseOptionalDate(form.start);
  const end = parseOptionalDate(form.end);
  if (!start.ok) errors.start = start.error;
  if (!end.ok) errors.end = end.error;
  if (start.ok && end.ok && start.value && end.value && end.value.to < start.value.from) errors.end = 'The end is before the start';
  if (Object.keys(errors).length > 0 || !start.ok || !end.ok) return { ok: false, errors };
  const renamed = name !== p.traveller.name;
  return {
    ok: true,
    value: {
      ...p,
      traveller: {
        ...p.traveller,
        name,
        title: form.title.trim() || null,
        knownPersonId: renamed ? null : p.traveller.knownPersonId,
        // The old name stays an alias: the article used it.
        mentions: renamed ? [p.traveller.name, ...p.traveller.mentions] : p.traveller.mentions,
      },
      country: form.country,
      city: form.city.trim() || null,
      status: form.status,
      start: keepPhrase(p.start, start.value),
      end: keepPhrase(p.end, end.value),
    },
  };
}

/** The accepted proposals, in article order, as saveArticleImport takes them. */
export function acceptedProposals(rows: readonly ReviewRow[]): ImportVisitProposal[] {
  return rows.filter((r) => r.decision === 'accepted').map((r) => r.proposal);
}

/**
 * A title for the source when the user gives none: the article's first line if it reads like a
 * headline, else its first sentence, cut at a word boundary. Skips a leading "date 2020-07-22"
 * line that some copied pages start with.
 */
export function defaultTitle(text: string): string {
  const lines = text
    .split(/\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '' && !/^date \d{4}-\d{2}-\d{2}(\s+\d{1,2} \w+ \d{4})?$/i.test(l));
  let first = (lines[0] ?? '').replace(/^date \d{4}-\d{2}-\d{2}\s+/i, '');
  if (first === '') return 'Imported article';
  if (first.length > 160) {
    const sentence = /^(.{20,160}?[.!?])(\s|$)/.exec(first);
    first = sentence?.[1] ?? first;
  }
  if (first.length <= 160) return first;
  const cut = first.slice(0, 159);
  const space = cut.lastIndexOf(' ');
  return `${space > 80 ? cut.slice(0, space) : cut}…`;
}

/** A day typed in the date field, or null; the error is for the field. */
export function parsePublicationDate(value: string): { ok: true; value: string | null } | { ok: false; error: string } {
  const v = value.trim();
  if (v === '') return { ok: true, value: null };
  return isValidDay(v) ? { ok: true, value: v } : { ok: false, error: 'Use a calendar day (YYYY-MM-DD)' };
}

/** Checks a URL as the Sources form does: shown, never opened, but only web addresses. */
export function urlError(url: string): string | null {
  const u = url.trim();
  return u && !/^https?:\/\/\S+$/i.test(u) ? 'Use a web address starting with http:// or https://' : null;
}

const HTML_START = /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i;

/** Is this input HTML (a saved web page) rather than text? Judged by file name, else by its start. */
export function isHtmlInput(text: string, fileName: string | null): boolean {
  if (fileName) return /\.html?$/i.test(fileName);
  return HTML_START.test(text);
}
