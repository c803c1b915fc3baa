// Zod must not try to compile parsers with `new Function` under the page's CSP (no 'unsafe-eval').
import '../../../shared/jitless';
import { extractArticle, htmlToText } from '../../../shared/extract';
import type { ExtractRequest, ExtractResponse } from './extract-protocol';

/**
 * Runs the article extractor off the window's thread, so that a long article never freezes the
 * screen; the page cancels by terminating the worker. The renderer's tsconfig has DOM types, not
 * WebWorker ones, hence the narrow view of the worker's global scope.
 */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ExtractRequest>) => void) | null;
  postMessage(message: ExtractResponse): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const req = event.data;
  const began = performance.now();
  try {
    const plainText = req.format === 'html' ? htmlToText(req.input) : req.input;
    const result = extractArticle(plainText, {
      publishedOn: req.publishedOn ?? undefined,
      knownPeople: req.knownPeople,
    });
    scope.postMessage({ id: req.id, ok: true, result, plainText, ms: Math.round(performance.now() - began) });
  } catch (e) {
    scope.postMessage({ id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
};
