/**
 * Reports: one pure model (model.ts) rendered per format by pure renderers. Used by the Reports
 * screen, its print page and the `report` command line.
 */
import type { BriefModel } from './brief';
import type { DossierModel } from './dossier';
import { renderDossierDocx } from './dossier-docx';
import { renderDossierHtml } from './dossier-html';
import { renderDossierMarkdown } from './dossier-markdown';
import { renderBriefDocx } from './brief-docx';
import { renderBriefHtml } from './brief-html';
import { renderBriefMarkdown } from './brief-markdown';
import { renderCsv } from './csv';
import { renderDocx } from './docx';
import { renderHtml } from './html';
import { renderIcs } from './ics';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import type { ReportModel } from './model';
import { renderTimelineJs } from './timelinejs';

export * from './model';
export * from './selection';
export * from './brief';
export { renderBriefMarkdown } from './brief-markdown';
export { renderBriefHtml, renderBriefHtmlBody, BRIEF_CSS } from './brief-html';
export { renderBriefDocx, buildBriefDocxDocument } from './brief-docx';
export * from './dossier';
export { renderDossierMarkdown } from './dossier-markdown';
export { renderDossierHtml, renderDossierHtmlBody, DOSSIER_CSS } from './dossier-html';
export { renderDossierDocx, buildDossierDocxDocument } from './dossier-docx';
export { renderMarkdown, mdText } from './markdown';
export { renderHtml, renderHtmlBody, escapeHtml, REPORT_CSS } from './html';
export { renderCsv, neutraliseFormula, CSV_COLUMNS } from './csv';
export { renderJson } from './json';
export { renderIcs, icsSequence, icsSkipped, foldLine, escapeIcsText } from './ics';
export { renderDocx, buildDocxDocument } from './docx';
export { renderTimelineJs, type TimelineJs, type TimelineEvent, type TimelineDate } from './timelinejs';

export const REPORT_FORMAT_IDS = ['md', 'html', 'csv', 'json', 'ics', 'docx', 'timelinejs'] as const;
export type ReportFormatId = (typeof REPORT_FORMAT_IDS)[number];

export interface ReportFormat {
  id: ReportFormatId;
  label: string;
  /** One line for the chooser: what the file is good for. */
  hint: string;
  extension: string;
  /** The save dialog's file-type filter. */
  filterName: string;
  mime: string;
}

export const REPORT_FORMATS: Readonly<Record<ReportFormatId, ReportFormat>> = Object.freeze({
  md: {
    id: 'md',
    label: 'Markdown',
    hint: 'Plain text with headings; notes as written',
    extension: 'md',
    filterName: 'Markdown',
    mime: 'text/markdown',
  },
  html: {
    id: 'html',
    label: 'HTML',
    hint: 'One self-contained web page; prints well',
    extension: 'html',
    filterName: 'Web page',
    mime: 'text/html',
  },
  docx: {
    id: 'docx',
    label: 'Word (DOCX)',
    hint: 'Editable document with a summary table',
    extension: 'docx',
    filterName: 'Word document',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  csv: {
    id: 'csv',
    label: 'CSV',
    hint: 'One row per visit, for spreadsheets',
    extension: 'csv',
    filterName: 'CSV spreadsheet',
    mime: 'text/csv',
  },
  json: {
    id: 'json',
    label: 'JSON',
    hint: 'The whole report model, for other programs',
    extension: 'json',
    filterName: 'JSON',
    mime: 'application/json',
  },
  ics: {
    id: 'ics',
    label: 'iCalendar',
    hint: 'Dated visits as calendar events',
    extension: 'ics',
    filterName: 'iCalendar',
    mime: 'text/calendar',
  },
  timelinejs: {
    id: 'timelinejs',
    label: 'TimelineJS',
    hint: 'JSON for a TimelineJS3 timeline',
    extension: 'json',
    filterName: 'TimelineJS JSON',
    mime: 'application/json',
  },
});

export function isReportFormat(id: string): id is ReportFormatId {
  return (REPORT_FORMAT_IDS as readonly string[]).includes(id);
}

/** Renders the model in a format: text for every format but DOCX (bytes). */
export async function renderReport(model: ReportModel, format: ReportFormatId): Promise<string | Uint8Array<ArrayBuffer>> {
  switch (format) {
    case 'md':
      return renderMarkdown(model);
    case 'html':
      return renderHtml(model);
    case 'csv':
      return renderCsv(model);
    case 'json':
      return renderJson(model);
    case 'ics':
      return renderIcs(model);
    case 'docx':
      return renderDocx(model);
    case 'timelinejs':
      return renderTimelineJs(model);
  }
}

/** "legation-report-2020-07-22.md" / "…-timeline.json": a file name the save dialog accepts. */
export function reportFileName(format: ReportFormatId, generatedAt: string, slug = 'legation-report'): string {
  const day = generatedAt.slice(0, 10);
  const f = REPORT_FORMATS[format];
  return `${slug}-${day}${format === 'timelinejs' ? '-timeline' : ''}.${f.extension}`;
}

/**
 * The three reports: the Brief (the default: summary, what is coming up, overdue and moved, one line
 * a visit), the Dossier (one visit on one page, with the earlier visits both ways) and the Annex
 * (the full report: every visit with its history, evidence, meetings, notes).
 */
export const REPORT_TEMPLATES = ['brief', 'dossier', 'annex'] as const;
export type ReportTemplate = (typeof REPORT_TEMPLATES)[number];
export const REPORT_TEMPLATE_LABELS: Readonly<Record<ReportTemplate, string>> = Object.freeze({
  brief: 'Brief',
  dossier: 'Visit dossier',
  annex: 'Annex (full report)',
});

export function isReportTemplate(id: string): id is ReportTemplate {
  return (REPORT_TEMPLATES as readonly string[]).includes(id);
}

/** The formats a brief or a dossier is written in; the others (csv, json, ics, timelinejs) are data, the annex's. */
export const BRIEF_FORMAT_IDS = ['md', 'html', 'docx'] as const satisfies readonly ReportFormatId[];
export type BriefFormatId = (typeof BRIEF_FORMAT_IDS)[number];

export function isBriefFormat(id: string): id is BriefFormatId {
  return (BRIEF_FORMAT_IDS as readonly string[]).includes(id);
}

/** Renders the brief in a format: text, or bytes for DOCX. */
export async function renderBrief(model: BriefModel, format: BriefFormatId): Promise<string | Uint8Array<ArrayBuffer>> {
  switch (format) {
    case 'md':
      return renderBriefMarkdown(model);
    case 'html':
      return renderBriefHtml(model);
    case 'docx':
      return renderBriefDocx(model);
  }
}

/** Renders the dossier in a format (the brief's formats): text, or bytes for DOCX. */
export async function renderDossier(model: DossierModel, format: BriefFormatId): Promise<string | Uint8Array<ArrayBuffer>> {
  switch (format) {
    case 'md':
      return renderDossierMarkdown(model);
    case 'html':
      return renderDossierHtml(model);
    case 'docx':
      return renderDossierDocx(model);
  }
}
