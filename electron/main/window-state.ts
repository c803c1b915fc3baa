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
