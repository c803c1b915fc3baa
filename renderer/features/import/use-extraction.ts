import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExtractRequest, ExtractResponse } from './extract-protocol';

export type ExtractionOutcome = Extract<ExtractResponse, { ok: true }> | { ok: false; error: string } | { ok: false; cancelled: true };

let nextId = 1;

/**
 * Runs extractions in a module worker, one at a time. `cancel()` terminates the worker (the only
 * way to stop synchronous work in it) and the pending run resolves as cancelled; a fresh worker
 * is started for the next run. The worker is terminated when the page unmounts.
 */
export function useExtraction() {
  const worker = useRef<Worker | null>(null);
  const pending = useRef<((o: ExtractionOutcome) => void) | null>(null);
  const [running, setRunning] = useState(false);

  const stop = useCallback((outcome: ExtractionOutcome | null) => {
    worker.current?.terminate();
    worker.current = null;
    const resolve = pending.current;
    pending.current = null;
    setRunning(false);
    if (resolve && outcome) resolve(outcome);
  }, []);

  useEffect(() => () => stop({ ok: false, cancelled: true }), [stop]);

  const run = useCallback(
    (request: Omit<ExtractRequest, 'id'>): Promise<ExtractionOutcome> => {
      stop({ ok: false, cancelled: true });
      const id = nextId++;
      return new Promise<ExtractionOutcome>((resolve) => {
        let w: Worker;
        try {
          w = new Worker(new URL('./extract.worker.ts', import.meta.url), { type: 'module', name: 'article-extractor' });
        } catch (e) {
          resolve({ ok: false, error: `The article reader could not start: ${e instanceof Error ? e.message : String(e)}` });
          return;
        }
        worker.current = w;
        pending.current = resolve;
        setRunning(true);
        w.onmessage = (event: MessageEvent<ExtractResponse>) => {
          if (event.data.id !== id) return;
          stop(event.data);
        };
        w.onerror = (event) => {
          event.preventDefault();
          stop({ ok: false, error: `The article reader stopped with an error${event.message ? `: ${event.message}` : ''}.` });
        };
        w.onmessageerror = () => stop({ ok: false, error: 'The article reader sent back something unreadable.' });
        w.postMessage({ ...request, id } satisfies ExtractRequest);
      });
    },
    [stop],
  );

  const cancel = useCallback(() => stop({ ok: false, cancelled: true }), [stop]);

  return { run, cancel, running };
}
