import type { DatasetSaveResult } from '../../db';
import { startSearchIndex } from '../../search';
import type { HsgImportSummary, HsgSaveRequest, HsgWorkerMessage, HsgWorkerRequest, ParseStage } from './hsg.worker';

/**
 * Runs an Office of the Historian import in its worker (read, parse, validate and save there: the
 * window only shows progress). Used by the Import page and by the benchmark, so both measure the
 * same path.
 */
export interface DatasetImportHandlers {
  onParseProgress?: (done: number, total: number, stage: ParseStage) => void;
  /** Parsed and validated; saving begins (unless there is nothing to save). */
  onParsed?: (summary: HsgImportSummary, ms: number) => void;
  /** `done` committed, `writing` more written in the batch in hand (not yet committed). */
  onSaveProgress?: (done: number, total: number, writing: number) => void;
}

export interface DatasetImportOutcome {
  summary: HsgImportSummary;
  parseMs: number;
  /** Null when nothing was saved (no records, or saving failed before the first batch ended). */
  save: DatasetSaveResult | null;
  /** Set when saving failed part-way: an Error with the storage error's name (e.g. QuotaExceededError). */
  failure: Error | null;
  saveMs: number;
}

export interface DatasetImportTask {
  done: Promise<DatasetImportOutcome>;
  /** While reading: ends the worker, nothing is saved (the promise rejects with an AbortError). */
  cancel(): void;
  /** While saving: stops after the batch being written (the promise resolves with the run so far). */
  stop(): void;
  /** Whichever of the two applies now (leaving the page). */
  end(): void;
}

export class DatasetImportCancelled extends Error {
  override name = 'AbortError';
  constructor() {
    super('The import was cancelled.');
  }
}

export function startDatasetImport(
  files: { name: string; file: File }[],
  save: HsgSaveRequest,
  handlers: DatasetImportHandlers = {},
): DatasetImportTask {
  const worker = new Worker(new URL('./hsg.worker.ts', import.meta.url), { type: 'module', name: 'dataset-importer' });
  // The search index (its own worker) takes in the records batch by batch as they are saved, so
  // search finds them as soon as the import ends. Started now, it is loaded or built while the
  // files are read, before the first batch is written (a build meanwhile waited behind every batch).
  startSearchIndex();
  let settle: { resolve: (o: DatasetImportOutcome) => void; reject: (e: Error) => void } | null = null;
  const done = new Promise<DatasetImportOutcome>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const finish = (outcome: DatasetImportOutcome | Error) => {
    worker.terminate();
    const s = settle;
    settle = null;
    if (!s) return;
    if (outcome instanceof Error) s.reject(outcome);
    else s.resolve(outcome);
  };
  let summary: HsgImportSummary | null = null;
  const stop = () => {
    const request: HsgWorkerRequest = { type: 'stop' };
    worker.postMessage(request);
  };
  const cancel = () => finish(new DatasetImportCancelled());
  let parseMs = 0;
  worker.onmessage = (event: MessageEvent<HsgWorkerMessage>) => {
    const msg = event.data;
    switch (msg.type) {
      case 'progress':
        handlers.onParseProgress?.(msg.done, msg.total, msg.stage);
        return;
      case 'parsed':
        summary = msg.summary;
        parseMs = msg.ms;
        handlers.onParsed?.(msg.summary, msg.ms);
        if (msg.summary.records === 0) finish({ summary: msg.summary, parseMs, save: null, failure: null, saveMs: 0 });
        return;
      case 'saving':
        handlers.onSaveProgress?.(msg.done, msg.total, msg.writing);
        return;
      case 'saved':
        if (summary) finish({ summary, parseMs, save: msg.save, failure: null, saveMs: msg.ms });
        return;
      case 'save-failed':
        if (summary)
          finish({ summary, parseMs, save: null, failure: Object.assign(new Error(msg.message), { name: msg.name }), saveMs: msg.ms });
        return;
      case 'failed':
        finish(new Error(msg.message));
        return;
      case 'done':
        // Only without `save` (not used here).
        finish(new Error('The importer answered without saving.'));
        return;
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    finish(new Error(`The importer stopped with an error: ${event.message || 'unknown error'}`));
  };
  const request: HsgWorkerRequest = { files, save };
  worker.postMessage(request);
  return {
    done,
    cancel,
    stop,
    end: () => (summary ? stop() : cancel()),
  };
}
