import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { CHANNELS, MAX_FILE_BYTES, openFileRequestSchema, saveFileRequestSchema } from '../../../shared/bridge';
import { createHandlerRegistry, parseRequest, senderFactsOf, validateSender, type SenderFacts } from '../../../electron/main/ipc';
import type { IpcReply } from '../../../electron/common/ipc-reply';

const goodFrame = { url: 'app://legation/index.html', origin: 'app://legation', isTopFrame: true, isKnownWindowFrame: true };

describe('validateSender', () => {
  it('accepts the top frame of our window showing our page', () => {
    expect(validateSender({ frame: goodFrame })).toEqual({ ok: true });
    expect(validateSender({ frame: { ...goodFrame, url: 'app://legation/index.html#/visits/1' } })).toEqual({ ok: true });
  });

  it.each<[string, SenderFacts | null | undefined]>([
    ['a destroyed frame', { frame: null }],
    ['no facts at all', null],
    ['undefined', undefined],
    ['a subframe', { frame: { ...goodFrame, isTopFrame: false } }],
    ['a frame of another window or webContents', { frame: { ...goodFrame, isKnownWindowFrame: false } }],
    ['file://', { frame: { ...goodFrame, url: 'file:///tmp/evil.html', origin: 'file://' } }],
    ['http://', { frame: { ...goodFrame, url: 'http://localhost:5173/', origin: 'http://localhost:5173' } }],
    ['https://', { frame: { ...goodFrame, url: 'https://evil.example/', origin: 'https://evil.example' } }],
    ['a look-alike host', { frame: { ...goodFrame, url: 'app://legation.evil/index.html', origin: 'app://legation.evil' } }],
    ['about:blank', { frame: { ...goodFrame, url: 'about:blank', origin: 'null' } }],
    ['data:', { frame: { ...goodFrame, url: 'data:text/html,hi', origin: 'null' } }],
    ['a wrong origin with a right URL', { frame: { ...goodFrame, origin: 'null' } }],
    ['an empty URL', { frame: { ...goodFrame, url: '' } }],
    ['an oversized URL', { frame: { ...goodFrame, url: `app://legation/${'x'.repeat(100_000)}` } }],
  ])('refuses %s', (_label, facts) => {
    const result = validateSender(facts);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^Refused/);
  });
});

describe('senderFactsOf', () => {
  it('derives top-frame and window facts', () => {
    const frame = { url: 'app://legation/index.html', origin: 'app://legation', parent: null };
    expect(senderFactsOf(frame, () => true)).toEqual({ frame: { ...goodFrame } });
  });

  it('treats a child frame as not top', () => {
    const parent = { url: 'app://legation/index.html', origin: 'app://legation', parent: null };
    const child = { url: 'app://legation/x.html', origin: 'app://legation', parent } as unknown as Parameters<typeof senderFactsOf>[0];
    expect(senderFactsOf(child, () => false).frame?.isTopFrame).toBe(false);
  });

  it('treats a null or destroyed frame as gone', () => {
    expect(senderFactsOf(null, () => true)).toEqual({ frame: null });
    const destroyed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      origin: 'app://legation',
      parent: null,
    };
    expect(senderFactsOf(destroyed, () => true)).toEqual({ frame: null });
  });
});

const validSave = { suggestedName: 'legation-backup-2025-01-31.json', filterName: 'Legation backup', extensions: ['json'], content: '{}' };

describe('parseRequest with the shared schemas', () => {
  it('accepts valid save and open requests', () => {
    expect(parseRequest(CHANNELS.saveFile, saveFileRequestSchema, validSave)).toEqual({ ok: true, value: validSave });
    const bytes = { ...validSave, content: new Uint8Array([1, 2, 3]) };
    expect(parseRequest(CHANNELS.saveFile, saveFileRequestSchema, bytes).ok).toBe(true);
    expect(parseRequest(CHANNELS.openFile, openFileRequestSchema, { filterName: 'Backup', extensions: ['json'], maxBytes: 1024 }).ok).toBe(
      true,
    );
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'file:save'],
    ['an array', [validSave]],
    ['a number', 42],
    ['a parent-folder path', { ...validSave, suggestedName: '../../etc/passwd' }],
    ['a POSIX absolute path', { ...validSave, suggestedName: '/etc/passwd' }],
    ['a Windows drive path', { ...validSave, suggestedName: 'C:\\x' }],
    ['a UNC path', { ...validSave, suggestedName: '\\\\server\\share\\x.json' }],
    ['a NUL byte', { ...validSave, suggestedName: 'backup.json\u0000.exe' }],
    ['a newline', { ...validSave, suggestedName: 'backup\n.json' }],
    ['an empty name', { ...validSave, suggestedName: '' }],
    ['an oversized name', { ...validSave, suggestedName: `${'a'.repeat(10_000)}.json` }],
    ['an oversized filter label', { ...validSave, filterName: 'x'.repeat(61) }],
    ['an extension with a dot', { ...validSave, extensions: ['.json'] }],
    ['an extension with a path', { ...validSave, extensions: ['json/../../x'] }],
    ['a wildcard extension', { ...validSave, extensions: ['*'] }],
    ['no extensions', { ...validSave, extensions: [] }],
    ['too many extensions', { ...validSave, extensions: ['a', 'b', 'c', 'd', 'e', 'f'] }],
    ['content of the wrong type', { ...validSave, content: { toString: 'x' } }],
    ['an extra key', { ...validSave, directory: '/tmp' }],
    [
      'a prototype-pollution key',
      JSON.parse(`{"suggestedName":"a.json","filterName":"B","extensions":["json"],"content":"{}","__proto__":{"x":1}}`) as unknown,
    ],
    ['a missing key', { suggestedName: 'a.json', filterName: 'B', content: '' }],
  ])('refuses a save request with %s', (_label, raw) => {
    const result = parseRequest(CHANNELS.saveFile, saveFileRequestSchema, raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/^Invalid request for file:save: /);
      expect(result.error.length).toBeLessThanOrEqual(500);
    }
  });

  it.each([
    ['a negative limit', { filterName: 'B', extensions: ['json'], maxBytes: -1 }],
    ['a fractional limit', { filterName: 'B', extensions: ['json'], maxBytes: 1.5 }],
    ['a limit above the maximum', { filterName: 'B', extensions: ['json'], maxBytes: MAX_FILE_BYTES + 1 }],
    ['Infinity', { filterName: 'B', extensions: ['json'], maxBytes: Infinity }],
    ['a string limit', { filterName: 'B', extensions: ['json'], maxBytes: '1024' }],
    ['an extra key (a path)', { filterName: 'B', extensions: ['json'], maxBytes: 10, defaultPath: '/etc' }],
  ])('refuses an open request with %s', (_label, raw) => {
    expect(parseRequest(CHANNELS.openFile, openFileRequestSchema, raw).ok).toBe(false);
  });

  it('names the offending field without echoing its value', () => {
    const secret = 'x'.repeat(300);
    const result = parseRequest(CHANNELS.saveFile, saveFileRequestSchema, { ...validSave, suggestedName: `../${secret}` });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain('suggestedName');
      expect(result.error).not.toContain(secret);
    }
  });

  it('caps the message when a request has many unknown keys', () => {
    const raw: Record<string, unknown> = { ...validSave };
    for (let i = 0; i < 1000; i++) raw[`key${i}${'k'.repeat(50)}`] = i;
    const result = parseRequest(CHANNELS.saveFile, saveFileRequestSchema, raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.length).toBeLessThanOrEqual(500);
  });
});

describe('createHandlerRegistry', () => {
  type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<IpcReply<unknown>>;

  function setup(handler: (request: { n: number }) => unknown) {
    const handlers = new Map<string, Listener>();
    const ipcMain = { handle: vi.fn((channel: string, listener: Listener) => void handlers.set(channel, listener)) };
    const knownFrame = { url: 'app://legation/index.html', origin: 'app://legation', parent: null };
    const logError = vi.fn();
    const register = createHandlerRegistry({
      ipcMain,
      isKnownWindowFrame: (frame) => frame === (knownFrame as unknown),
      logError,
    });
    const spy = vi.fn(handler);
    register('test:echo', z.object({ n: z.number() }).strict(), spy);
    const invoke = (frame: unknown, ...args: unknown[]) => {
      const listener = handlers.get('test:echo');
      if (!listener) throw new Error('not registered');
      return listener({ senderFrame: frame } as unknown as IpcMainInvokeEvent, ...args);
    };
    return { invoke, spy, knownFrame, logError };
  }

  it('runs the handler for a valid request from our window and wraps the value', async () => {
    const { invoke, spy, knownFrame } = setup((request) => request.n * 2);
    await expect(invoke(knownFrame, { n: 21 })).resolves.toEqual({ ok: true, value: 42 });
    expect(spy).toHaveBeenCalledWith({ n: 21 }, expect.anything());
  });

  it('refuses unknown senders before parsing or running anything', async () => {
    const { invoke, spy } = setup(() => 1);
    const foreign = { url: 'app://legation/index.html', origin: 'app://legation', parent: null };
    await expect(invoke(foreign, { n: 1 })).resolves.toMatchObject({
      ok: false,
      error: expect.stringMatching(/not a Legation window/) as unknown,
    });
    await expect(invoke(null, { n: 1 })).resolves.toMatchObject({ ok: false });
    expect(spy).not.toHaveBeenCalled();
  });

  it('refuses invalid arguments and extra arguments', async () => {
    const { invoke, spy, knownFrame } = setup(() => 1);
    await expect(invoke(knownFrame, { n: '1' })).resolves.toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Invalid request for test:echo: n:/) as unknown,
    });
    await expect(invoke(knownFrame, { n: 1 }, { n: 2 })).resolves.toMatchObject({
      ok: false,
      error: expect.stringMatching(/one argument/) as unknown,
    });
    await expect(invoke(knownFrame)).resolves.toMatchObject({ ok: false });
    expect(spy).not.toHaveBeenCalled();
  });

  it('turns a thrown error into an error value with its message only', async () => {
    const { invoke, knownFrame, logError } = setup(() => {
      throw new Error("EACCES: permission denied, open '/home/a/backup.json'");
    });
    const reply = await invoke(knownFrame, { n: 1 });
    expect(reply).toEqual({ ok: false, error: "EACCES: permission denied, open '/home/a/backup.json'" });
    expect(logError).toHaveBeenCalledOnce();
  });

  it('gives a generic message for non-Error throws', async () => {
    const { invoke, knownFrame } = setup(() => Promise.reject(new Error('')));
    await expect(invoke(knownFrame, { n: 1 })).resolves.toEqual({ ok: false, error: 'Something went wrong in the main process.' });
  });
});
