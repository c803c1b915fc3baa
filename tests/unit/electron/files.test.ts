import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { appInfo, formatBytes, openFile, printToPdf, saveFile, type FileDeps } from '../../../electron/main/files';
import { writeFileAtomic, type AtomicWriteFs } from '../../../electron/main/atomic-write';

const DOCS = '/home/analyst/Documents';

/** In-memory file system that records every call, so tests can check the order of operations. */
function fakeFs(initial: Record<string, Uint8Array | string> = {}) {
  const files = new Map<string, Uint8Array>(
    Object.entries(initial).map(([name, data]) => [name, typeof data === 'string' ? new TextEncoder().encode(data) : data]),
  );
  const calls: string[] = [];
  const failures: { write?: Error; rename?: Error } = {};
  const fs: FileDeps['fs'] = {
    open: vi.fn((filePath: string, flags: 'wx') => {
      calls.push(`open ${filePath} ${flags}`);
      if (files.has(filePath)) return Promise.reject(new Error(`EEXIST: ${filePath}`));
      files.set(filePath, new Uint8Array());
      return Promise.resolve({
        writeFile: (data: string | Uint8Array) => {
          calls.push(`write ${filePath}`);
          if (failures.write) return Promise.reject(failures.write);
          files.set(filePath, typeof data === 'string' ? new TextEncoder().encode(data) : data);
          return Promise.resolve();
        },
        sync: () => {
          calls.push(`sync ${filePath}`);
          return Promise.resolve();
        },
        close: () => {
          calls.push(`close ${filePath}`);
          return Promise.resolve();
        },
      });
    }),
    rename: vi.fn((from: string, to: string) => {
      calls.push(`rename ${from} ${to}`);
      if (failures.rename) return Promise.reject(failures.rename);
      const data = files.get(from);
      if (!data) return Promise.reject(new Error(`ENOENT: ${from}`));
      files.delete(from);
      files.set(to, data);
      return Promise.resolve();
    }),
    rm: vi.fn((filePath: string) => {
      calls.push(`rm ${filePath}`);
      files.delete(filePath);
      return Promise.resolve();
    }),
    stat: vi.fn((filePath: string) => {
      calls.push(`stat ${filePath}`);
      if (filePath.endsWith('/')) return Promise.resolve({ size: 4096, isFile: () => false });
      const data = files.get(filePath);
      if (!data) return Promise.reject(new Error(`ENOENT: ${filePath}`));
      return Promise.resolve({ size: data.byteLength, isFile: () => true });
    }),
    readFile: vi.fn((filePath: string) => {
      calls.push(`read ${filePath}`);
      const data = files.get(filePath);
      return data ? Promise.resolve(data) : Promise.reject(new Error(`ENOENT: ${filePath}`));
    }),
  };
  return { fs, files, calls, failures };
}

function deps(fs: FileDeps['fs'], dialogs: Partial<Pick<FileDeps, 'showSaveDialog' | 'showOpenDialog'>> = {}): FileDeps {
  return {
    showSaveDialog: dialogs.showSaveDialog ?? vi.fn(() => Promise.resolve({ canceled: true })),
    showOpenDialog: dialogs.showOpenDialog ?? vi.fn(() => Promise.resolve({ canceled: true, filePaths: [] })),
    documentsDir: DOCS,
    fs,
    uniqueSuffix: () => 'u1',
  };
}

const saveRequest = {
  suggestedName: 'legation-backup.json',
  filterName: 'Legation backup',
  extensions: ['json'],
  content: '{"visits":[]}',
};

describe('saveFile', () => {
  it('opens the dialog in Documents with the suggested name and filter', async () => {
    const { fs } = fakeFs();
    const showSaveDialog = vi.fn(() => Promise.resolve({ canceled: true }));
    await saveFile(deps(fs, { showSaveDialog }), saveRequest);
    expect(showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        defaultPath: path.join(DOCS, 'legation-backup.json'),
        filters: [{ name: 'Legation backup', extensions: ['json'] }],
      }),
    );
  });

  it('writes nothing when the user cancels', async () => {
    const { fs, calls } = fakeFs();
    await expect(saveFile(deps(fs), saveRequest)).resolves.toEqual({ status: 'cancelled' });
    const emptyPath = vi.fn(() => Promise.resolve({ canceled: false, filePath: '' }));
    await expect(saveFile(deps(fs, { showSaveDialog: emptyPath }), saveRequest)).resolves.toEqual({ status: 'cancelled' });
    expect(calls).toEqual([]);
  });

  it('writes atomically (temp file in the same folder, flushed, then renamed) and returns the base name only', async () => {
    const target = `${DOCS}/backups/mine.json`;
    const { fs, files, calls } = fakeFs({ [target]: 'old backup' });
    const reply = await saveFile(deps(fs, { showSaveDialog: () => Promise.resolve({ canceled: false, filePath: target }) }), saveRequest);
    expect(reply).toEqual({ status: 'saved', fileName: 'mine.json' });
    const temp = `${DOCS}/backups/.mine.json.u1.tmp`;
    expect(calls).toEqual([`open ${temp} wx`, `write ${temp}`, `sync ${temp}`, `close ${temp}`, `rename ${temp} ${target}`]);
    expect(new TextDecoder().decode(files.get(target))).toBe('{"visits":[]}');
    expect(files.has(temp)).toBe(false);
  });

  it('writes bytes as given', async () => {
    const target = `${DOCS}/report.docx`;
    const { fs, files } = fakeFs();
    const content = new Uint8Array([0x50, 0x4b, 3, 4, 0, 255]);
    await saveFile(deps(fs, { showSaveDialog: () => Promise.resolve({ canceled: false, filePath: target }) }), { ...saveRequest, content });
    expect([...(files.get(target) ?? [])]).toEqual([...content]);
  });

  it('keeps the old file and removes the temp file when writing fails', async () => {
    const target = `${DOCS}/mine.json`;
    const { fs, files, failures } = fakeFs({ [target]: 'old backup' });
    failures.write = new Error('ENOSPC: no space left on device');
    await expect(
      saveFile(deps(fs, { showSaveDialog: () => Promise.resolve({ canceled: false, filePath: target }) }), saveRequest),
    ).rejects.toThrow('ENOSPC');
    expect(new TextDecoder().decode(files.get(target))).toBe('old backup');
    expect([...files.keys()]).toEqual([target]);
  });

  it('removes the temp file when the rename fails', async () => {
    const target = `${DOCS}/mine.json`;
    const { fs, files, failures } = fakeFs();
    failures.rename = new Error('EXDEV');
    await expect(
      saveFile(deps(fs, { showSaveDialog: () => Promise.resolve({ canceled: false, filePath: target }) }), saveRequest),
    ).rejects.toThrow('EXDEV');
    expect(files.size).toBe(0);
  });
});

describe('writeFileAtomic', () => {
  it('never overwrites an existing temp file (exclusive create)', async () => {
    const { fs } = fakeFs({ '/d/.a.json.x.tmp': 'someone else' });
    await expect(writeFileAtomic(fs as AtomicWriteFs, '/d/a.json', 'x', 'x')).rejects.toThrow('EEXIST');
  });
});

describe('openFile', () => {
  const openRequest = { filterName: 'Legation backup', extensions: ['json'], maxBytes: 1024 };
  const chosen = (filePath: string) => () => Promise.resolve({ canceled: false, filePaths: [filePath] });

  it('returns cancelled without touching the disk', async () => {
    const { fs, calls } = fakeFs();
    await expect(openFile(deps(fs), openRequest)).resolves.toEqual({ status: 'cancelled' });
    await expect(
      openFile(deps(fs, { showOpenDialog: () => Promise.resolve({ canceled: false, filePaths: [] }) }), openRequest),
    ).resolves.toEqual({ status: 'cancelled' });
    expect(calls).toEqual([]);
  });

  it('starts in Documents with the filter', async () => {
    const { fs } = fakeFs();
    const showOpenDialog = vi.fn(() => Promise.resolve({ canceled: true, filePaths: [] }));
    await openFile(deps(fs, { showOpenDialog }), openRequest);
    expect(showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        defaultPath: DOCS,
        filters: [{ name: 'Legation backup', extensions: ['json'] }],
        properties: ['openFile'],
      }),
    );
  });

  it('reads UTF-8 text and returns the base name only', async () => {
    const { fs } = fakeFs({ '/in/backup.json': '{"name":"Kadhimi — بغداد"}' });
    await expect(openFile(deps(fs, { showOpenDialog: chosen('/in/backup.json') }), openRequest)).resolves.toEqual({
      status: 'opened',
      fileName: 'backup.json',
      text: '{"name":"Kadhimi — بغداد"}',
    });
  });

  it('drops a UTF-8 byte-order mark', async () => {
    const { fs } = fakeFs({ '/in/bom.json': new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]) });
    await expect(openFile(deps(fs, { showOpenDialog: chosen('/in/bom.json') }), openRequest)).resolves.toMatchObject({ text: '{}' });
  });

  it('refuses a file over the limit by its size, before reading it', async () => {
    const { fs, calls } = fakeFs({ '/in/huge.json': new Uint8Array(3 * 1024 * 1024) });
    const reply = await openFile(deps(fs, { showOpenDialog: chosen('/in/huge.json') }), { ...openRequest, maxBytes: 1024 * 1024 });
    expect(reply).toEqual({ status: 'refused', fileName: 'huge.json', message: '“huge.json” is 3 MB; the limit is 1 MB.' });
    expect(calls).toEqual(['stat /in/huge.json']);
    expect(fs.readFile).not.toHaveBeenCalled();
  });

  it('accepts a file exactly at the limit', async () => {
    const { fs } = fakeFs({ '/in/exact.json': 'x'.repeat(1024) });
    await expect(openFile(deps(fs, { showOpenDialog: chosen('/in/exact.json') }), openRequest)).resolves.toMatchObject({
      status: 'opened',
    });
  });

  it('refuses a file that grew past the limit between stat and read', async () => {
    const fs = { ...fakeFs({ '/in/growing.json': 'x' }).fs, readFile: vi.fn(() => Promise.resolve(new Uint8Array(2048))) };
    await expect(openFile(deps(fs, { showOpenDialog: chosen('/in/growing.json') }), openRequest)).resolves.toMatchObject({
      status: 'refused',
      message: expect.stringContaining('the limit is 1 KB') as unknown,
    });
  });

  it('refuses something that is not a regular file', async () => {
    const { fs } = fakeFs();
    await expect(openFile(deps(fs, { showOpenDialog: chosen('/dev/') }), openRequest)).resolves.toMatchObject({ status: 'refused' });
    expect(fs.readFile).not.toHaveBeenCalled();
  });

  it('refuses bytes that are not UTF-8 instead of mangling them, saying what they are', async () => {
    const { fs } = fakeFs({
      '/in/photo.json': new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00]),
      '/in/utf16.json': new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
    });
    await expect(openFile(deps(fs, { showOpenDialog: chosen('/in/photo.json') }), openRequest)).resolves.toEqual({
      status: 'refused',
      fileName: 'photo.json',
      message: '“photo.json” is not a text file.',
    });
    const utf16 = await openFile(deps(fs, { showOpenDialog: chosen('/in/utf16.json') }), openRequest);
    expect(utf16.status).toBe('refused');
    expect(utf16.status === 'refused' && utf16.message).toMatch(/^“utf16\.json” is UTF-16 text; Legation reads UTF-8\. Save it as UTF-8/);
  });

  it('lets a vanished file fail with the system message', async () => {
    const { fs } = fakeFs();
    await expect(openFile(deps(fs, { showOpenDialog: chosen('/in/gone.json') }), openRequest)).rejects.toThrow('ENOENT');
  });
});

describe('formatBytes and appInfo', () => {
  it('formats sizes for people', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1023)).toBe('1023 bytes');
    expect(formatBytes(1024)).toBe('1 KB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(256 * 1024 * 1024)).toBe('256 MB');
    expect(formatBytes(5 * 1024 ** 3)).toBe('5 GB');
  });

  it('reports the electron runtime', () => {
    expect(appInfo({ name: 'Legation', version: '0.1.0', platform: 'linux' })).toEqual({
      name: 'Legation',
      version: '0.1.0',
      runtime: 'electron',
      platform: 'linux',
    });
  });
});

describe('printToPdf', () => {
  it('asks where to save first and renders nothing when the user cancels', async () => {
    const { fs, calls } = fakeFs();
    const render = vi.fn(() => Promise.resolve(new Uint8Array([1])));
    const showSaveDialog = vi.fn(() => Promise.resolve({ canceled: true }));
    await expect(printToPdf(deps(fs, { showSaveDialog }), render, { suggestedName: 'visit-report' })).resolves.toEqual({
      status: 'cancelled',
    });
    expect(showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: path.join(DOCS, 'visit-report.pdf'), filters: [{ name: 'PDF', extensions: ['pdf'] }] }),
    );
    expect(render).not.toHaveBeenCalled();
    expect(calls).toEqual([]);
  });

  it('renders the page and writes the PDF atomically, returning the base name only', async () => {
    const target = `${DOCS}/reports/kadhemi.pdf`;
    const { fs, files } = fakeFs();
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    const reply = await printToPdf(
      deps(fs, { showSaveDialog: () => Promise.resolve({ canceled: false, filePath: target }) }),
      () => Promise.resolve(pdf),
      {
        suggestedName: 'kadhemi.pdf',
      },
    );
    expect(reply).toEqual({ status: 'saved', fileName: 'kadhemi.pdf' });
    expect([...(files.get(target) ?? [])]).toEqual([...pdf]);
  });
});
