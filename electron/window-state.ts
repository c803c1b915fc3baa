import { z } from 'zod';

/**
 * Window size, position and maximized state across restarts, stored as JSON in userData.
 * File access, displays and timers are injected; the window is any object with the few
 * BrowserWindow methods used, so the whole module is tested without Electron.
 */

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent on first launch: Electron then centres the window on the primary display. */
  x?: number | undefined;
  y?: number | undefined;
  width: number;
  height: number;
  isMaximized: boolean;
}

export const DEFAULT_WINDOW_STATE: Readonly<WindowState> = Object.freeze({ width: 1280, height: 820, isMaximized: false });
export const MIN_WINDOW_SIZE = Object.freeze({ width: 720, height: 480 });

const finite = z.number().finite();
const storedStateSchema = z.object({
  x: finite.optional(),
  y: finite.optional(),
  width: finite.positive(),
  height: finite.positive(),
  isMaximized: z.boolean().optional().default(false),
});

/** Parse the saved file; anything unreadable or odd falls back to the defaults (never throws). */
export function parseWindowState(text: string | null): WindowState {
  if (text === null) return { ...DEFAULT_WINDOW_STATE };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
  const parsed = storedStateSchema.safeParse(json);
  if (!parsed.success) return { ...DEFAULT_WINDOW_STATE };
  const { x, y, width, height, isMaximized } = parsed.data;
  // A position is only meaningful as a pair.
  return x !== undefined && y !== undefined ? { x, y, width, height, isMaximized } : { width, height, isMaximized };
}

/** Visible area of the overlap of two rectangles (0 when they do not touch). */
function overlapArea(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/**
 * Fit a saved state to the displays connected now (their work areas, without task bars).
 * The window goes to the display it overlaps most, shrinks to fit that display if needed and
 * moves so that it is fully visible. If it overlaps none (a monitor was unplugged), it is
 * re-centred on the primary display — never restored somewhere the user cannot reach.
 */
export function clampToDisplays(state: WindowState, workAreas: readonly Rectangle[], primary: Rectangle): WindowState {
  const fitSize = (area: Rectangle) => ({
    width: Math.round(Math.min(Math.max(state.width, Math.min(MIN_WINDOW_SIZE.width, area.width)), area.width)),
    height: Math.round(Math.min(Math.max(state.height, Math.min(MIN_WINDOW_SIZE.height, area.height)), area.height)),
  });

  if (state.x === undefined || state.y === undefined) {
    return { ...fitSize(primary), isMaximized: state.isMaximized };
  }
  const rect: Rectangle = { x: state.x, y: state.y, width: state.width, height: state.height };
  let best: Rectangle | undefined;
  let bestArea = 0;
  for (const area of workAreas) {
    const overlap = overlapArea(rect, area);
    if (overlap > bestArea) {
      best = area;
      bestArea = overlap;
    }
  }
  if (!best) return { ...fitSize(primary), isMaximized: state.isMaximized };

  const size = fitSize(best);
  const x = Math.round(Math.min(Math.max(state.x, best.x), best.x + best.width - size.width));
  const y = Math.round(Math.min(Math.max(state.y, best.y), best.y + best.height - size.height));
  return { x, y, ...size, isMaximized: state.isMaximized };
}

/** The BrowserWindow methods the tracker uses. */
export interface TrackableWindow {
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
  isMinimized(): boolean;
  isFullScreen(): boolean;
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
}

export interface WindowStateStoreDeps {
  /** Write the JSON text (atomically, by the caller's implementation). */
  writeText(text: string): Promise<void>;
  /**
   * Same, synchronously: used when the window closes, because the app may quit right after and
   * Electron does not wait for pending promises before exiting.
   */
  writeTextSync(text: string): void;
  debounceMs?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  onError?: (error: unknown) => void;
}

/**
 * Save the window's state when it changes, at most once per `debounceMs` (moving a window fires
 * dozens of events a second), and immediately when it closes. Uses the *normal* bounds, so that
 * un-maximizing after a restart returns to the size the user chose.
 */
export function trackWindowState(win: TrackableWindow, deps: WindowStateStoreDeps): { flush(): Promise<void>; flushSync(): void } {
  const debounceMs = deps.debounceMs ?? 500;
  const setTimer = deps.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
  const clearTimer = deps.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let timer: unknown = null;
  let lastWritten: string | null = null;

  const snapshot = (): string | null => {
    // A minimized or full-screen window does not describe where the user wants it next time.
    if (win.isMinimized() || win.isFullScreen()) return null;
    const bounds = win.getNormalBounds();
    const state: WindowState = { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height, isMaximized: win.isMaximized() };
    return JSON.stringify(state);
  };

  /** The text to write now, or null when there is nothing new (cancels a pending save). */
  const takeChange = (): string | null => {
    if (timer !== null) {
      clearTimer(timer);
      timer = null;
    }
    const text = snapshot();
    if (text === null || text === lastWritten) return null;
    lastWritten = text;
    return text;
  };

  const flush = async (): Promise<void> => {
    const text = takeChange();
    if (text === null) return;
    try {
      await deps.writeText(text);
    } catch (error) {
      lastWritten = null;
      deps.onError?.(error);
    }
  };

  const flushSync = (): void => {
    const text = takeChange();
    if (text === null) return;
    try {
      deps.writeTextSync(text);
    } catch (error) {
      lastWritten = null;
      deps.onError?.(error);
    }
  };

  const schedule = (): void => {
    if (timer !== null) clearTimer(timer);
    timer = setTimer(() => {
      timer = null;
      void flush();
    }, debounceMs);
  };

  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(event, schedule);
  win.on('close', flushSync);
  return { flush, flushSync };
}
