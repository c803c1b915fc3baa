// Zod must not try to compile parsers with `new Function` under the page's CSP (no 'unsafe-eval').
import '../../shared/jitless';
import { SearchIndexHost } from './host';
import type { SearchWorkerMessage, SearchWorkerRequest } from './protocol';

/**
 * Hosts the search index off the window's thread: building it over a large database, restoring it
 * and answering queries never block the page. The worker opens its own connection to the same
 * IndexedDB database and hears every window's writes through Dexie's cross-context
 * `storagemutated` events. The renderer's tsconfig has DOM types, not WebWorker ones, hence the
 * narrow view of the worker's global scope.
 */
interface WorkerScope {
  onmessage: ((event: MessageEvent<SearchWorkerRequest>) => void) | null;
  postMessage(message: SearchWorkerMessage): void;
}
const scope = self as unknown as WorkerScope;

let host: SearchIndexHost | null = null;

scope.onmessage = (event) => {
  const msg = event.data;
  if (msg.type === 'init') {
    if (host) return;
    host = new SearchIndexHost(msg.dbName, (m) => scope.postMessage(m));
    void host.start();
    return;
  }
  if (!host) {
    if (msg.type === 'query') scope.postMessage({ type: 'error', id: msg.id, message: 'The search index was not started' });
    return;
  }
  host.handle(msg);
};
