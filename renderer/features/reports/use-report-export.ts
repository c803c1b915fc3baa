import { useEffect, useRef, useState } from 'react';
import { localToday } from '../../../shared/model';
import {
  REPORT_FORMATS,
  ReportCancelledError,
  dossierFileSlug,
  isBriefFormat,
  reportFileName,
  type ReportFormatId,
  type ReportSelection,
  type ReportTemplate,
} from '../../../shared/reports';
import { bridge } from '../../bridge';
import { useToast } from '../../components';
import { CHUNKED_THRESHOLD, buildBrief, buildDossier, buildModel, zoneOffsetMinutes } from './build-report';
import { renderInWorker } from './render-file';
import { loadDossierInput, loadReportInput } from './report-data';
import type { RenderRequest } from './render-protocol';
import { FILE_SLUGS, SAVED_NAMES } from './reports-model';

export interface ExportJob {
  phase: 'loading' | 'building' | 'writing' | 'saving';
  done: number;
  total: number;
  /** Show the progress bar (large exports only: small ones finish before it could be read). */
  large: boolean;
  format: ReportFormatId;
}

/** A report ready to be written: what the worker renders, and what the saved file is called. */
export interface PreparedReport {
  request: RenderRequest;
  fileSlug: string;
  generatedAt: string;
  /** Visits in the report (the toast says so). */
  visitCount: number;
  /** Visits read to build it, and whether that is many: the progress shown while writing and saving. */
  read: number;
  large: boolean;
}

/** How the toasts speak of what is saved: "Report", "Dossier"… */
export interface ExportWording {
  saved: (fileName: string, formatLabel: string, visitCount: number) => string;
  cancelled: string;
  failed: string;
}

type Progress = (job: Omit<ExportJob, 'format'>) => void;

/**
 * Writes reports to files: prepares one (`prepare` reads and builds its model, saying how far it
 * is), writes it in the render worker, and saves it through the bridge, one at a time, with
 * progress, Cancel, and a toast for every ending. Leaving the screen cancels a running export.
 */
export function useReportExport() {
  const toast = useToast();
  const [job, setJob] = useState<ExportJob | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  useEffect(() => () => abortRef.current?.abort(), []);

  async function run(
    format: ReportFormatId,
    first: Omit<ExportJob, 'format'>,
    prepare: (progress: Progress, signal: AbortSignal) => Promise<PreparedReport>,
    wording: ExportWording,
  ): Promise<void> {
    if (job) return;
    const controller = new AbortController();
    abortRef.current = controller;
    const progress: Progress = (next) => setJob({ ...next, format });
    try {
      progress(first);
      const prepared = await prepare(progress, controller.signal);
      if (controller.signal.aborted) throw new ReportCancelledError();
      const { read, large } = prepared;
      progress({ phase: 'writing', done: read, total: read, large });
      const content = await renderInWorker(prepared.request, controller.signal);
      if (controller.signal.aborted) throw new ReportCancelledError();
      const f = REPORT_FORMATS[format];
      progress({ phase: 'saving', done: read, total: read, large });
      const reply = await bridge.saveFile({
        suggestedName: reportFileName(format, prepared.generatedAt, prepared.fileSlug),
        filterName: f.filterName,
        extensions: [f.extension],
        content,
      });
      if (reply.status === 'saved') toast.notify(wording.saved(reply.fileName, f.label, prepared.visitCount));
    } catch (e) {
      if (e instanceof ReportCancelledError) toast.notify(wording.cancelled);
      else toast.notify(`${wording.failed}: ${e instanceof Error ? e.message : String(e)}`, { kind: 'error' });
    } finally {
      abortRef.current = null;
      setJob(null);
    }
  }

  return { job, run, cancel: () => abortRef.current?.abort() };
}

/** What the Reports screen asks for: a report of some visits in a format (PDF goes to the print view instead). */
export interface ReportChoice {
  template: ReportTemplate;
  format: ReportFormatId;
  selection: ReportSelection;
  dossierVisitId: string | undefined;
  title: string;
  selectionLabel: string;
  asOf: string;
  since: string;
}

/**
 * The Reports screen's export: reads the chosen visits (or the dossier's), builds the brief, dossier
 * or annex (in chunks when large), and hands it to `useReportExport` to write and save.
 */
export async function prepareReport(choice: ReportChoice, progress: Progress, signal: AbortSignal): Promise<PreparedReport> {
  const { template, format, title } = choice;
  const loaded = template === 'dossier' ? await loadDossierInput(choice.dossierVisitId ?? '') : await loadReportInput(choice.selection);
  if (!loaded) throw new Error('the visit is no longer there; choose another');
  const input = loaded;
  const read = input.visits.length;
  const large = read > CHUNKED_THRESHOLD;
  progress({ phase: 'building', done: 0, total: input.visits.length, large });
  const generatedAt = new Date().toISOString();
  const building = (done: number, total: number) => progress({ phase: 'building', done, total, large });
  const common = { title, generatedAt, zoneOffsetMinutes: zoneOffsetMinutes(generatedAt) };
  if (template === 'brief') {
    if (!isBriefFormat(format)) throw new Error('The brief is written in Markdown, HTML, Word or PDF');
    const options = { ...common, selectionLabel: choice.selectionLabel, asOf: choice.asOf, since: choice.since };
    const model = await buildBrief(input, options, building, signal);
    return { request: { template, model, format }, fileSlug: FILE_SLUGS.brief, generatedAt, visitCount: model.counts.visits, read, large };
  }
  if (template === 'dossier') {
    if (!isBriefFormat(format)) throw new Error('The dossier is written in Markdown, HTML, Word or PDF');
    const options = { ...common, visitId: choice.dossierVisitId ?? '', asOf: localToday() };
    const model = await buildDossier(input, options, building, signal);
    return { request: { template, model, format }, fileSlug: dossierFileSlug(model), generatedAt, visitCount: 1, read, large };
  }
  const model = await buildModel(input, { ...common, selectionLabel: choice.selectionLabel }, building, signal);
  return { request: { template, model, format }, fileSlug: FILE_SLUGS.annex, generatedAt, visitCount: model.counts.visits, read, large };
}

/** The Reports screen's toasts. */
export function reportWording(template: ReportTemplate): ExportWording {
  return {
    saved: (fileName, label, n) => `${SAVED_NAMES[template]} saved as ${fileName} (${label}, ${n} visit${n === 1 ? '' : 's'})`,
    cancelled: 'Report cancelled; nothing was saved',
    failed: 'The report could not be exported',
  };
}
