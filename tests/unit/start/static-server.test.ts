import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security';
import { startStaticServer, type RunningServer } from '../../../scripts/start/static-server';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request: the path goes out exactly as written (fetch would fold `..` first). */
function send(port: number, rawPath: string, method = 'GET', host = `127.0.0.1:${port}`): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

let work: string;
let app: RunningServer;
const refused: string[] = [];

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'legation-static-'));
  const root = path.join(work, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Legation</title>');
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(root, 'assets', 'worker.mjs'), 'self.onmessage = () => {}');
  await writeFile(path.join(root, 'assets', 'app.css'), 'body{}');
  await writeFile(path.join(root, 'assets', 'icon.svg'), '<svg/>');
  await writeFile(path.join(root, 'assets', 'places.json'), '{}');
  await writeFile(path.join(root, 'assets', 'engine.wasm'), Buffer.from([0, 97, 115, 109]));
  await writeFile(path.join(root, 'assets', 'historyatstate.json.gz'), Buffer.from([0x1f, 0x8b, 8, 0]));
  await writeFile(path.join(work, 'secret.txt'), 'not for the page');
  app = await startStaticServer({ rootDir: root, ports: [0], onRefused: (url, reason) => refused.push(`${url}: ${reason}`) });
});

afterAll(async () => {
  await app.close();
  await rm(work, { recursive: true, force: true });
});

describe('the start:web static server', () => {
  it('binds to 127.0.0.1 only and says so in its URL', () => {
    expect((app.server.address() as AddressInfo).address).toBe('127.0.0.1');
    expect(app.url).toBe(`http://127.0.0.1:${app.port}/`);
  });

  it('serves index.html at / with the CSP of electron/main/security.ts (the meta tag’s, plus frame-ancestors)', async () => {
    const reply = await send(app.port, '/');
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>Legation</title>');
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect((await send(app.port, '/index.html?from=test')).status).toBe(200);
  });

  it.each([
    ['/assets/app.js', 'text/javascript; charset=utf-8'],
    ['/assets/worker.mjs', 'text/javascript; charset=utf-8'],
    ['/assets/app.css', 'text/css; charset=utf-8'],
    ['/assets/icon.svg', 'image/svg+xml'],
    ['/assets/places.json', 'application/json; charset=utf-8'],
    ['/assets/engine.wasm', 'application/wasm'],
    ['/assets/historyatstate.json.gz', 'application/octet-stream'],
  ])('serves %s as %s', async (file, type) => {
    const reply = await send(app.port, file);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe(type);
    // Only HTML documents carry the CSP.
    expect(reply.headers['content-security-policy']).toBeUndefined();
  });

  it('sends compressed data as the bytes on disk: no Content-Encoding for the browser to undo', async () => {
    const reply = await send(app.port, '/assets/historyatstate.json.gz');
    expect(reply.headers['content-encoding']).toBeUndefined();
    expect(Buffer.from(reply.body, 'latin1')).toEqual(Buffer.from([0x1f, 0x8b, 8, 0]));
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/%00index.html',
    '/C:/Windows/win.ini',
    '/assets',
    '/missing.js',
    '/%E0%A4%A',
  ])('refuses %s with a 404 and no file contents', async (rawPath) => {
    const reply = await send(app.port, rawPath);
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain('not for the page');
  });

  it('refuses a request target that is not a path (absolute-form names another server)', async () => {
    expect((await send(app.port, 'http://example.com/')).status).toBe(400);
  });

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'])('refuses %s with 405 and Allow: GET, HEAD', async (method) => {
    const reply = await send(app.port, '/', method);
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('GET, HEAD');
  });

  it('answers HEAD with the headers and no body', async () => {
    const reply = await send(app.port, '/', 'HEAD');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.body).toBe('');
  });

  it('refuses another site’s name in Host (DNS rebinding) and accepts localhost', async () => {
    expect((await send(app.port, '/', 'GET', `evil.example:${app.port}`)).status).toBe(403);
    expect((await send(app.port, '/', 'GET', `localhost:${app.port}`)).status).toBe(200);
  });

  it('reports what it refused (for the log), never what is on disk', () => {
    expect(refused.some((line) => line.startsWith('/../secret.txt'))).toBe(true);
  });
});

describe('picking a port', () => {
  it('takes the first one offered when free, the next when it is taken', async () => {
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const taken = (squatter.address() as AddressInfo).port;
    try {
      const other = await startStaticServer({ rootDir: work, ports: [taken, 0] });
      expect(other.port).not.toBe(taken);
      await other.close();
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });

  it('fails with the system’s reason when no port offered is free', async () => {
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const taken = (squatter.address() as AddressInfo).port;
    try {
      await expect(startStaticServer({ rootDir: work, ports: [taken] })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});
