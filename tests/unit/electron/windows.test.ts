import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { isAppRoute, openWindowRequestSchema } from '../../../shared/bridge';
import type { Rectangle, WindowState } from '../../../electron/main/window-state';
import {
  CASCADE_OFFSET,
  createWindowManager,
  DEFAULT_ROUTE,
  fitSessionToDisplays,
  MAX_SESSION_WINDOWS,
  parseSession,
  routeFromUrl,
  serializeSession,
  windowUrlFor,
  type ManagedWindow,
} from '../../../electron/main/windows';

// window.ts imports BrowserWindow & co. at runtime; hardenWebContents needs none of them.
vi.mock('electron', () => ({ BrowserWindow: class {}, nativeTheme: { shouldUseDarkColors: false }, screen: {} }));
const { hardenWebContents } = await import('../../../electron/main/window');

const laptop: Rectangle = { x: 0, y: 0, width: 1440, height: 875 };
const rightMonitor: Rectangle = { x: 1440, y: 0, width: 2560, height: 1415 };
const visitId = '0b6c1f5e-8c1a-4d7e-9a51-3f0f1b1e2d3c';

describe('isAppRoute (what a window may show)', () => {
  it.each([
    '/visits',
    `/visits/${visitId}`,
    `/visits/${visitId}/edit`,
    '/visits/new',
    '/people',
    `/people/${visitId}`,
    '/sources',
    '/notes',
    '/timeline',
    '/map',
    '/calendar',
    '/dashboard',
    '/search?q=al-Kadhemi',
    '/search?q=Tehran+visit&status=planned',
    '/reports',
    '/import/dataset',
    '/reconcile',
    '/settings',
    '/visits?status=planned&country=IQ&sort=date-desc',
  ])('accepts %s', (route) => {
    expect(isAppRoute(route)).toBe(true);
    expect(openWindowRequestSchema.safeParse({ route }).success).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['root', '/'],
    ['no slash', 'visits'],
    ['unknown screen', '/admin'],
    ['screen prefix', '/visitsx'],
    ['three segments', `/visits/${visitId}/edit/more`],
    ['dot-dot', '/visits/../../etc/passwd'],
    ['dot segment', '/visits/./x'],
    ['encoded slash in path', '/visits/%2e%2e'],
    ['backslash', '/visits\\x'],
    ['double slash', '//evil.example/visits'],
    ['scheme', 'javascript:alert(1)'],
    ['full URL', 'https://evil.example/#/visits'],
    ['app URL', 'app://legation/#/visits'],
    ['file URL', 'file:///etc/passwd'],
    ['fragment', '/visits#x'],
    ['space', '/visits/a b'],
    ['newline', '/visits\n/people'],
    ['NUL', '/visits\u0000'],
    ['unicode look-alike', '/vіsits'],
    ['angle brackets in query', '/search?q=<script>'],
    ['quote in query', '/search?q="x"'],
    ['settings action (would replay an export)', '/settings?action=export'],
    ['too long', `/search?q=${'a'.repeat(2000)}`],
  ])('refuses %s', (_name, route) => {
    expect(isAppRoute(route)).toBe(false);
    expect(openWindowRequestSchema.safeParse({ route }).success).toBe(false);
  });

  it.each([null, undefined, 42, {}, ['/visits'], { toString: () => '/visits' }])('refuses non-string %j', (route) => {
    expect(isAppRoute(route)).toBe(false);
    expect(openWindowRequestSchema.safeParse({ route }).success).toBe(false);
  });

  it('refuses extra request fields', () => {
    expect(openWindowRequestSchema.safeParse({ route: '/visits', url: 'https://evil.example' }).success).toBe(false);
  });
});

describe('routeFromUrl', () => {
  it.each([
    ['app://legation/index.html#/visits', '/visits'],
    [`app://legation/index.html#/people/${visitId}`, `/people/${visitId}`],
    ['app://legation/#/map', '/map'],
    ['app://legation/index.html', DEFAULT_ROUTE],
    ['app://legation/index.html#/', DEFAULT_ROUTE],
    ['app://legation/index.html#/search?q=Tehran', '/search?q=Tehran'],
  ])('%s shows %s', (url, route) => {
    expect(routeFromUrl(url)).toBe(route);
  });

  it.each([
    'https://legation/index.html#/visits',
    'app://legation.evil/index.html#/visits',
    'app://evil/index.html#/visits',
    'app://user@legation/index.html#/visits',
    'app://legation:8080/index.html#/visits',
    'app://legation/other.html#/visits',
    'app://legation/index.html?db=x#/visits',
    'app://legation/index.html#/admin',
    'app://legation/index.html#javascript:alert(1)',
    'file:///index.html#/visits',
    'not a url',
    '',
    null,
    42,
  ])('ignores %j', (url) => {
    expect(routeFromUrl(url)).toBeNull();
  });

  it('round-trips with windowUrlFor', () => {
    expect(windowUrlFor('/visits/new')).toBe('app://legation/index.html#/visits/new');
    expect(routeFromUrl(windowUrlFor(`/sources/${visitId}`))).toBe(`/sources/${visitId}`);
  });
});

describe('parseSession', () => {
  const two = {
    version: 2,
    windows: [
      { route: '/visits', x: 10, y: 20, width: 1200, height: 800, isMaximized: false },
      { route: `/people/${visitId}`, x: 1500, y: 40, width: 900, height: 700, isMaximized: true },
    ],
  };

  it('reads the saved windows in order', () => {
    expect(parseSession(JSON.stringify(two)).windows).toEqual(two.windows);
  });

  it('reads the single-window format of earlier versions at the default route', () => {
    const legacy = JSON.stringify({ x: 5, y: 6, width: 1000, height: 700, isMaximized: true });
    expect(parseSession(legacy).windows).toEqual([{ route: DEFAULT_ROUTE, x: 5, y: 6, width: 1000, height: 700, isMaximized: true }]);
  });

  it.each([null, '', '{', 'null', '[]', '"x"', JSON.stringify({ version: 3, windows: [] }), JSON.stringify({ version: 2, windows: 'x' })])(
    'falls back to one default window on %j',
    (text) => {
      const { windows } = parseSession(text);
      expect(windows).toHaveLength(1);
      expect(windows[0]).toMatchObject({ route: DEFAULT_ROUTE, width: 1280, height: 820, isMaximized: false });
    },
  );

  it('drops malformed entries one by one and keeps the rest', () => {
    const text = JSON.stringify({
      version: 2,
      windows: [
        { route: 'javascript:alert(1)', x: 0, y: 0, width: 800, height: 600 },
        { route: '/map', x: 0, y: 0, width: -5, height: 600 },
        { route: '/map', x: 0, y: 0, width: 'wide', height: 600 },
        { route: '/map', x: 0, y: 0, width: 1e9, height: 600 },
        null,
        'window',
        { route: '/settings?action=restore', width: 800, height: 600 },
        { route: '/timeline', x: 30, width: 800, height: 600 },
        { route: '/calendar', x: 40, y: 50, width: 800, height: 600, isMaximized: 'yes' },
      ],
    });
    expect(parseSession(text).windows).toEqual([{ route: '/timeline', width: 800, height: 600, isMaximized: false }]);
  });

  it('gives one default window when every entry is bad', () => {
    const text = JSON.stringify({ version: 2, windows: [{ route: '/nope', width: 800, height: 600 }] });
    expect(parseSession(text).windows).toEqual([{ route: DEFAULT_ROUTE, width: 1280, height: 820, isMaximized: false }]);
  });

  it(`keeps at most ${MAX_SESSION_WINDOWS} windows`, () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ route: '/visits', x: i, y: i, width: 800, height: 600 }));
    expect(parseSession(JSON.stringify({ version: 2, windows: many })).windows).toHaveLength(MAX_SESSION_WINDOWS);
  });

  it('serializes what it parses', () => {
    expect(parseSession(serializeSession(parseSession(JSON.stringify(two)))).windows).toEqual(two.windows);
  });
});

describe('fitSessionToDisplays', () => {
  it('keeps windows on connected displays, each clamped', () => {
    const fitted = fitSessionToDisplays(
      {
        windows: [
          { route: '/visits', x: 100, y: 100, width: 1000, height: 700, isMaximized: false },
          { route: '/map', x: 3900, y: 100, width: 1000, height: 700, isMaximized: false },
        ],
      },
      [laptop, rightMonitor],
      laptop,
    );
    expect(fitted).toEqual([
      { route: '/visits', x: 100, y: 100, width: 1000, height: 700, isMaximized: false },
      { route: '/map', x: 3000, y: 100, width: 1000, height: 700, isMaximized: false },
    ]);
  });

  it('re-centres the first window but leaves closed the others whose monitor is gone', () => {
    const fitted = fitSessionToDisplays(
      {
        windows: [
          { route: '/people', x: 2000, y: 100, width: 1000, height: 700, isMaximized: false },
          { route: '/map', x: 2500, y: 100, width: 1000, height: 700, isMaximized: false },
          { route: '/notes', x: 300, y: 100, width: 1000, height: 700, isMaximized: false },
          { route: '/timeline', width: 900, height: 600, isMaximized: false },
        ],
      },
      [laptop],
      laptop,
    );
    expect(fitted.map((w) => w.route)).toEqual(['/people', '/notes', '/timeline']);
    expect(fitted[0]).toEqual({ route: '/people', width: 1000, height: 700, isMaximized: false });
  });
});

describe('createWindowManager', () => {
  class FakeWindow implements ManagedWindow {
    listeners = new Map<string, (() => void)[]>();
    destroyed = false;
    minimized = false;
    maximized = false;
    focused = 0;
    bounds: Rectangle;
    constructor(
      readonly route: string,
      state: WindowState,
    ) {
      this.bounds = { x: state.x ?? 100, y: state.y ?? 100, width: state.width, height: state.height };
      this.maximized = state.isMaximized;
    }
    getNormalBounds = () => this.bounds;
    isMaximized = () => this.maximized;
    isMinimized = () => this.minimized;
    isFullScreen = () => false;
    isDestroyed = () => this.destroyed;
    focus = () => void this.focused++;
    on(event: string, listener: () => void) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    emit(event: string) {
      this.listeners.get(event)?.forEach((l) => l());
    }
    close() {
      this.emit('close');
      this.destroyed = true;
      this.emit('closed');
    }
  }

  function setup(saved: string | null) {
    const created: FakeWindow[] = [];
    const writes: string[] = [];
    const syncWrites: string[] = [];
    let pending: (() => void) | null = null;
    const manager = createWindowManager<FakeWindow>({
      createWindow: ({ route, state }) => {
        const win = new FakeWindow(route, state);
        created.push(win);
        return win;
      },
      readText: () => saved,
      writeText: vi.fn((text: string) => {
        writes.push(text);
        return Promise.resolve();
      }),
      writeTextSync: (text) => void syncWrites.push(text),
      displays: () => ({ workAreas: [laptop, rightMonitor], primary: laptop }),
      setTimer: (callback) => {
        pending = callback;
        return 1;
      },
      clearTimer: () => {
        pending = null;
      },
    });
    const fire = async () => {
      const callback = pending;
      pending = null;
      callback?.();
      await Promise.resolve();
    };
    const lastSaved = () => parseSession(syncWrites.at(-1) ?? writes.at(-1) ?? null).windows;
    return { manager, created, writes, syncWrites, fire, lastSaved };
  }

  const savedTwo = serializeSession({
    windows: [
      { route: '/visits', x: 10, y: 10, width: 1200, height: 800, isMaximized: false },
      { route: '/map', x: 1500, y: 40, width: 900, height: 700, isMaximized: true },
    ],
  });

  it('opens one window at the Visits list on first launch', () => {
    const { manager, created } = setup(null);
    manager.restore();
    expect(created.map((w) => w.route)).toEqual([DEFAULT_ROUTE]);
  });

  it('restores every saved window at its route and place', () => {
    const { manager, created } = setup(savedTwo);
    expect(manager.restore()).toHaveLength(2);
    expect(created.map((w) => [w.route, w.bounds.x, w.maximized])).toEqual([
      ['/visits', 10, false],
      ['/map', 1500, true],
    ]);
  });

  it('opens a valid route cascaded from the asking window and remembers it', async () => {
    const { manager, created, fire, lastSaved } = setup(null);
    const [first] = manager.restore();
    const { reply, window } = manager.open(`/visits/${visitId}`, first);
    expect(reply).toEqual({ status: 'opened' });
    expect(window?.route).toBe(`/visits/${visitId}`);
    expect(window?.focused).toBe(1);
    expect(created[1]?.bounds.x).toBe((first?.bounds.x ?? 0) + CASCADE_OFFSET);
    await fire();
    expect(lastSaved().map((w) => w.route)).toEqual(['/visits', `/visits/${visitId}`]);
  });

  it.each(['https://evil.example', '/admin', '/visits/../x', 42, null, { route: '/visits' }])('refuses to open %j', (route) => {
    const { manager, created } = setup(null);
    manager.restore();
    const { reply, window } = manager.open(route);
    expect(reply.status).toBe('refused');
    expect(window).toBeNull();
    expect(created).toHaveLength(1);
  });

  it('follows navigation inside a window, ignoring URLs off the allow-list', async () => {
    const { manager, fire, lastSaved } = setup(null);
    const [win] = manager.restore();
    await fire();
    manager.navigated(win!, 'app://legation/index.html#/people');
    await fire();
    expect(lastSaved()[0]?.route).toBe('/people');
    manager.navigated(win!, 'https://evil.example/#/map');
    manager.navigated(win!, 'app://legation/index.html#/admin');
    await fire();
    expect(lastSaved()[0]?.route).toBe('/people');
  });

  it('saves moves debounced, with the normal bounds', async () => {
    const { manager, writes, fire, lastSaved } = setup(null);
    const [win] = manager.restore();
    await fire();
    const before = writes.length;
    win!.bounds = { x: 200, y: 150, width: 1000, height: 700 };
    win!.emit('move');
    win!.emit('move');
    win!.emit('resize');
    expect(writes).toHaveLength(before);
    await fire();
    expect(writes).toHaveLength(before + 1);
    expect(lastSaved()[0]).toMatchObject({ x: 200, y: 150, width: 1000, height: 700 });
  });

  it('keeps the last normal place of a minimized window', async () => {
    const { manager, fire, lastSaved } = setup(savedTwo);
    const [win] = manager.restore();
    await fire();
    win!.minimized = true;
    win!.bounds = { x: -32000, y: -32000, width: 160, height: 28 };
    win!.emit('move');
    await fire();
    expect(lastSaved()[0]).toMatchObject({ x: 10, y: 10 });
  });

  it('forgets a window closed while others stay open', () => {
    const { manager, created, lastSaved } = setup(savedTwo);
    manager.restore();
    created[1]!.close();
    expect(lastSaved().map((w) => w.route)).toEqual(['/visits']);
    expect(manager.windows()).toHaveLength(1);
  });

  it('keeps the last window closed (the app quits after it)', () => {
    const { manager, created, lastSaved } = setup(savedTwo);
    manager.restore();
    created[1]!.close();
    created[0]!.bounds = { x: 50, y: 60, width: 1100, height: 750 };
    created[0]!.close();
    expect(lastSaved()).toEqual([{ route: '/visits', x: 50, y: 60, width: 1100, height: 750, isMaximized: false }]);
  });

  it('keeps every window when the app quits, so the whole set comes back', () => {
    const { manager, created, syncWrites, lastSaved } = setup(savedTwo);
    manager.restore();
    manager.open('/notes', created[0]);
    manager.prepareToQuit();
    for (const win of [...created]) win.close();
    expect(syncWrites.length).toBeGreaterThan(0);
    expect(lastSaved().map((w) => w.route)).toEqual(['/visits', '/map', '/notes']);

    // Next launch: the same three windows.
    const next = setup(syncWrites.at(-1)!);
    next.manager.restore();
    expect(next.created.map((w) => w.route)).toEqual(['/visits', '/map', '/notes']);
  });

  it('reports a failed write and tries again next time', async () => {
    const onError = vi.fn();
    let fail = true;
    const written: string[] = [];
    let pending: (() => void) | null = null;
    const manager = createWindowManager<FakeWindow>({
      createWindow: ({ route, state }) => new FakeWindow(route, state),
      readText: () => null,
      writeText: (text) => {
        if (fail) return Promise.reject(new Error('disk full'));
        written.push(text);
        return Promise.resolve();
      },
      writeTextSync: () => undefined,
      displays: () => ({ workAreas: [laptop], primary: laptop }),
      setTimer: (callback) => {
        pending = callback;
        return 1;
      },
      clearTimer: () => {
        pending = null;
      },
      onError,
    });
    manager.restore();
    await manager.flush();
    expect(onError).toHaveBeenCalledOnce();
    fail = false;
    expect(pending).toBeNull();
    await manager.flush();
    expect(written).toHaveLength(1);
  });
});

describe('hardenWebContents: links to app pages open Legation windows', () => {
  function harden() {
    let handler: ((details: { url: string }) => { action: string }) | null = null;
    const contents = {
      on: () => contents,
      setWindowOpenHandler: (h: typeof handler) => {
        handler = h;
      },
    };
    const opened: string[] = [];
    const log = vi.fn();
    hardenWebContents(contents as unknown as WebContents, log, (route) => void opened.push(route));
    return { open: (url: string) => handler!({ url }), opened, log };
  }

  it("denies Chromium's window but opens an app window for a middle-click on an app link", () => {
    const { open, opened } = harden();
    expect(open(`app://legation/index.html#/visits/${visitId}`)).toEqual({ action: 'deny' });
    expect(open('app://legation/#/map')).toEqual({ action: 'deny' });
    expect(opened).toEqual([`/visits/${visitId}`, '/map']);
  });

  it.each([
    'https://example.com/#/visits',
    'app://legation.evil/index.html#/visits',
    'app://legation/index.html#/admin',
    'app://legation/index.html?x=1#/visits',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'about:blank',
    '',
  ])('refuses and logs %s without opening anything', (url) => {
    const { open, opened, log } = harden();
    expect(open(url)).toEqual({ action: 'deny' });
    expect(opened).toEqual([]);
    expect(log).toHaveBeenCalledOnce();
  });
});
