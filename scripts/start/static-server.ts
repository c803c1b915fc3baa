import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_ORIGIN } from '../../electron/main/app-identity';
import { headersFor, resolveAppPath } from '../../electron/main/protocol';

/**
 * Serves the built renderer to a browser on this machine only: `npm start` where Electron's binary
 * is missing, and `npm run start:web`. The rules are the app:// protocol's (electron/main/protocol.ts),
 * not a copy of them: the same path checks (no `..`, no encoded separators, nothing outside the
 * folder), the same MIME types (unknown ones — the bundled data set's .gz — as opaque bytes with no
 * Content-Encoding, so the page gets the compressed bytes it asked for), the same headers (the CSP
 * of electron/main/security.ts on HTML, nosniff everywhere).
 */

/** Loopback only: the page's data is the user's; nothing else on the network may reach it. */
export const LOOPBACK = '127.0.0.1';
/**
 * The port tried first. IndexedDB belongs to an origin, and the port is part of it: the same port
 * run after run is what keeps the user's data in view. Another one is picked only when it is taken.
 */
export const DEFAULT_PORT = 4320;

export interface StaticServerOptions {
  /** The built renderer (dist/renderer). */
  rootDir: string;
  /** Tried in order; 0 means any free port. */
  ports: readonly number[];
  /** Defaults to fs.readFile (rejects on a missing file or a directory). */
  readFile?: (filePath: string) => Promise<Uint8Array>;
  /** Told about refused requests (tests; never shown to the page). */
  onRefused?: (url: string, reason: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  close: () => Promise<void>;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** The request handler alone; `port()` is read per request (it is known only once listening). */
export function createStaticHandler(options: StaticServerOptions, port: () => number): Handler {
  const read = options.readFile ?? ((filePath: string) => readFile(filePath));
  const refuse = (response: ServerResponse, url: string, status: number, reason: string, extra: Record<string, string> = {}): void => {
    options.onRefused?.(url, reason);
    response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', ...extra });
    response.end(status === 404 ? 'Not found' : reason);
  };

  return (request, response) => {
    const target = request.url ?? '';
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      refuse(response, target, 405, `method ${request.method ?? '?'}`, { Allow: 'GET, HEAD' });
      return;
    }
    // A page elsewhere that makes its own name resolve to 127.0.0.1 (DNS rebinding) still sends
    // its own name as Host: only our own names are served.
    const host = (request.headers.host ?? '').toLowerCase();
    if (host !== `${LOOPBACK}:${port()}` && host !== `localhost:${port()}`) {
      refuse(response, target, 403, 'unknown Host');
      return;
    }
    // Origin-form only ("/path?query"); an absolute-form target names another server.
    if (!target.startsWith('/')) {
      refuse(response, target, 400, 'not a path');
      return;
    }
    const resolved = resolveAppPath(options.rootDir, `${APP_ORIGIN}${target}`);
    if (!resolved.ok) {
      refuse(response, target, 404, resolved.reason);
      return;
    }
    read(resolved.filePath).then(
      (body) => {
        response.writeHead(200, { ...headersFor(resolved.filePath), 'Content-Length': String(body.byteLength) });
        response.end(request.method === 'HEAD' ? undefined : body);
      },
      (error: unknown) => refuse(response, target, 404, error instanceof Error ? error.message : 'unreadable'),
    );
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, LOOPBACK);
  });
}

/** Listens on the first free port of `options.ports`, on 127.0.0.1. */
export async function startStaticServer(options: StaticServerOptions): Promise<RunningServer> {
  let boundPort = 0;
  const server = createServer(createStaticHandler(options, () => boundPort));
  let lastError: unknown = new Error('no port to try');
  for (const port of options.ports) {
    try {
      await listen(server, port);
      boundPort = (server.address() as AddressInfo).port;
      return {
        url: `http://${LOOPBACK}:${boundPort}/`,
        port: boundPort,
        server,
        close: () =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            // Browsers keep connections alive; close them so the process can end at once.
            server.closeAllConnections();
          }),
      };
    } catch (error) {
      lastError = error;
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE' && code !== 'EACCES') break;
    }
  }
  throw lastError;
}
