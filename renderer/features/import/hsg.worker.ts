// Zod must not try to compile parsers with `new Function` under the page's CSP (no 'unsafe-eval').
import '../../../shared/jitless';
import { importHsg, type HsgImportResult } from '../../../shared/importers';
import { personSchema, sourceSchema, visitSchema } from '../../../shared/model';

/**
 * Reads and imports Office of the Historian XML files off the window's thread: 5 MB of XML take a
 * few seconds to parse, which would freeze the page. The page cancels by terminating the worker.
 * Files arrive as File objects and are read here too. Every record is checked against the model's
 * schemas before it goes back; one that fails is dropped with a warning (a bug, never silent).
 */
export type HsgWorkerRequest = { files: { name: string; file: File }[] };

export type HsgWorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: HsgImportResult; ms: number }
  | { type: 'failed'; message: string };

/** Larger than any file of the data set (the largest is 0.4 MB) by far; refuses a wrong pick early. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;

interface WorkerScope {
  onmessage: ((event: MessageEvent<HsgWorkerRequest>) => void) | null;
  postMessage(message: HsgWorkerMessage): void;
}
const scope = self as unknown as WorkerScope;

async function run(req: HsgWorkerRequest): Promise<void> {
  const began = performance.now();
  const readErrors: string[] = [];
  const texts: { name: string; text: string }[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const { name, file } of req.files) {
    if (file.size > MAX_FILE_BYTES) {
      readErrors.push(`${name}: refused: ${Math.round(file.size / 1024 / 1024)} MB is more than an XML file of the data set can be.`);
      continue;
    }
    try {
      texts.push({ name, text: decoder.decode(await file.arrayBuffer()) });
    } catch {
      readErrors.push(`${name}: refused: not UTF-8 text.`);
    }
  }
  const result = importHsg(texts, { onProgress: (p) => scope.postMessage({ type: 'progress', ...p }) });
  const invalid: string[] = [];
  const keep = <T extends { id: string }>(rows: T[], schema: { safeParse(v: unknown): { success: boolean } }, what: string): T[] =>
    rows.filter((r) => {
      const ok = schema.safeParse(r).success;
      if (!ok) invalid.push(`${what} ${r.id} did not pass validation and was left out.`);
      return ok;
    });
  const checked: HsgImportResult = {
    ...result,
    sources: keep(result.sources, sourceSchema, 'Source'),
    people: keep(result.people, personSchema, 'Person'),
    visits: keep(result.visits, visitSchema, 'Visit'),
    errors: [...readErrors, ...result.errors],
    warnings: [...result.warnings, ...invalid],
    counts: { ...result.counts, files: req.files.length, filesRefused: result.counts.filesRefused + readErrors.length },
  };
  scope.postMessage({ type: 'done', result: checked, ms: Math.round(performance.now() - began) });
}

scope.onmessage = (event) => {
  run(event.data).catch((e: unknown) => scope.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) }));
};
