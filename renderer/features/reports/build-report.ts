import {
  ReportCancelledError,
  buildBriefModel,
  buildDossierModel,
  buildReportModel,
  buildReportModelChunked,
  type BriefModel,
  type BriefOptions,
  type DossierModel,
  type DossierOptions,
  type ReportInput,
  type ReportModel,
  type ReportOptions,
  type ReportTemplate,
} from '../../../shared/reports';

export const DEFAULT_TITLES: Readonly<Record<ReportTemplate, string>> = {
  brief: 'Legation brief',
  dossier: 'Visit dossier',
  annex: 'Legation report',
};

/** The reader's zone now, minutes east of UTC: shared code has no zone of its own. */
export function zoneOffsetMinutes(at: string): number {
  return -new Date(at).getTimezoneOffset();
}

/** Above this many visits the model is built in chunks, with a progress bar and Cancel. */
export const CHUNKED_THRESHOLD = 300;
const CHUNK_SIZE = 100;

/** Gives the event loop a turn: clicks, typing and repaints happen between chunks. */
function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Builds the report model: at once for small selections, in chunks (yielding between them,
 * reporting progress, stopping on abort) for large ones. Both give the same model.
 */
export async function buildModel(
  input: ReportInput,
  options: ReportOptions,
  onProgress: (done: number, total: number) => void,
  signal: AbortSignal,
): Promise<ReportModel> {
  if (input.visits.length <= CHUNKED_THRESHOLD) return buildReportModel(input, options);
  return buildReportModelChunked(input, options, { chunkSize: CHUNK_SIZE, onProgress, pause, signal });
}

/**
 * Builds the brief: one pass over the visits (no per-visit sections to build), so no chunks; it
 * reports its progress and honours the signal like the annex.
 */
export async function buildBrief(
  input: ReportInput,
  options: BriefOptions,
  onProgress: (done: number, total: number) => void,
  signal: AbortSignal,
): Promise<BriefModel> {
  const total = input.visits.length;
  onProgress(0, total);
  await pause();
  if (signal.aborted) throw new ReportCancelledError();
  const model = buildBriefModel(input, options);
  onProgress(total, total);
  return model;
}

/**
 * Builds a visit's dossier: one pass over the visits that may be earlier ones, so no chunks; it
 * reports its progress and honours the signal like the others.
 */
export async function buildDossier(
  input: ReportInput,
  options: DossierOptions,
  onProgress: (done: number, total: number) => void,
  signal: AbortSignal,
): Promise<DossierModel> {
  const total = input.visits.length;
  onProgress(0, total);
  await pause();
  if (signal.aborted) throw new ReportCancelledError();
  const model = buildDossierModel(input, options);
  onProgress(total, total);
  return model;
}
