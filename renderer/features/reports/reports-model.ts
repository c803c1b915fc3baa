import { isValidDay } from '../../../shared/model';
import { isBriefFormat, selectionToParams, type ReportFormatId, type ReportSelection, type ReportTemplate } from '../../../shared/reports';

/**
 * The Reports screen's choices and the rules between them, without React: which visits, which
 * report, which format, and what is wrong with a choice before anything is read.
 */

export type Mode = 'all' | 'filter' | 'visit';
export type FormatChoice = ReportFormatId | 'pdf';

export const FORMAT_ORDER: readonly FormatChoice[] = ['md', 'html', 'docx', 'pdf', 'csv', 'ics', 'json', 'timelinejs'];

/** The file name a report is saved under starts with this (the dossier's names its visit instead). */
export const FILE_SLUGS: Readonly<Record<ReportTemplate, string>> = {
  brief: 'legation-brief',
  dossier: 'visit-dossier',
  annex: 'legation-report',
};

/** How the toast names what was saved. */
export const SAVED_NAMES: Readonly<Record<ReportTemplate, string>> = { brief: 'Brief', dossier: 'Dossier', annex: 'Report' };

/** Formats the brief and the dossier are written in: their own three and PDF (the print view). */
export function briefWrites(f: FormatChoice): boolean {
  return f === 'pdf' || isBriefFormat(f);
}

/** The brief and the dossier are documents to read; the data formats are the annex's. */
export const writesOnlyDocuments = (t: ReportTemplate) => t !== 'annex';

/** The visits a selection names: one, those matching a filter, or all. */
export function modeOf(s: ReportSelection): Mode {
  if (s.visitId) return 'visit';
  return s.status || s.country || s.travellerId || s.from || s.to ? 'filter' : 'all';
}

/** What is wrong with the brief's two days, or null. Only the brief has them. */
export function datesError(template: ReportTemplate, asOf: string, since: string): string | null {
  if (template !== 'brief') return null;
  if (!isValidDay(asOf)) return 'Choose the day the brief speaks of (“As of”).';
  if (!isValidDay(since)) return 'Choose the day changes are counted from (“Changes since”).';
  if (since > asOf) return '“Changes since” must be on or before “As of”.';
  return null;
}

/** What is wrong with the format for this report, or null. */
export function formatError(template: ReportTemplate, format: FormatChoice): string | null {
  return writesOnlyDocuments(template) && !briefWrites(format)
    ? `The ${template === 'brief' ? 'brief' : 'dossier'} is written in Markdown, HTML, Word or PDF.`
    : null;
}

/**
 * Where PDF is made: the print view of the brief or the annex (the selection in its address), or
 * the dossier's own page; it prints once when ready (`print=1`).
 */
export function printViewPath(choice: {
  template: ReportTemplate;
  selection: ReportSelection;
  dossierVisitId: string | undefined;
  title: string;
  asOf: string;
  since: string;
}): string | null {
  if (choice.template === 'dossier') {
    if (!choice.dossierVisitId) return null;
    const sp = new URLSearchParams({ title: choice.title, print: '1' });
    return `/reports/dossier/${choice.dossierVisitId}?${sp.toString()}`;
  }
  const sp = selectionToParams(choice.selection);
  sp.set('title', choice.title);
  if (choice.template === 'brief') {
    sp.set('template', 'brief');
    sp.set('asOf', choice.asOf);
    sp.set('since', choice.since);
  }
  sp.set('print', '1');
  return `/reports/print?${sp.toString()}`;
}
