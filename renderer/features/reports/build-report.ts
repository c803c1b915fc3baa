import { buildReportModel, buildReportModelChunked, type ReportInput, type ReportModel, type ReportOptions } from '../../../shared/reports';

export const DEFAULT_TITLE = 'Legation report';

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
