import { z } from 'zod';
import { isAppRoute, type OpenWindowReply } from '../../shared/bridge';
import { ENTRY_URL } from './app-identity';
import { isAppUrl } from './security';
import { clampToDisplays, MIN_WINDOW_SIZE, parseWindowState, type Rectangle, type WindowState } from './window-state';

/**
 * The window manager: every Legation window shows one app route; the set of open windows, each
 * with its route and bounds, is the *session*, saved in the window-state file whenever a window
 * moves, navigates, opens or closes, and reopened on the next launch. Electron, the file system,
 * displays and timers are injected, so the whole module is tested without Electron
 * (tests/unit/electron/windows.test.ts); window.ts, main.ts and handlers/windows.ts plug the real ones in.
 */

/** The route a window without one (first launch, a damaged session) shows. */
export const DEFAULT_ROUTE = '/visits';
/** More windows than this in a saved session is not a session anybody made: the rest is dropped. */
export const MAX_SESSION_WINDOWS = 16;
/** A new window opens this far down and right of the one that asked, so that both are visible. */
export const CASCADE_OFFSET = 32;

export interface SessionWindow extends WindowState {
  route: string;
}

export interface Session {
  windows: SessionWindow[];
}

const finite = z.number().finite();
const sessionWindowSchema = z.object({
  route: z.string(),
  x: finite.optional(),
  y: finite.optional(),
  width: finite.positive().max(100_000),
  height: finite.positive().max(100_000),
  isMaximized: z.boolean().optional().default(false),
});
const sessionFileSchema = z.object({ version: z.literal(2), windows: z.array(z.unknown()).max(1000) });

/**
 * Parse the window-state file into a session. Reads the current format
 * (`{ version: 2, windows: [...] }`) and the single-window format written by earlier versions
 * (one state, shown at the default route). Entries with a route outside the app's allow-list or
 * impossible bounds are dropped one by one; an empty or unreadable file gives one default window.
 * Never throws.
 */
export function parseSession(text: string | null): Session {
  const fallback = (): Session => ({ windows: [{ route: DEFAULT_ROUTE, ...parseWindowState(text) }] });
  if (text === null) return fallback();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fallback();
  }
  const file = sessionFileSchema.safeParse(json);
  if (!file.success) return fallback();
  const windows: SessionWindow[] = [];
  for (const raw of file.data.windows) {
    const entry = sessionWindowSchema.safeParse(raw);
    if (!entry.success || !isAppRoute(entry.data.route)) continue;
    const { route, x, y, width, height, isMaximized } = entry.data;
    windows.push(x !== undefined && y !== undefined ? { route, x, y, width, height, isMaximized } : { route, width, height, isMaximized });
    if (windows.length === MAX_SESSION_WINDOWS) break;
  }
  return windows.length > 0 ? { windows } : { windows: [{ route: DEFAULT_ROUTE, ...parseWindowState(null) }] };
}

export function serializeSession(session: Session): string {
  return JSON.stringify({ version: 2, windows: session.windows });
}

function overlaps(a: Rectangle, b: Rectangle): boolean {
  return Math.min(a.x + a.width, b.x + b.width) > Math.max(a.x, b.x) && Math.min(a.y + a.height, b.y + b.height) > Math.max(a.y, b.y);
}

/**
 * Fit a saved session to the displays connected now. The first window always comes back (moved
 * onto the primary display if its monitor is gone); other windows whose saved place is on no
 * connected display are left closed rather than piled up in the middle of the screen.
 */
export function fitSessionToDisplays(session: Session, workAreas: readonly Rectangle[], primary: Rectangle): SessionWindow[] {
  return session.windows.flatMap((win, index) => {
    const hasPlace = win.x !== undefined && win.y !== undefined;
    if (index > 0 && hasPlace) {
      const rect = { x: win.x ?? 0, y: win.y ?? 0, width: win.width, height: win.height };
      if (!workAreas.some((area) => overlaps(rect, area))) return [];
    }
    return [{ route: win.route, ...clampToDisplays(win, workAreas, primary) }];
  });
}

/**
 * The app route shown by a window URL such as `app://legation/index.html#/visits/<id>`, or null
 * when the URL is not one of our pages or its route is outside the allow-list. `#/` and an empty
 * hash (the app redirects them to the Visits list) give the default route.
 */
export function routeFromUrl(url: unknown): string | null {
  if (!isAppUrl(url)) return null;
  const parsed = new URL(url as string);
  if (parsed.pathname !== '/' && parsed.pathname !== '/index.html') return null;
  // The app itself takes no query (a `?db=` test hook is not something to reopen windows with).
  if (parsed.search !== '') return null;
  const hash = parsed.hash;
  if (hash === '' || hash === '#' || hash === '#/') return DEFAULT_ROUTE;
  const route = hash.slice(1);
  return isAppRoute(route) ? route : null;
}

/** The URL a window loads to show `route` (validated by the caller). */
export function windowUrlFor(route: string): string {
  return `${ENTRY_URL}#${route}`;
}

/** The BrowserWindow members the manager uses. */
export interface ManagedWindow {
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
  isMinimized(): boolean;
  isFullScreen(): boolean;
  isDestroyed(): boolean;
  focus(): void;
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close' | 'closed', listener: () => void): unknown;
}

export interface WindowManagerDeps<W extends ManagedWindow> {
  /** Create a hardened window at `state`'s bounds and load `windowUrlFor(route)`. */
  createWindow(input: { route: string; state: WindowState }): W;
  /** The window-state file's text, or null when there is none. */
  readText(): string | null;
  /** Write the session file (atomically, by the caller's implementation). */
  writeText(text: string): Promise<void>;
  /** Same, synchronously: when a window closes the app may exit before a promise settles. */
  writeTextSync(text: string): void;
  /** Work areas of the displays connected now, and the primary one's. */
  displays(): { workAreas: Rectangle[]; primary: Rectangle };
  debounceMs?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  onError?: (error: unknown) => void;
}

export interface WindowManager<W extends ManagedWindow> {
  /** Open the saved session's windows (at least one). */
  restore(): W[];
  /** Open `route` (unknown: validated here) in a new window, cascaded from `from` when given. */
  open(route: unknown, from?: W | null): { reply: OpenWindowReply; window: W | null };
  /** A window navigated (main.ts passes `webContents.getURL()`); routes off the allow-list are ignored. */
  navigated(win: W, url: unknown): void;
  /** The app is quitting: the windows about to close stay in the session. Saves now. */
  prepareToQuit(): void;
  /** Open windows, oldest first. */
  windows(): W[];
  /** What would be saved now. */
  session(): Session;
  /** Save now if anything changed. */
  flush(): Promise<void>;
}

export function createWindowManager<W extends ManagedWindow>(deps: WindowManagerDeps<W>): WindowManager<W> {
  const debounceMs = deps.debounceMs ?? 500;
  const setTimer = deps.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
  const clearTimer = deps.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  /** Insertion order = the order windows come back in; the first is the "main" one. */
  const entries = new Map<W, SessionWindow>();
  let quitting = false;
  let timer: unknown = null;
  let lastWritten: string | null = null;

  /** Refresh a window's bounds (a minimized or full-screen window keeps its last normal place). */
  const capture = (win: W): void => {
    const entry = entries.get(win);
    if (!entry || win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
    const b = win.getNormalBounds();
    entries.set(win, { route: entry.route, x: b.x, y: b.y, width: b.width, height: b.height, isMaximized: win.isMaximized() });
  };

  const session = (): Session => ({ windows: [...entries.values()].map((w) => ({ ...w })) });

  const takeChange = (): string | null => {
    if (timer !== null) {
      clearTimer(timer);
      timer = null;
    }
    if (entries.size === 0) return null;
    const text = serializeSession(session());
    if (text === lastWritten) return null;
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

  const track = (route: string, state: WindowState): W => {
    const win = deps.createWindow({ route, state });
    entries.set(win, { route, ...state });
    const changed = () => {
      capture(win);
      schedule();
    };
    for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) win.on(event, changed);
    win.on('close', () => {
      capture(win);
      // Closing one of several windows removes it from the session; the last window, or every
      // window while the app quits, stays: that is what comes back next time.
      if (!quitting && entries.size > 1) entries.delete(win);
      flushSync();
    });
    win.on('closed', () => {
      // While quitting, closed windows stay listed: the next one's final save must include them.
      if (!quitting) entries.delete(win);
    });
    schedule();
    return win;
  };

  return {
    restore() {
      const { workAreas, primary } = deps.displays();
      const saved = fitSessionToDisplays(parseSession(deps.readText()), workAreas, primary);
      quitting = false;
      return saved.map(({ route, ...state }) => track(route, state));
    },
    open(route, from) {
      if (!isAppRoute(route)) {
        return { reply: { status: 'refused', message: 'This page cannot be opened in a new window.' }, window: null };
      }
      const { workAreas, primary } = deps.displays();
      const source = from && !from.isDestroyed() ? from.getNormalBounds() : null;
      const state: WindowState = source
        ? clampToDisplays(
            {
              x: source.x + CASCADE_OFFSET,
              y: source.y + CASCADE_OFFSET,
              width: Math.max(source.width, MIN_WINDOW_SIZE.width),
              height: Math.max(source.height, MIN_WINDOW_SIZE.height),
              isMaximized: false,
            },
            workAreas,
            primary,
          )
        : clampToDisplays(parseWindowState(null), workAreas, primary);
      const win = track(route, state);
      win.focus();
      return { reply: { status: 'opened' }, window: win };
    },
    navigated(win, url) {
      const entry = entries.get(win);
      const route = routeFromUrl(url);
      if (!entry || route === null || route === entry.route) return;
      entries.set(win, { ...entry, route });
      schedule();
    },
    prepareToQuit() {
      quitting = true;
      for (const win of entries.keys()) capture(win);
      flushSync();
    },
    windows: () => [...entries.keys()].filter((win) => !win.isDestroyed()),
    session,
    flush,
  };
}
