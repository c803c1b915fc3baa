import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { describeStorageError } from '../../db';

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'failed'; message: string };

/**
 * Autosave for a text: debounced writes while typing, and an immediate flush on blur, on unmount
 * (route change), when the page is hidden and on pagehide, so nothing typed is lost. Writes are
 * chained (never two at once, always in typing order). A failed write keeps the text pending and
 * the next keystroke (or flush) tries again; the caller keeps showing the typed text throughout.
 */
export function useAutosave(save: (text: string) => Promise<void>, delayMs = 300) {
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const pending = useRef<string | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const flush = useCallback((): Promise<void> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    chain.current = chain.current.then(async () => {
      const text = pending.current;
      if (text === null) return;
      pending.current = null;
      try {
        await saveRef.current(text);
        if (pending.current === null) setState({ kind: 'saved' });
      } catch (e) {
        // Keep the text to write: unless newer typing replaced it, it is retried next time.
        pending.current ??= text;
        setState({ kind: 'failed', message: describeStorageError(e) });
      }
    });
    return chain.current;
  }, []);

  const change = useCallback(
    (text: string) => {
      pending.current = text;
      setState({ kind: 'saving' });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [flush, delayMs],
  );

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      // Leaving the editor (route change): write what is still pending.
      void flush();
    };
  }, [flush]);

  const hasPending = useCallback(() => pending.current !== null, []);
  return useMemo(() => ({ state, change, flush, hasPending }), [state, change, flush, hasPending]);
}
