import type { CustomScheme, WebPreferences } from 'electron';
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from './app-identity';

/**
 * Security decisions as data and pure functions, so tests can read them without Electron.
 * window.ts, protocol.ts and main.ts apply them; nothing here imports 'electron' at runtime.
 */

/**
 * Privileges of the app:// scheme (registered before `app` is ready).
 * - standard: relative URLs resolve, and the scheme gets a real origin — required for IndexedDB.
 * - secure: treated like https (secure context: `navigator.storage.persist`, crypto.subtle…).
 * - supportFetchAPI: `fetch('./data.json')` works for bundled assets.
 * - corsEnabled: Vite emits `<script type="module" crossorigin>` and module workers, which are
 *   fetched in CORS mode; Chromium refuses CORS-mode fetches on schemes outside its CORS list.
 *   Our responses carry no Access-Control-Allow-Origin, so no other origin can read them.
 * - stream: lets <audio>/<video> consume streamed responses.
 * - codeCache: V8 code cache for our scripts (faster second start; standard schemes only).
 * - bypassCSP stays false: our own CSP must apply to our own pages. No service workers: nothing
 *   to cache offline that is not already on disk.
 */
export const APP_SCHEME_PRIVILEGES = Object.freeze({
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
  stream: true,
  codeCache: true,
  bypassCSP: false,
  allowServiceWorkers: false,
  allowExtensions: false,
} as const);

export const APP_CUSTOM_SCHEME: CustomScheme = { scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } };

/**
 * Content-Security-Policy sent with every HTML response of app://legation.
 * - No remote origin anywhere: the app is offline by design; a remote script would be the
 *   only way for a note's XSS to phone home.
 * - script-src 'self' without 'unsafe-eval' or 'unsafe-inline': no string-to-code paths.
 * - style-src allows 'unsafe-inline' because React writes `style={{…}}` props as style
 *   attributes (the map, virtualised lists, progress bars), which a nonce cannot cover in a
 *   static bundle. Inline styles cannot run code; the risk is CSS-based exfiltration, which
 *   needs a remote origin that img-src/font-src/connect-src already refuse.
 * - img-src data:/blob: for generated images (map tiles rendered to canvas, pasted pictures);
 *   worker-src blob: for libraries that spawn workers from blobs (e.g. search indexing).
 * - frame-ancestors 'none' (header-only directive, hence the header rather than only a meta tag).
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
});

export const CONTENT_SECURITY_POLICY: string = Object.entries(CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');

/**
 * Web preferences of every Legation window. Each line is a checklist item of Electron's
 * security guide; most restate the defaults on purpose, so that a future default change or a
 * careless edit shows up in the tests.
 */
export function webPreferencesFor(preloadPath: string, options: { devTools: boolean; platform?: NodeJS.Platform }): WebPreferences {
  const platform = options.platform ?? process.platform;
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Spellcheck only where the OS checks spelling (macOS). On Windows and Linux Chromium would
    // fetch Hunspell dictionaries from Google's servers: an offline app must not try.
    spellcheck: platform === 'darwin',
    devTools: options.devTools,
  };
}

/**
 * True only for URLs of our own origin: app://legation/… with no credentials or port.
 * Malformed URLs, other schemes (file:, http:, javascript:, data:) and look-alike hosts
 * (app://legation.evil, app://evil/legation) are false.
 *
 * Compared field by field, not with `URL.origin`: Node's URL parser (the one the main process
 * runs) does not know that Chromium treats app: as a standard scheme, so it reports the origin
 * of app:// URLs as "null" and keeps the host's case. Chromium hands us normalised (lower-case)
 * URLs, so anything else is refused rather than normalised here.
 */
export function isAppUrl(url: unknown): boolean {
  if (typeof url !== 'string' || url.length > 8192) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

export type NavigationDecision = 'allow' | 'deny';

/**
 * Whether a frame may navigate to `url` (`will-navigate`, `will-frame-navigate`, `will-redirect`).
 * Only our own origin: everything else — http(s) links in notes, file:// drops, javascript: —
 * is refused. A later issue may open http(s) links with shell.openExternal after a confirmation;
 * that decision will live next to this one.
 */
export function navigationDecision(url: unknown): NavigationDecision {
  return isAppUrl(url) ? 'allow' : 'deny';
}

/** `setWindowOpenHandler` reply: the app has one window; `window.open` and target=_blank are refused. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/**
 * Permissions granted to pages. Only persistent storage, so that Chromium does not evict the
 * IndexedDB database under disk pressure; camera, notifications, geolocation, clipboard-read,
 * HID/USB/serial, fullscreen requests from the page, etc. are all refused.
 */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['persistent-storage']);

/** Grant `permission` only if it is allow-listed AND requested by our own origin. */
export function isPermissionAllowed(permission: string, requestingUrl: unknown): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}

/**
 * Requests the default session may make. The app is offline: anything that is not our own
 * scheme (or DevTools' internal pages in development) is cancelled, a second line behind the CSP
 * that also covers the main process and non-page loads.
 */
export function isAllowedRequestUrl(url: unknown): boolean {
  if (isAppUrl(url)) return true;
  if (typeof url !== 'string') return false;
  return url.startsWith('devtools://') || url.startsWith('data:') || url.startsWith(`blob:${APP_ORIGIN}/`);
}
