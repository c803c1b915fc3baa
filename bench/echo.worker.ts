/**
 * A worker that answers every message with the message itself: the benchmark times a round trip
 * to it after each linear scan, under the same conditions as a search query (the floor any query
 * answered by a worker pays on the machine).
 */
const scope = self as unknown as { onmessage: ((e: MessageEvent<unknown>) => void) | null; postMessage(m: unknown): void };
scope.onmessage = (e) => scope.postMessage(e.data);
