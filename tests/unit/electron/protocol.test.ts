import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createAppProtocolHandler, headersFor, mimeTypeFor, resolveAppPath } from '../../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security';

const ROOT = '/opt/Legation/resources/app.asar/dist/renderer';

describe('resolveAppPath', () => {
  it('maps our URLs to files inside the renderer folder', () => {
    expect(resolveAppPath(ROOT, 'app://legation/index.html')).toEqual({ ok: true, filePath: `${ROOT}/index.html` });
    expect(resolveAppPath(ROOT, 'app://legation/assets/index-abc.js?v=1#x')).toEqual({ ok: true, filePath: `${ROOT}/assets/index-abc.js` });
    expect(resolveAppPath(ROOT, 'app://legation/')).toEqual({ ok: true, filePath: `${ROOT}/index.html` });
    expect(resolveAppPath(ROOT, 'app://legation')).toEqual({ ok: true, filePath: `${ROOT}/index.html` });
    expect(resolveAppPath(ROOT, 'app://legation/fonts/Noto%20Sans.woff2')).toEqual({ ok: true, filePath: `${ROOT}/fonts/Noto Sans.woff2` });
  });

  it('folds parent segments the URL parser resolves itself, staying inside the root', () => {
    // new URL() turns /a/../index.html into /index.html before we see it.
    expect(resolveAppPath(ROOT, 'app://legation/assets/../index.html')).toEqual({ ok: true, filePath: `${ROOT}/index.html` });
    expect(resolveAppPath(ROOT, 'app://legation/../../../etc/passwd')).toEqual({ ok: true, filePath: `${ROOT}/etc/passwd` });
  });

  it.each([
    ['encoded slash traversal', 'app://legation/..%2f..%2f..%2fetc%2fpasswd'],
    ['upper-case encoded slash', 'app://legation/assets/..%2F..%2F..%2Fetc%2Fpasswd'],
    ['dots and slashes encoded in one segment', 'app://legation/%2e%2e%2f%2e%2e%2fsecret'],
    ['encoded backslash', 'app://legation/..%5c..%5cwindows%5cwin.ini'],
    ['encoded absolute path', 'app://legation/%2fetc%2fpasswd/..%2f..%2f..'],
    ['NUL byte', 'app://legation/index.html%00.png'],
    ['drive letter', 'app://legation/C:/Windows/win.ini'],
    ['encoded drive letter', 'app://legation/C%3A%5CWindows%5Cwin.ini'],
    ['malformed escape', 'app://legation/%E0%A4%A'],
    ['other host', 'app://evil/index.html'],
    ['look-alike host', 'app://legation.evil/index.html'],
    ['credentials', 'app://user@legation/index.html'],
    ['port', 'app://legation:99/index.html'],
    ['file scheme', 'file:///etc/passwd'],
    ['http scheme', 'http://legation/index.html'],
    ['garbage', 'not a url'],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppPath(ROOT, url).ok).toBe(false);
  });

  it('applies the Windows rules too', () => {
    const winRoot = 'C:\\Program Files\\Legation\\resources\\app.asar\\dist\\renderer';
    expect(resolveAppPath(winRoot, 'app://legation/assets/a.js', path.win32)).toEqual({ ok: true, filePath: `${winRoot}\\assets\\a.js` });
    for (const url of [
      'app://legation/..%5C..%5Csecret.txt',
      'app://legation/C:%5Csecret.txt',
      'app://legation/%5C%5Cserver%5Cshare%5Cx',
      'app://legation/..%2F..%2Fsecret.txt',
    ]) {
      expect(resolveAppPath(winRoot, url, path.win32).ok, url).toBe(false);
    }
  });
});

describe('MIME types and headers', () => {
  it('names the types Chromium needs to run modules, styles and fonts', () => {
    expect(mimeTypeFor('/r/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('/r/assets/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/r/a.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/r/a.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('/r/a.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('/r/a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('/r/a.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('/r/data.bin')).toBe('application/octet-stream');
    expect(mimeTypeFor('/r/Makefile')).toBe('application/octet-stream');
  });

  it('puts the CSP on HTML only and nosniff on everything', () => {
    const html = headersFor('/r/index.html');
    expect(html['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(html['X-Content-Type-Options']).toBe('nosniff');
    const js = headersFor('/r/a.js');
    expect(js['Content-Security-Policy']).toBeUndefined();
    expect(js['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('createAppProtocolHandler', () => {
  const files: Record<string, string> = {
    [`${ROOT}/index.html`]: '<!doctype html><title>Legation</title>',
    [`${ROOT}/assets/a.js`]: 'console.log(1)',
  };
  const readFile = vi.fn((filePath: string) => {
    const text = files[filePath];
    if (text === undefined) return Promise.reject(Object.assign(new Error(`ENOENT: ${filePath}`), { code: 'ENOENT' }));
    return Promise.resolve(new TextEncoder().encode(text));
  });
  const onRefused = vi.fn();
  const handler = createAppProtocolHandler({ rootDir: ROOT, readFile, pathApi: path.posix, onRefused });

  it('serves index.html with the CSP header', async () => {
    const response = await handler(new Request('app://legation/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('<title>Legation</title>');
  });

  it('serves scripts with a JavaScript MIME type', async () => {
    const response = await handler(new Request('app://legation/assets/a.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for missing files and for traversal, without reading outside the root', async () => {
    readFile.mockClear();
    expect((await handler(new Request('app://legation/missing.js'))).status).toBe(404);
    const traversal = await handler(new Request('app://legation/..%2f..%2f..%2f..%2fetc%2fpasswd'));
    expect(traversal.status).toBe(404);
    expect(readFile).toHaveBeenCalledTimes(1);
    expect(readFile.mock.calls.every(([filePath]) => filePath.startsWith(`${ROOT}/`))).toBe(true);
    expect(onRefused).toHaveBeenCalled();
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handler(new Request('app://legation/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });

  it('answers HEAD without a body', async () => {
    const response = await handler(new Request('app://legation/index.html', { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});
