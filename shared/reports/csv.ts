import Papa from 'papaparse';
import { STATUS_LABELS } from '../model';
import { precisionLabel, type ReportModel } from './model';

/**
 * The report as CSV, one row per visit (papaparse quotes what needs quoting). Spreadsheets run a
 * cell that starts with = + - @ (or a tab or carriage return) as a formula: a purpose such as
 * `=HYPERLINK("http://…")` copied from an article would become a live link or worse. Such cells are
 * prefixed with a single quote, as OWASP recommends, so they open as the text they are.
 *
 * Codes stay for programs (`status`: "planned", `kind`: "official", `start_precision`: "window"),
 * each followed by a `_label` column in the app's words ("Planned", "Official visit", "a window, not
 * an exact day") for people reading the sheet.
 */
export const CSV_COLUMNS = [
  'id',
  'traveller',
  'destination',
  'country_code',
  'country',
  'city',
  'kind',
  'kind_label',
  'purpose',
  'status',
  'status_label',
  'dates',
  'start_from',
  'start_to',
  'start_precision',
  'start_precision_label',
  'end_from',
  'end_to',
  'end_precision',
  'end_precision_label',
  'hosts',
  'delegation',
  'status_history',
  'meetings',
  'quotes',
  'notes',
  'sources',
  'tags',
  'updated_at',
] as const;

export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function renderCsv(model: ReportModel): string {
  const foot = new Map(model.footnotes.map((f) => [f.n, f]));
  const rows = model.visits.map((v) => {
    const history = v.statusHistory
      .map((c) => `${c.on} ${c.from ? `${c.from} -> ${c.status}` : c.status}${c.reason ? `: ${c.reason}` : ''}`)
      .join(' | ');
    const quotes = v.meetings.reduce((n, m) => n + m.quotes.length, 0) + v.evidence.length;
    const values: Record<(typeof CSV_COLUMNS)[number], string> = {
      id: v.id,
      traveller: v.traveller,
      destination: v.destination,
      country_code: v.country,
      country: v.countryName,
      city: v.city ?? '',
      kind: v.kind,
      kind_label: v.kindLabel,
      purpose: v.purpose,
      status: v.status,
      status_label: STATUS_LABELS[v.status],
      dates: v.dates,
      start_from: v.start?.from ?? '',
      start_to: v.start?.to ?? '',
      start_precision: v.start?.precision ?? '',
      start_precision_label: v.start ? precisionLabel(v.start.precision) : '',
      end_from: v.end?.from ?? '',
      end_to: v.end?.to ?? '',
      end_precision: v.end?.precision ?? '',
      end_precision_label: v.end ? precisionLabel(v.end.precision) : '',
      hosts: v.hosts.join('; '),
      delegation: v.delegation.join('; '),
      status_history: history,
      meetings: String(v.meetings.length),
      quotes: String(quotes),
      notes: String(v.notes.length),
      sources: v.sources.map((n) => `[${n}] ${foot.get(n)?.label ?? ''}`).join(' | '),
      tags: v.tags.join('; '),
      updated_at: v.updatedAt,
    };
    return CSV_COLUMNS.map((c) => neutraliseFormula(values[c]));
  });
  // CRLF as RFC 4180 says; a BOM so that Excel reads UTF-8 names (al-Kāẓimī) correctly.
  return `\ufeff${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n', quotes: false })}\r\n`;
}
