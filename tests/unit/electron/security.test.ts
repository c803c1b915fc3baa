import { describe, expect, it } from 'vitest';
import { APP_HOST, APP_NAME, APP_ORIGIN, APP_SCHEME, ENTRY_URL } from '../../../electron/main/app-identity';
import {
  APP_CUSTOM_SCHEME,
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  CSP_DIRECTIVES,
  isAllowedRequestUrl,
  isAppUrl,
  isPermissionAllowed,
  navigationDecision,
  webPreferencesFor,
  windowOpenDecision,
} from '../../../electron/main/security';
import { mainWindowOptions } from '../../../electron/main/window-options';
import { DEFAULT_WINDOW_STATE } from '../../../electron/main/window-state';

describe('app identity (must never change: IndexedDB belongs to this origin)', () => {
  it('is app://legation, named Legation', () => {
    expect(APP_SCHEME).toBe('app');
    expect(APP_HOST).toBe('legation');
    expect(APP_ORIGIN).toBe('app://legation');
    expect(APP_NAME).toBe('Legation');
    expect(ENTRY_URL).toBe('app://legation/index.html');
  });
});

describe('webPreferencesFor', () => {
  const prefs = webPreferencesFor('/app/dist/electron/preload.cjs', { devTools: false });

  it('isolates and sandboxes the renderer', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and experimental surfaces off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.enableBlinkFeatures).toBe('');
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('uses the bundled preload and passes the DevTools switch through', () => {
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
    expect(prefs.devTools).toBe(false);
    expect(webPreferencesFor('/p.cjs', { devTools: true }).devTools).toBe(true);
  });

  it('checks spelling only where the OS does it, so nothing is ever fetched for it', () => {
    expect(webPreferencesFor('/p.cjs', { devTools: false, platform: 'darwin' }).spellcheck).toBe(true);
    expect(webPreferencesFor('/p.cjs', { devTools: false, platform: 'linux' }).spellcheck).toBe(false);
    expect(webPreferencesFor('/p.cjs', { devTools: false, platform: 'win32' }).spellcheck).toBe(false);
  });

  it('is what the main window is created with', () => {
    const options = mainWindowOptions({ preloadPath: '/p.cjs', isDev: false, state: { ...DEFAULT_WINDOW_STATE }, darkBackground: false });
    expect(options.webPreferences).toEqual(webPreferencesFor('/p.cjs', { devTools: false }));
    expect(options.show).toBe(false);
    expect(options.center).toBe(true);
    const placed = mainWindowOptions({
      preloadPath: '/p.cjs',
      isDev: true,
      state: { x: 10, y: 20, width: 900, height: 700, isMaximized: false },
      darkBackground: true,
    });
    expect(placed).toMatchObject({ x: 10, y: 20, width: 900, height: 700 });
    expect(placed.center).toBeUndefined();
  });
});

describe('app:// scheme privileges', () => {
  it('is standard and secure (a real origin for IndexedDB), and does not bypass CSP', () => {
    expect(APP_CUSTOM_SCHEME.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true });
    expect(APP_SCHEME_PRIVILEGES.bypassCSP).toBe(false);
    expect(APP_SCHEME_PRIVILEGES.allowServiceWorkers).toBe(false);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );

  it('denies by default and only allows our own scripts', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });

  it('has no eval, no inline scripts, no wildcards and no remote origins', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|ftp:|file:|\*/);
    const allowedSources = new Set(["'self'", "'none'", "'unsafe-inline'", 'data:', 'blob:']);
    for (const [name, sources] of Object.entries(CSP_DIRECTIVES)) {
      for (const source of sources) expect(allowedSources, `${name} ${source}`).toContain(source);
    }
  });

  it('allows inline styles only in style-src (React style attributes), never in script-src', () => {
    const withInline = Object.entries(CSP_DIRECTIVES).filter(([, sources]) => sources.includes("'unsafe-inline'"));
    expect(withInline.map(([name]) => name)).toEqual(['style-src']);
  });
});

describe('isAppUrl', () => {
  it.each([
    'app://legation/index.html',
    'app://legation/',
    'app://legation',
    'app://legation/assets/x.js',
    'app://legation/index.html#/visits?x=1',
  ])('accepts %s', (url) => expect(isAppUrl(url)).toBe(true));

  it.each([
    'file:///etc/passwd',
    'http://legation/',
    'https://legation/index.html',
    'app://legation.evil.com/',
    // Chromium reports lower-case hosts for standard schemes; anything else is not from it.
    'app://LEGATION/index.html',
    'app://evil/legation',
    'app://user:pw@legation/',
    'app://legation:8080/',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'blob:app://legation/123',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    '\\\\server\\share',
    'legation',
    '',
    `app://legation/${'a'.repeat(9000)}`,
  ])('refuses %s', (url) => expect(isAppUrl(url)).toBe(false));

  it.each([null, undefined, 42, {}, ['app://legation/']])('refuses non-strings (%j)', (value) => expect(isAppUrl(value)).toBe(false));
});

describe('navigation, window.open and permissions', () => {
  it('allows navigation within app://legation only', () => {
    expect(navigationDecision('app://legation/index.html')).toBe('allow');
    for (const url of [
      'https://example.org/',
      'http://localhost:5173/',
      'file:///home/user/notes.html',
      'javascript:void 0',
      'app://other/',
      null,
    ]) {
      expect(navigationDecision(url)).toBe('deny');
    }
  });

  it('denies every window.open', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });

  it('grants only persistent-storage, only to our origin', () => {
    expect(isPermissionAllowed('persistent-storage', 'app://legation')).toBe(true);
    expect(isPermissionAllowed('persistent-storage', 'app://legation/index.html')).toBe(true);
    expect(isPermissionAllowed('persistent-storage', 'https://evil.example')).toBe(false);
    expect(isPermissionAllowed('persistent-storage', '')).toBe(false);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'openExternal',
      'fullscreen',
      'hid',
      'usb',
      'serial',
      'fileSystem',
      'unknown',
    ]) {
      expect(isPermissionAllowed(permission, 'app://legation')).toBe(false);
    }
  });

  it('lets only our own requests through the offline filter', () => {
    expect(isAllowedRequestUrl('app://legation/assets/index.js')).toBe(true);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/inspector.html')).toBe(true);
    for (const url of [
      'https://redirector.gvt1.com/edgedl/chrome/dict/en-us-10-1.bdic',
      'http://127.0.0.1/',
      'ws://localhost/',
      'file:///etc/passwd',
      'app://other/x',
      undefined,
    ]) {
      expect(isAllowedRequestUrl(url)).toBe(false);
    }
  });
});
