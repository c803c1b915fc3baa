import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { APP_ORIGIN, ENTRY_URL } from '../../../electron/main/app-identity';
import { createDesktopBridge } from '../../../electron/preload/bridge-client';
import { openExternalLink } from '../../../electron/main/external-links';
import { createHandlerRegistry } from '../../../electron/main/ipc';
import type { IpcReply } from '../../../electron/common/ipc-reply';
import { headersFor } from '../../../electron/main/protocol';
import {
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  CSP_DIRECTIVES,
  isAllowedRequestUrl,
  isPermissionAllowed,
  navigationDecision,
  webPreferencesFor,
} from '../../../electron/main/security';
import { mainWindowOptions } from '../../../electron/main/window-options';
import { DEFAULT_WINDOW_STATE } from '../../../electron/main/window-state';

// window.ts imports BrowserWindow & co. at runtime; hardenWebContents needs none of them.
vi.mock('electron', () => ({ BrowserWindow: class {}, nativeTheme: { shouldUseDarkColors: false }, screen: {} }));
const { hardenWebContents } = await import('../../../electron/main/window');

/**
 * Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security), one
 * `describe` per item, numbered as there. docs/security/checklist.md says how each holds; the
 * tests below prove it on the code the app runs (the options, handlers and sources themselves).
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const read = (relative: string) => readFileSync(path.join(root, relative), 'utf8');
/** Main-process and preload sources, comments stripped, so a comment that names an API is not a use of it. */
const electronSources = readdirSync(path.join(root, 'electron'), { recursive: true, encoding: 'utf8' })
  .map((name) => name.split(path.sep).join('/'))
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
  .map((name) => ({ name, code: stripComments(read(`electron/${name}`)) }));
const rendererSources = listFiles(path.join(root, 'renderer'))
  .filter((file) => /\.(ts|tsx|html)$/.test(file))
  .map((file) => ({ name: path.relative(root, file), code: stripComments(readFileSync(file, 'utf8')) }));

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** Files (by name) whose code matches `pattern`. */
function using(sources: { name: string; code: string }[], pattern: RegExp): string[] {
  return sources.filter((source) => pattern.test(source.code)).map((source) => source.name);
}

const prefs = webPreferencesFor('/app/dist/electron/preload.cjs', { devTools: false });
const windowPrefs = mainWindowOptions({
  preloadPath: '/p.cjs',
  isDev: false,
  state: { ...DEFAULT_WINDOW_STATE },
  darkBackground: false,
}).webPreferences;
const sourceOf = (name: string) => electronSources.find((source) => source.name === name)?.code ?? '';
const mainSource = sourceOf('main/main.ts');

/** A WebContents stand-in that records the handlers hardenWebContents installs. */
function fakeContents() {
  const listeners = new Map<string, (event: { url: string; preventDefault(): void }) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on: (name: string, listener: (event: { url: string; preventDefault(): void }) => void) => {
      listeners.set(name, listener);
      return contents;
    },
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
      openHandler = handler;
    },
  };
  hardenWebContents(contents as unknown as WebContents, () => {});
  const emit = (name: string, url: string) => {
    const event = { url, preventDefault: vi.fn() };
    const listener = listeners.get(name);
    if (!listener) throw new Error(`no ${name} listener`);
    listener(event);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { emit, open: (url: string) => openHandler?.({ url }).action };
}

const REMOTE_URLS = [
  'https://evil.example/',
  'http://localhost:5173/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'app://evil/index.html',
  'app://legation.evil/index.html',
];

describe('1. Only load secure content', () => {
  it('loads the app from app://legation, a scheme registered as secure', () => {
    expect(ENTRY_URL.startsWith(`${APP_ORIGIN}/`)).toBe(true);
    expect(APP_SCHEME_PRIVILEGES.secure).toBe(true);
  });

  it('lets no request leave the app: the CSP and the session filter name no remote origin', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|ftp:|\*/);
    for (const url of ['http://example.org/x.js', 'https://cdn.example/x.css', 'ws://localhost/', 'ftp://x/']) {
      expect(isAllowedRequestUrl(url)).toBe(false);
    }
    expect(mainSource).toMatch(/webRequest\.onBeforeRequest\(/);
  });

  it('references no http(s) resource from the page', () => {
    const html = read('renderer/index.html');
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
  });
});

describe('2. Do not enable Node.js integration for remote content', () => {
  it('has Node integration off in the page, its workers and its frames', () => {
    for (const options of [prefs, windowPrefs]) {
      expect(options?.nodeIntegration).toBe(false);
      expect(options?.nodeIntegrationInWorker).toBe(false);
      expect(options?.nodeIntegrationInSubFrames).toBe(false);
    }
  });

  it('never turns it on anywhere in the main process', () => {
    expect(using(electronSources, /nodeIntegration\w*\s*:\s*true/)).toEqual([]);
  });
});

describe('3. Enable context isolation', () => {
  it('isolates the preload from the page', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(windowPrefs?.contextIsolation).toBe(true);
    expect(using(electronSources, /contextIsolation\s*:\s*false/)).toEqual([]);
  });

  it('crosses the boundary only through contextBridge', () => {
    const preload = read('electron/preload/preload.ts');
    expect(preload).toMatch(/contextBridge\.exposeInMainWorld\('legation', bridge\)/);
    expect(using(electronSources, /exposeInMainWorld\(/)).toEqual(['preload/preload.ts']);
  });
});

describe('4. Enable process sandboxing', () => {
  it('sandboxes every window, and every renderer whatever its options', () => {
    expect(prefs.sandbox).toBe(true);
    expect(windowPrefs?.sandbox).toBe(true);
    expect(using(electronSources, /sandbox\s*:\s*false|--no-sandbox|no-sandbox/)).toEqual([]);
    // app.enableSandbox() must run at module top level, before `ready`.
    const enable = mainSource.indexOf('app.enableSandbox()');
    expect(enable).toBeGreaterThan(-1);
    expect(enable).toBeLessThan(mainSource.indexOf('whenReady()'));
  });
});

describe('5. Handle session permission requests from remote content', () => {
  it('installs both permission handlers on the session, through isPermissionAllowed', () => {
    expect(mainSource).toMatch(/setPermissionRequestHandler\([\s\S]*?isPermissionAllowed\(permission, details\.requestingUrl\)/);
    expect(mainSource).toMatch(/setPermissionCheckHandler\([\s\S]*?isPermissionAllowed\(/);
  });

  it('denies every permission but persistent storage, and that only to our origin', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'pointerLock',
      'fullscreen',
      'hid',
    ]) {
      expect(isPermissionAllowed(permission, APP_ORIGIN)).toBe(false);
    }
    expect(isPermissionAllowed('persistent-storage', APP_ORIGIN)).toBe(true);
    expect(isPermissionAllowed('persistent-storage', 'https://evil.example')).toBe(false);
  });
});

describe('6. Do not disable webSecurity', () => {
  it('keeps web security on and never switches it off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(using(electronSources, /webSecurity\s*:\s*false|disable-web-security|allow-file-access-from-files/)).toEqual([]);
  });
});

describe('7. Define a Content Security Policy', () => {
  it('sends a strict CSP header with every HTML page: own scripts only, no eval', () => {
    const headers = headersFor('/dist/renderer/index.html');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CSP_DIRECTIVES['default-src']).toEqual(["'none'"]);
    expect(CSP_DIRECTIVES['script-src']).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|unsafe-hashes|strict-dynamic/);
    expect(CSP_DIRECTIVES['object-src']).toEqual(["'none'"]);
  });

  it('repeats the same policy in index.html for a plain browser (frame-ancestors is header-only)', () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(read('renderer/index.html'))?.[1];
    const headerWithoutFrameAncestors = CONTENT_SECURITY_POLICY.split('; ')
      .filter((directive) => !directive.startsWith('frame-ancestors'))
      .join('; ');
    expect(meta).toBe(headerWithoutFrameAncestors);
  });
});

describe('8. Do not enable allowRunningInsecureContent', () => {
  it('is false', () => {
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(using(electronSources, /allowRunningInsecureContent\s*:\s*true/)).toEqual([]);
  });
});

describe('9. Do not enable experimental features', () => {
  it('is false', () => {
    expect(prefs.experimentalFeatures).toBe(false);
    expect(using(electronSources, /experimentalFeatures\s*:\s*true|enable-experimental-web-platform-features/)).toEqual([]);
  });
});

describe('10. Do not use enableBlinkFeatures', () => {
  it('enables no Blink feature', () => {
    expect(prefs.enableBlinkFeatures).toBe('');
    expect(using(electronSources, /enableBlinkFeatures\s*:\s*['"`][^'"`]/)).toEqual([]);
    expect(using(electronSources, /appendSwitch\(\s*['"`]enable-blink-features/)).toEqual([]);
  });
});

describe('11. Do not use allowpopups for WebViews', () => {
  it('has the <webview> tag disabled and never writes allowpopups', () => {
    expect(prefs.webviewTag).toBe(false);
    expect(using([...electronSources, ...rendererSources], /allowpopups/i)).toEqual([]);
    expect(using(rendererSources, /<webview\b/i)).toEqual([]);
  });
});

describe('12. Verify WebView options before creation', () => {
  it('refuses to attach any <webview>, should one ever appear', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }) => void>();
    const contents = { on: (name: string, listener: (event: { preventDefault(): void }) => void) => listeners.set(name, listener) };
    hardenWebContents({ ...contents, setWindowOpenHandler: () => {} } as unknown as WebContents, () => {});
    const event = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')?.(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('hardens every web contents, not only the main window', () => {
    expect(mainSource).toMatch(/app\.on\('web-contents-created',[\s\S]*?hardenWebContents\(contents/);
  });
});

describe('13. Disable or limit navigation', () => {
  it('lets a window navigate within app://legation only (links, redirects, frames)', () => {
    const contents = fakeContents();
    for (const kind of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(contents.emit(kind, 'app://legation/index.html#/visits')).toBe(false);
      for (const url of REMOTE_URLS) expect(contents.emit(kind, url), `${kind} ${url}`).toBe(true);
    }
    expect(navigationDecision(undefined)).toBe('deny');
  });

  it('does not navigate on a dropped file', () => {
    expect(prefs.navigateOnDragDrop).toBe(false);
  });
});

describe('14. Disable or limit the creation of new windows', () => {
  it('denies every window Chromium would create, for any URL', () => {
    const contents = fakeContents();
    for (const url of [...REMOTE_URLS, 'app://legation/index.html#/visits', 'about:blank']) expect(contents.open(url)).toBe('deny');
  });
});

describe('15. Do not use shell.openExternal with untrusted content', () => {
  it('calls shell.openExternal only from the link handler, as the dependency of openExternalLink', () => {
    expect(using(electronSources, /shell\.openExternal\(/)).toEqual(['main/handlers/links.ts']);
    expect(sourceOf('main/handlers/links.ts')).toMatch(
      /openExternalLink\([\s\S]{0,1200}openExternal: \(url\) => shell\.openExternal\(url\)/,
    );
  });

  it('opens only http(s) links, after the user confirms', async () => {
    const openExternal = vi.fn(() => Promise.resolve());
    const confirm = vi.fn(() => Promise.resolve(true));
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      '\\\\server\\share\\x.exe',
      'smb://s/x',
      'app://legation/',
      'ms-msdt:x',
    ]) {
      await expect(openExternalLink({ confirm, openExternal }, { url })).resolves.toMatchObject({ status: 'refused' });
    }
    expect(confirm).not.toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
    const declined = vi.fn(() => Promise.resolve(false));
    await expect(openExternalLink({ confirm: declined, openExternal }, { url: 'https://example.org/' })).resolves.toEqual({
      status: 'cancelled',
    });
    expect(openExternal).not.toHaveBeenCalled();
    await expect(openExternalLink({ confirm, openExternal }, { url: 'https://example.org/' })).resolves.toEqual({ status: 'opened' });
    expect(openExternal).toHaveBeenCalledWith('https://example.org/');
  });
});

describe('16. Use a current version of Electron', () => {
  it('runs a supported Electron major (the three latest stable majors are supported; 45 or later here)', () => {
    const installed = (JSON.parse(read('node_modules/electron/package.json')) as { version: string }).version;
    const declared = (JSON.parse(read('package.json')) as { devDependencies: Record<string, string> }).devDependencies.electron ?? '';
    const major = Number(installed.split('.')[0]);
    expect(major).toBeGreaterThanOrEqual(45);
    expect(declared.replace(/^[\^~]/, '').split('.')[0]).toBe(String(major));
  });
});

describe('17. Validate the sender of all IPC messages', () => {
  it('registers every handler through createHandlerRegistry (no raw ipcMain.handle/on elsewhere)', () => {
    expect(using(electronSources, /ipcMain\.handle\(/)).toEqual(['main/ipc.ts']);
    expect(using(electronSources, /ipcMain\.(on|once|handleOnce)\(|sendSync/)).toEqual([]);
    expect(sourceOf('main/handlers/index.ts')).toMatch(/createHandlerRegistry\(\{\s*ipcMain,\s*isKnownWindowFrame/);
  });

  it('refuses a frame that is not the top frame of one of our windows, before running the handler', async () => {
    type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<IpcReply<unknown>>;
    let listener: Listener | null = null;
    const ours = { url: ENTRY_URL, origin: APP_ORIGIN, parent: null };
    const register = createHandlerRegistry({
      ipcMain: { handle: (_channel: string, l: Listener) => void (listener = l) },
      isKnownWindowFrame: (frame) => frame === (ours as unknown),
    });
    const handler = vi.fn(() => 'done');
    register('test:x', z.undefined(), handler);
    const invoke = (frame: unknown) => listener!({ senderFrame: frame } as unknown as IpcMainInvokeEvent);
    await expect(invoke({ url: 'https://evil.example/', origin: 'https://evil.example', parent: null })).resolves.toMatchObject({
      ok: false,
    });
    await expect(invoke({ ...ours, parent: ours })).resolves.toMatchObject({ ok: false });
    await expect(invoke(null)).resolves.toMatchObject({ ok: false });
    expect(handler).not.toHaveBeenCalled();
    await expect(invoke(ours)).resolves.toEqual({ ok: true, value: 'done' });
  });
});

describe('18. Avoid usage of the file protocol', () => {
  it('registers app:// as privileged before ready and never loads file://', () => {
    const register = mainSource.indexOf('protocol.registerSchemesAsPrivileged([APP_CUSTOM_SCHEME])');
    expect(register).toBeGreaterThan(-1);
    expect(register).toBeLessThan(mainSource.indexOf('whenReady()'));
    expect(mainSource).toMatch(/protocol\.handle\(\s*APP_SCHEME/);
    expect(using(electronSources, /\.loadFile\(|['"`]file:\/\//)).toEqual([]);
  });

  it('has the file-protocol fuse off in the packaged app', () => {
    const config = parseYaml(read('electron-builder.yml')) as { electronFuses: Record<string, boolean> };
    expect(config.electronFuses.grantFileProtocolExtraPrivileges).toBe(false);
  });
});

describe('19. Check which fuses you can change', () => {
  it('flips every fuse that widens what the packaged binary does', () => {
    const config = parseYaml(read('electron-builder.yml')) as { electronFuses: Record<string, boolean> };
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
  });
});

describe('20. Do not expose Electron APIs to untrusted web content', () => {
  it('exposes a frozen object of bridge methods, never ipcRenderer or an IPC event', () => {
    const invoke = vi.fn(() => Promise.resolve({ ok: true, value: { status: 'cancelled' } }));
    let forwarded: ((payload: unknown) => void) | null = null;
    const bridge = createDesktopBridge({
      invoke,
      subscribe: (_channel, listener) => {
        forwarded = listener;
        return () => {};
      },
    });
    expect(Object.isFrozen(bridge)).toBe(true);
    const values = Object.values(bridge) as unknown[];
    expect(values.every((value) => typeof value === 'function' || typeof value === 'string')).toBe(true);
    expect(Object.keys(bridge)).not.toContain('invoke');
    expect(Object.keys(bridge)).not.toContain('ipcRenderer');
    // A menu command listener receives a validated command, never the event or an arbitrary payload.
    const received: unknown[] = [];
    bridge.onMenuCommand((command) => received.push(command));
    forwarded!({ sender: { send: () => {} } });
    forwarded!('find');
    expect(received).toEqual(['find']);
  });

  it('the preload passes no IPC object across (the listener gets the payload only)', () => {
    const preload = stripComments(read('electron/preload/preload.ts'));
    expect(preload).toMatch(/\(_event: IpcRendererEvent, payload: unknown\): void => listener\(payload\)/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    expect(using(rendererSources, /from ['"]electron['"]|require\(['"]electron['"]\)/)).toEqual([]);
  });
});
