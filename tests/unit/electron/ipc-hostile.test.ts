import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  CHANNELS,
  MAX_FILE_BYTES,
  MAX_ROUTE_LENGTH,
  openExternalRequestSchema,
  openFileRequestSchema,
  openWindowRequestSchema,
  printToPdfRequestSchema,
  saveFileRequestSchema,
} from '../../../shared/bridge';
import { openExternalLink } from '../../../electron/main/external-links';
import { appInfo, openFile, printToPdf, saveFile, type FileDeps } from '../../../electron/main/files';
import { createHandlerRegistry } from '../../../electron/main/ipc';
import type { IpcReply } from '../../../electron/common/ipc-reply';
import { createWindowManager, type ManagedWindow } from '../../../electron/main/windows';

/**
 * Hostile IPC: every channel of electron/main/handlers gets malformed, oversized and hostile arguments and
 * messages from the wrong frame. Each must come back as an error value with a clear message, and
 * nothing may happen: no dialog, no file read or written, no browser opened, no window created,
 * no session written. The handlers are the real ones (files.ts, external-links.ts, windows.ts)
 * registered through the real registry, with every side effect injected as a spy; the table
 * below is checked against the handler modules so that a new channel cannot miss this test.
 */

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<IpcReply<unknown>>;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const OURS = { url: 'app://legation/index.html#/visits', origin: 'app://legation', parent: null };

function harness() {
  const listeners = new Map<string, Listener>();
  const ipcMain = { handle: (channel: string, listener: Listener) => void listeners.set(channel, listener) };
  const effects = {
    showSaveDialog: vi.fn(() => Promise.resolve({ canceled: false, filePath: '/home/a/Documents/x.json' })),
    showOpenDialog: vi.fn(() => Promise.resolve({ canceled: false, filePaths: ['/home/a/Documents/x.json'] })),
    open: vi.fn(() =>
      Promise.resolve({ writeFile: () => Promise.resolve(), sync: () => Promise.resolve(), close: () => Promise.resolve() }),
    ),
    rename: vi.fn(() => Promise.resolve()),
    rm: vi.fn(() => Promise.resolve()),
    stat: vi.fn(() => Promise.resolve({ size: 10, isFile: () => true })),
    readFile: vi.fn(() => Promise.resolve(new Uint8Array([123, 125]))),
    confirm: vi.fn(() => Promise.resolve(true)),
    openExternal: vi.fn(() => Promise.resolve()),
    renderPdf: vi.fn(() => Promise.resolve(new Uint8Array([37, 80, 68, 70]))),
    createWindow: vi.fn(() => fakeWindow()),
    writeSession: vi.fn(() => Promise.resolve()),
    writeSessionSync: vi.fn(),
  };
  const fileDeps: FileDeps = {
    showSaveDialog: effects.showSaveDialog,
    showOpenDialog: effects.showOpenDialog,
    documentsDir: '/home/a/Documents',
    fs: { open: effects.open, rename: effects.rename, rm: effects.rm, stat: effects.stat, readFile: effects.readFile },
    uniqueSuffix: () => 'fixed',
  };
  const windows = createWindowManager<ManagedWindow>({
    createWindow: effects.createWindow,
    readText: () => null,
    writeText: effects.writeSession,
    writeTextSync: effects.writeSessionSync,
    displays: () => ({ workAreas: [{ x: 0, y: 0, width: 1920, height: 1080 }], primary: { x: 0, y: 0, width: 1920, height: 1080 } }),
    setTimer: () => 0,
    clearTimer: () => {},
  });
  const register = createHandlerRegistry({ ipcMain, isKnownWindowFrame: (frame) => frame === (OURS as unknown) });

  // The same channels, schemas and handlers as electron/main/handlers (checked below).
  const table: { key: keyof typeof CHANNELS; schema: string }[] = [];
  const add = <S extends z.ZodType>(
    key: keyof typeof CHANNELS,
    schemaName: string,
    schema: S,
    handler: (request: z.output<S>) => unknown,
  ) => {
    table.push({ key, schema: schemaName });
    register(CHANNELS[key], schema, handler);
  };
  add('saveFile', 'saveFileRequestSchema', saveFileRequestSchema, (request) => saveFile(fileDeps, request));
  add('openFile', 'openFileRequestSchema', openFileRequestSchema, (request) => openFile(fileDeps, request));
  add('openExternal', 'openExternalRequestSchema', openExternalRequestSchema, (request) =>
    openExternalLink({ confirm: effects.confirm, openExternal: effects.openExternal }, request),
  );
  add('printToPdf', 'printToPdfRequestSchema', printToPdfRequestSchema, (request) => printToPdf(fileDeps, effects.renderPdf, request));
  add('openWindow', 'openWindowRequestSchema', openWindowRequestSchema, (request) => windows.open(request.route, null).reply);
  add('appInfo', 'z.undefined()', z.undefined(), () => appInfo({ name: 'Legation', version: '0.1.0', platform: 'linux' }));

  const invoke = (channel: string, frame: unknown, ...args: unknown[]) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`${channel} is not registered`);
    return listener({ senderFrame: frame, sender: {} } as unknown as IpcMainInvokeEvent, ...args);
  };
  const touched = () =>
    Object.entries(effects)
      .filter(([, spy]) => spy.mock.calls.length > 0)
      .map(([name]) => name);
  return { invoke, effects, table, touched };
}

function fakeWindow(): ManagedWindow {
  return {
    getNormalBounds: () => ({ x: 0, y: 0, width: 1200, height: 800 }),
    isMaximized: () => false,
    isMinimized: () => false,
    isFullScreen: () => false,
    isDestroyed: () => false,
    focus: () => {},
    on: () => undefined,
  };
}

/** A valid request per channel (the positive control: the harness does reach the handlers). */
const VALID: Record<keyof typeof CHANNELS, unknown[] | null> = {
  saveFile: [{ suggestedName: 'backup.json', filterName: 'Legation backup', extensions: ['json'], content: '{}' }],
  openFile: [{ filterName: 'Legation backup', extensions: ['json'], maxBytes: 1024 }],
  openExternal: [{ url: 'https://example.org/' }],
  printToPdf: [{ suggestedName: 'report.pdf' }],
  openWindow: [{ route: '/visits' }],
  appInfo: [],
  menuCommand: null, // main → renderer only: nothing to invoke
};

const deep = (() => {
  let value: unknown = 'x';
  for (let i = 0; i < 5000; i++) value = { a: value };
  return value;
})();
const manyKeys = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i]));

/** Arguments no channel accepts. */
const GENERIC: [string, unknown[]][] = [
  ['null', [null]],
  ['a number', [42]],
  ['NaN', [Number.NaN]],
  ['a string', ['file:///etc/passwd']],
  ['a boolean', [true]],
  ['an array', [[{ url: 'https://example.org/' }]]],
  ['an empty object', [{}]],
  ['a 5 MB string', ['x'.repeat(5 * 1024 * 1024)]],
  ['a 5,000-level nested object', [deep]],
  ['an object with 50,000 keys', [manyKeys]],
  ['a __proto__ payload', [JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown]],
  ['bytes', [new Uint8Array(16)]],
  ['a Date', [new Date(0)]],
];

/** Channel-specific hostile requests: each is one argument. */
const HOSTILE: Record<string, [string, unknown][]> = {
  [CHANNELS.saveFile]: [
    ['a parent-folder path', { ...(VALID.saveFile![0] as object), suggestedName: '../../.bashrc' }],
    ['an absolute path', { ...(VALID.saveFile![0] as object), suggestedName: '/etc/cron.d/x' }],
    ['a Windows path', { ...(VALID.saveFile![0] as object), suggestedName: 'C:\\Windows\\System32\\x.dll' }],
    ['a UNC path', { ...(VALID.saveFile![0] as object), suggestedName: '\\\\server\\share\\x' }],
    ['a NUL byte', { ...(VALID.saveFile![0] as object), suggestedName: 'a.json\u0000.exe' }],
    ['a 100 kB name', { ...(VALID.saveFile![0] as object), suggestedName: `${'a'.repeat(100_000)}.json` }],
    ['an executable extension pattern', { ...(VALID.saveFile![0] as object), extensions: ['*'] }],
    ['a default folder', { ...(VALID.saveFile![0] as object), defaultPath: '/etc' }],
    ['content as an object', { ...(VALID.saveFile![0] as object), content: { length: 1 } }],
    ['content as an array of bytes', { ...(VALID.saveFile![0] as object), content: [1, 2, 3] }],
  ],
  [CHANNELS.openFile]: [
    ['a limit above the maximum', { ...(VALID.openFile![0] as object), maxBytes: MAX_FILE_BYTES + 1 }],
    ['a negative limit', { ...(VALID.openFile![0] as object), maxBytes: -1 }],
    ['an infinite limit', { ...(VALID.openFile![0] as object), maxBytes: Infinity }],
    ['a path to open', { ...(VALID.openFile![0] as object), path: '/etc/shadow' }],
    ['a wildcard extension', { ...(VALID.openFile![0] as object), extensions: ['*'] }],
    ['6 extensions', { ...(VALID.openFile![0] as object), extensions: ['a', 'b', 'c', 'd', 'e', 'f'] }],
  ],
  [CHANNELS.openExternal]: [
    ['no url', {}],
    ['a url that is not a string', { url: ['https://example.org/'] }],
    ['an oversized url', { url: `https://example.org/${'a'.repeat(5000)}` }],
    ['an extra key', { url: 'https://example.org/', confirm: false }],
  ],
  [CHANNELS.printToPdf]: [
    ['a path', { suggestedName: '../../x.pdf' }],
    ['a URL to print', { suggestedName: 'x.pdf', url: 'https://evil.example/' }],
    ['an empty name', { suggestedName: '' }],
  ],
  [CHANNELS.openWindow]: [
    ['a remote URL', { route: 'https://evil.example/' }],
    ['a file URL', { route: 'file:///etc/passwd' }],
    ['a javascript: URL', { route: 'javascript:alert(1)' }],
    ['an app URL of another host', { route: '//evil.example/visits' }],
    ['a parent segment', { route: '/visits/../../etc' }],
    ['an unknown screen', { route: '/devtools' }],
    ['a replayed settings action', { route: '/settings?action=restore' }],
    ['a fragment', { route: '/visits#x' }],
    ['a control character', { route: '/visits/\u0000' }],
    ['an oversized route', { route: `/visits?${'a'.repeat(MAX_ROUTE_LENGTH)}` }],
    ['window options', { route: '/visits', webPreferences: { nodeIntegration: true } }],
  ],
  [CHANNELS.appInfo]: [
    ['an argument', { name: 'x' }],
    ['null', null],
  ],
};

const WRONG_FRAMES: [string, unknown][] = [
  ['a destroyed frame', null],
  ['a remote page', { url: 'https://evil.example/', origin: 'https://evil.example', parent: null }],
  ['a file:// page', { url: 'file:///tmp/x.html', origin: 'file://', parent: null }],
  ['an iframe of our page', { url: OURS.url, origin: OURS.origin, parent: OURS }],
  ['another web contents showing our origin', { url: OURS.url, origin: OURS.origin, parent: null }],
  ['a look-alike host', { url: 'app://legation.evil/index.html', origin: 'app://legation.evil', parent: null }],
];

const INVOKED = Object.entries(VALID).filter(([, args]) => args !== null) as [keyof typeof CHANNELS, unknown[]][];

describe('hostile IPC', () => {
  let h: ReturnType<typeof harness>;
  beforeEach(() => {
    h = harness();
  });

  it('covers exactly the channels the handler modules register, with the same schemas', () => {
    const handlersDir = path.join(root, 'electron/main/handlers');
    const main = readdirSync(handlersDir)
      .filter((name) => name.endsWith('.ts'))
      .map((name) => readFileSync(path.join(handlersDir, name), 'utf8'))
      .join('\n');
    const registered = [...main.matchAll(/registerHandler\(\s*CHANNELS\.(\w+),\s*([\w.]+(?:\(\))?)/g)].map(([, key = '', schema = '']) => ({
      key,
      schema,
    }));
    expect(registered.length).toBeGreaterThan(0);
    const sort = (list: { key: string; schema: string }[]) => [...list].sort((a, b) => a.key.localeCompare(b.key));
    expect(sort(h.table)).toEqual(sort(registered));
    expect(INVOKED.map(([key]) => key).sort()).toEqual(h.table.map((entry) => entry.key).sort());
  });

  it.each(INVOKED)('%s: a valid request from our window reaches the handler (control)', async (key, args) => {
    const reply = await h.invoke(CHANNELS[key], OURS, ...args);
    expect(reply.ok, JSON.stringify(reply)).toBe(true);
  });

  describe.each(INVOKED)('%s', (key, validArgs) => {
    const channel = CHANNELS[key];

    it.each(WRONG_FRAMES)('refuses %s, before looking at the request', async (_label, frame) => {
      const reply = await h.invoke(channel, frame, ...validArgs);
      expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^Refused: /) as unknown });
      expect(h.touched()).toEqual([]);
    });

    const generic = key === 'appInfo' ? GENERIC : [...GENERIC, ['no argument', []] as [string, unknown[]]];
    it.each(generic)('refuses %s', async (_label, args) => {
      const reply = await h.invoke(channel, OURS, ...args);
      expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(new RegExp(`^Invalid request for ${channel}: `)) as unknown });
      if (!reply.ok) expect(reply.error.length).toBeLessThanOrEqual(500);
      expect(h.touched()).toEqual([]);
    });

    it('refuses a second argument', async () => {
      const reply = await h.invoke(channel, OURS, ...(validArgs.length ? validArgs : [undefined]), { extra: true });
      expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/expected one argument/) as unknown });
      expect(h.touched()).toEqual([]);
    });

    it.each(HOSTILE[channel] ?? [])('refuses %s', async (_label, request) => {
      const reply = await h.invoke(channel, OURS, request);
      expect(reply).toMatchObject({
        ok: false,
        error: expect.stringMatching(new RegExp(`^Invalid request for ${channel}: \\S`)) as unknown,
      });
      expect(h.touched()).toEqual([]);
    });
  });

  it('link:open refuses non-web links by value, with a reason, and opens nothing', async () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      '\\\\server\\share\\x.exe',
      'smb://s/x',
      'app://legation/',
      'vbscript:x',
    ]) {
      const reply = await h.invoke(CHANNELS.openExternal, OURS, { url });
      expect(reply).toMatchObject({ ok: true, value: { status: 'refused', message: expect.any(String) as unknown } });
    }
    expect(h.touched()).toEqual([]);
  });

  it('file:open refuses a 500 MB file by its size without reading it', async () => {
    h.effects.stat.mockResolvedValueOnce({ size: 500 * 1024 * 1024, isFile: () => true });
    const reply = await h.invoke(CHANNELS.openFile, OURS, {
      filterName: 'Legation backup',
      extensions: ['json'],
      maxBytes: MAX_FILE_BYTES,
    });
    expect(reply).toEqual({
      ok: true,
      value: { status: 'refused', fileName: 'x.json', message: '“x.json” is 500 MB; the limit is 256 MB.' },
    });
    expect(h.effects.readFile).not.toHaveBeenCalled();
    expect(h.effects.open).not.toHaveBeenCalled();
  });

  it('never pollutes Object.prototype', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
