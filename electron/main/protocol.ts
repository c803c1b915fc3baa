import nodePath from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-identity';
import { CONTENT_SECURITY_POLICY } from './security';

/**
 * The app:// protocol handler: serves the built renderer (dist/renderer) and nothing else.
 * Written against the Fetch API (`Request` → `Response`, as `protocol.handle` expects) with the
 * file system injected, so it runs under Vitest without Electron.
 */

type PathApi = Pick<typeof nodePath.posix, 'resolve' | 'relative' | 'isAbsolute' | 'sep' | 'extname'>;

export type ResolvedAppPath = { ok: true; filePath: string } | { ok: false; reason: string };

/**
 * Maps an app:// URL to a file inside `rootDir`, or refuses it.
 *
 * The WHATWG URL parser already folds `/../` and `%2e%2e` segments for standard schemes, but it
 * leaves `%2f`, `%5c` and drive letters encoded — decoding happens here, so every check runs on
 * the decoded path. Refused: other schemes/hosts, undecodable escapes, NUL bytes, backslashes (a
 * separator on Windows), any `..` segment, drive letters or UNC prefixes, and — as the final
 * guard — any result that is not strictly inside `rootDir` after resolution.
 *
 * `pathApi` is injectable so the tests can run the Windows rules on Linux too.
 */
export function resolveAppPath(rootDir: string, rawUrl: string, pathApi: PathApi = nodePath): ResolvedAppPath {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, reason: 'malformed URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '' || url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'not our origin' };
  }

  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, reason: 'malformed escape' };
  }
  if (decoded.includes('\0')) return { ok: false, reason: 'NUL byte' };
  if (decoded.includes('\\')) return { ok: false, reason: 'backslash' };

  const segments = decoded.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..')) return { ok: false, reason: 'parent segment' };
  // `C:`, `\\?\`-style and `//server` prefixes would make the joined path absolute on Windows.
  if (segments.some((segment) => segment.includes(':'))) return { ok: false, reason: 'drive or stream' };

  const relativePath = segments.length === 0 || decoded.endsWith('/') ? [...segments, 'index.html'].join('/') : segments.join('/');
  if (pathApi.isAbsolute(relativePath)) return { ok: false, reason: 'absolute path' };

  const root = pathApi.resolve(rootDir);
  const filePath = pathApi.resolve(root, relativePath);
  const fromRoot = pathApi.relative(root, filePath);
  if (fromRoot === '' || fromRoot === '..' || fromRoot.startsWith(`..${pathApi.sep}`) || pathApi.isAbsolute(fromRoot)) {
    return { ok: false, reason: 'outside the renderer folder' };
  }
  return { ok: true, filePath };
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** MIME type by extension; unknown types are opaque bytes (with nosniff, never run as script). */
export function mimeTypeFor(filePath: string, pathApi: Pick<PathApi, 'extname'> = nodePath): string {
  return MIME_TYPES[pathApi.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Response headers for a served file: the CSP on HTML documents, nosniff on everything. */
export function headersFor(filePath: string, pathApi: Pick<PathApi, 'extname'> = nodePath): Record<string, string> {
  const contentType = mimeTypeFor(filePath, pathApi);
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'X-Content-Type-Options': 'nosniff',
    // Files change only when the app is updated; no-cache keeps a stale bundle from surviving an update.
    'Cache-Control': 'no-cache',
  };
  if (contentType.startsWith('text/html')) {
    headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
    headers['Cross-Origin-Opener-Policy'] = 'same-origin';
    headers['Referrer-Policy'] = 'no-referrer';
  }
  return headers;
}

export interface ProtocolHandlerDeps {
  /** Absolute path of dist/renderer. */
  rootDir: string;
  /** Reads a whole file; rejects (e.g. ENOENT, EISDIR) when it cannot. Electron's fs reads inside asar. */
  readFile: (filePath: string) => Promise<Uint8Array>;
  pathApi?: PathApi;
  /** Told about refused and failed requests (for the log); never shown to the page. */
  onRefused?: (url: string, reason: string) => void;
}

/** The `protocol.handle(APP_SCHEME, …)` handler. */
export function createAppProtocolHandler(deps: ProtocolHandlerDeps): (request: Request) => Promise<Response> {
  const pathApi = deps.pathApi ?? nodePath;
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      deps.onRefused?.(request.url, `method ${request.method}`);
      return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
    }
    const resolved = resolveAppPath(deps.rootDir, request.url, pathApi);
    if (!resolved.ok) {
      deps.onRefused?.(request.url, resolved.reason);
      return notFound();
    }
    let body: Uint8Array;
    try {
      body = await deps.readFile(resolved.filePath);
    } catch (error) {
      deps.onRefused?.(request.url, error instanceof Error ? error.message : 'unreadable');
      return notFound();
    }
    const headers = headersFor(resolved.filePath, pathApi);
    // Copy into a fresh ArrayBuffer-backed view: a Node Buffer may be a slice of a shared pool.
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}
