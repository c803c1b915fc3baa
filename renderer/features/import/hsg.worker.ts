// Zod must not try to compile parsers with `new Function` under the page's CSP (no 'unsafe-eval').
import '../../../shared/jitless';
import { importHsg, type HsgImportResult } from '../../../shared/importers';
import { personSchema, sourceSchema, visitSchema } from '../../../shared/model';
import { encodingProblem, sniffEncoding } from '../../../shared/text/encoding';
import { saveDatasetImport, type DatasetImportRun, type DatasetSaveResult } from '../../db/dataset-import';

/**
 * Reads, imports and saves Office of the Historian XML files off the window's thread: parsing the
 * XML and serialising a large data set for IndexedDB would both freeze the page. The page only shows progress. It cancels the reading by terminating
 * the worker, and stops the saving with a `stop` message (the batch being written is finished:
 * batches are written whole or not at all). Files arrive as File objects and are read here too.
 * Every record is checked against the model's schemas before it is saved; one that fails is dropped
 * with a warning (a bug, never silent).
 */
export interface HsgSaveRequest {
  /** The database to write to (the page's `db.name`). */
  dbName: string;
  metaKey: string;
  label: string;
  importedAt: string;
  fingerprint?: string;
  fileNames?: string[];
  resume?: DatasetImportRun | null;
  batchSize?: number;
}

export type HsgWorkerRequest =
  | {
      type?: 'import';
      files: { name: string; file: File }[];
      /** Save the records here too; without it the whole result is posted back (tools, benchmarks). */
      save?: HsgSaveRequest;
    }
  | { type: 'stop' };

/** 'loading': files read into memory (done/total in files); the others count records. */
export type ParseStage = 'loading' | 'reading' | 'building' | 'checking';

/** Records checked between two 'checking' reports (zod without JIT: ~50 µs a visit). */
const CHECK_PROGRESS_EVERY = 2_000;

/** The import result without its records (they stay in the worker, which saves them). */
export type HsgImportSummary = Omit<HsgImportResult, 'sources' | 'people' | 'visits'> & { records: number };

export type HsgWorkerMessage =
  /** Reading the files, turning records into visits and people, then checking each against the schemas. */
  | { type: 'progress'; stage: ParseStage; done: number; total: number }
  | { type: 'done'; result: HsgImportResult; ms: number }
  /** Saving mode: parsed and validated, saving starts (`records` of them). */
  | { type: 'parsed'; summary: HsgImportSummary; ms: number }
  | { type: 'saving'; done: number; total: number; writing: number }
  | { type: 'saved'; save: DatasetSaveResult; ms: number }
  /** Saving failed part-way (the batches before stay): the error's name and message. */
  | { type: 'save-failed'; name: string; message: string; ms: number }
  | { type: 'failed'; message: string };

/** Larger than any file of the data set (the largest is 0.4 MB) by far; refuses a wrong pick early. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

interface WorkerScope {
  onmessage: ((event: MessageEvent<HsgWorkerRequest>) => void) | null;
  postMessage(message: HsgWorkerMessage): void;
}
const scope = self as unknown as WorkerScope;
const stop = new AbortController();

async function parse(files: { name: string; file: File }[]): Promise<HsgImportResult> {
  const readErrors: string[] = [];
  const texts: { name: string; text: string }[] = [];
  const decoder = new TextDecoder('utf-8');
  // A report per file read: a large data set is many megabytes of XML, and reading it must not look stalled.
  scope.postMessage({ type: 'progress', stage: 'loading', done: 0, total: files.length });
  let loaded = 0;
  for (const { name, file } of files) {
    if (loaded > 0) scope.postMessage({ type: 'progress', stage: 'loading', done: loaded, total: files.length });
    loaded++;
    if (file.size > MAX_FILE_BYTES) {
      readErrors.push(`${name}: refused: ${Math.round(file.size / 1024 / 1024)} MB is more than an XML file of the data set can be.`);
      continue;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const problem = encodingProblem(name, sniffEncoding(bytes));
    if (problem) readErrors.push(problem);
    else texts.push({ name, text: decoder.decode(bytes) });
  }
  const result = importHsg(texts, { onProgress: (p) => scope.postMessage({ type: 'progress', ...p }) });
  const invalid: string[] = [];
  const toCheck = result.sources.length + result.people.length + result.visits.length;
  let checked = 0;
  const keep = <T extends { id: string }>(rows: T[], schema: { safeParse(v: unknown): { success: boolean } }, what: string): T[] =>
    rows.filter((r) => {
      const ok = schema.safeParse(r).success;
      if (!ok) invalid.push(`${what} ${r.id} did not pass validation and was left out.`);
      if (++checked % CHECK_PROGRESS_EVERY === 0) scope.postMessage({ type: 'progress', stage: 'checking', done: checked, total: toCheck });
      return ok;
    });
  return {
    ...result,
    sources: keep(result.sources, sourceSchema, 'Source'),
    people: keep(result.people, personSchema, 'Person'),
    visits: keep(result.visits, visitSchema, 'Visit'),
    errors: [...readErrors, ...result.errors],
    warnings: [...result.warnings, ...invalid],
    counts: { ...result.counts, files: files.length, filesRefused: result.counts.filesRefused + readErrors.length },
  };
}

async function run(req: Extract<HsgWorkerRequest, { files: unknown }>): Promise<void> {
  const began = performance.now();
  const result = await parse(req.files);
  if (!req.save) {
    scope.postMessage({ type: 'done', result, ms: Math.round(performance.now() - began) });
    return;
  }
  const { sources, people, visits, ...rest } = result;
  const records = sources.length + people.length + visits.length;
  scope.postMessage({ type: 'parsed', summary: { ...rest, records }, ms: Math.round(performance.now() - began) });
  if (records === 0) return;
  const save = req.save;
  const saveBegan = performance.now();
  try {
    const saved = await saveDatasetImport(
      { sources, people, visits },
      {
        metaKey: save.metaKey,
        label: save.label,
        importedAt: save.importedAt,
        files: result.counts.files,
        warnings: result.warnings.length,
        signal: stop.signal,
        databaseName: save.dbName,
        undo: false,
        ...(save.batchSize ? { batchSize: save.batchSize } : {}),
        ...(save.fingerprint ? { fingerprint: save.fingerprint } : {}),
        ...(save.fileNames ? { fileNames: save.fileNames } : {}),
        resume: save.resume ?? null,
        onProgress: (done, total, writing) => scope.postMessage({ type: 'saving', done, total, writing: writing ?? 0 }),
      },
    );
    scope.postMessage({ type: 'saved', save: saved, ms: Math.round(performance.now() - saveBegan) });
  } catch (e) {
    const inner = (e as { inner?: { name?: string; message?: string } } | null)?.inner;
    scope.postMessage({
      type: 'save-failed',
      name: inner?.name ?? (e instanceof Error ? e.name : 'Error'),
      message: inner?.message ?? (e instanceof Error ? e.message : String(e)),
      ms: Math.round(performance.now() - saveBegan),
    });
  }
}

scope.onmessage = (event) => {
  const req = event.data;
  if (req.type === 'stop') {
    stop.abort();
    return;
  }
  run(req).catch((e: unknown) => scope.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) }));
};
