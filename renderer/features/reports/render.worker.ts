// Zod must not try to compile parsers with `new Function` under the page's CSP (no 'unsafe-eval').
import '../../../shared/jitless';
import { renderRequest, type RenderRequest, type RenderResponse } from './render-protocol';

/**
 * Renders a report model (the brief or the annex) to a file off the window's thread: a Word document of a few thousand
 * visits takes seconds, and the screen must stay responsive meanwhile. The page cancels by
 * terminating the worker. The renderer's tsconfig has DOM types, not WebWorker ones, hence the
 * narrow view of the worker's global scope.
 */
interface WorkerScope {
  onmessage: ((event: MessageEvent<RenderRequest>) => void) | null;
  postMessage(message: RenderResponse, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  renderRequest(event.data).then(
    (content) => {
      // Bytes are moved, not copied.
      if (typeof content === 'string') scope.postMessage({ ok: true, content });
      else scope.postMessage({ ok: true, content }, [content.buffer]);
    },
    (e: unknown) => scope.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) }),
  );
};
