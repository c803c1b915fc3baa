import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { describeStorageError, undoLast } from '../db';

export interface Toast {
  id: number;
  message: string;
  kind: 'info' | 'error';
  /** Show an Undo button that reverts the newest change. */
  undo?: boolean;
}

interface ToastApi {
  notify(message: string, options?: { kind?: 'info' | 'error'; undo?: boolean }): void;
  /** Reports a failure in words (a full disk, a refused edit) without losing the user's input. */
  fail(error: unknown): void;
}

const ToastContext = createContext<ToastApi | null>(null);

let nextId = 1;

/** Notifications at the bottom of the window, announced to screen readers; "Undo" where it applies. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((t) => t.filter((x) => x.id !== id)), []);
  const notify = useCallback(
    (message: string, options: { kind?: 'info' | 'error'; undo?: boolean } = {}) => {
      const id = nextId++;
      setToasts((t) => [...t.slice(-3), { id, message, kind: options.kind ?? 'info', undo: options.undo ?? false }]);
      if ((options.kind ?? 'info') === 'info') setTimeout(() => dismiss(id), options.undo ? 10_000 : 5_000);
    },
    [dismiss],
  );
  const fail = useCallback((error: unknown) => notify(describeStorageError(error), { kind: 'error' }), [notify]);
  const api = useMemo(() => ({ notify, fail }), [notify, fail]);
  const undo = useCallback(
    (id: number) => {
      dismiss(id);
      undoLast().then(
        (label) => notify(label ? `Undone: ${label}` : 'Nothing to undo'),
        (e: unknown) => fail(e),
      );
    },
    [dismiss, notify, fail],
  );
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className={`toast toast-${t.kind}`} role={t.kind === 'error' ? 'alert' : undefined}>
            <span>{t.message}</span>
            {t.undo && (
              <button type="button" onClick={() => undo(t.id)}>
                Undo
              </button>
            )}
            <button type="button" aria-label="Dismiss" className="toast-close" onClick={() => dismiss(t.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast outside ToastProvider');
  return api;
}
