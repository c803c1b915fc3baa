import { ReportCancelledError } from '../../../shared/reports';
import { renderRequest, type RenderRequest, type RenderResponse } from './render-protocol';

/**
 * Renders the model in a Web Worker (render.worker.ts), so a long DOCX or HTML render never
 * freezes the screen; aborting the signal terminates the worker. Where a worker cannot start,
 * it renders here instead (same renderers, same result).
 */
export function renderInWorker(request: RenderRequest, signal: AbortSignal): Promise<string | Uint8Array<ArrayBuffer>> {
  if (signal.aborted) return Promise.reject(new ReportCancelledError());
  let worker: Worker;
  try {
    worker = new Worker(new URL('./render.worker.ts', import.meta.url), { type: 'module', name: 'report-renderer' });
  } catch {
    return renderRequest(request);
  }
  return new Promise((resolve, reject) => {
    const stop = () => {
      worker.terminate();
      reject(new ReportCancelledError());
    };
    signal.addEventListener('abort', stop, { once: true });
    const done = () => {
      signal.removeEventListener('abort', stop);
      worker.terminate();
    };
    worker.onmessage = (e: MessageEvent<RenderResponse>) => {
      done();
      if (e.data.ok) resolve(e.data.content);
      else reject(new Error(e.data.error));
    };
    worker.onerror = (e) => {
      done();
      reject(new Error(e.message || 'The report could not be written'));
    };
    worker.postMessage(request);
  });
}
