import path from 'node:path';

/** The subset of `fs.promises` an atomic write needs (injected so tests can fail any step). */
export interface AtomicWriteFs {
  open(
    filePath: string,
    flags: 'wx',
  ): Promise<{
    writeFile(data: string | Uint8Array, encoding?: 'utf8'): Promise<void>;
    sync(): Promise<void>;
    close(): Promise<void>;
  }>;
  rename(from: string, to: string): Promise<void>;
  rm(filePath: string, options: { force: true }): Promise<void>;
}

/**
 * Write `data` to `target` so that the target is either the old file or the complete new one,
 * never a truncated mix: write a temporary file in the same folder (same file system, so rename
 * is atomic), flush it to disk, then rename it over the target. A crash mid-backup leaves the
 * previous backup intact. The temp file is created exclusively ('wx') and removed on failure.
 */
export async function writeFileAtomic(fs: AtomicWriteFs, target: string, data: string | Uint8Array, uniqueSuffix: string): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${uniqueSuffix}.tmp`);
  try {
    const handle = await fs.open(temp, 'wx');
    try {
      await (typeof data === 'string' ? handle.writeFile(data, 'utf8') : handle.writeFile(data));
      // Without the flush, some file systems can persist the rename before the data.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}
