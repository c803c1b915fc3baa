import { TABLE_NAMES, buildBackup, parseBackup, serializeBackup, type Backup, type BackupTables } from '../../shared/backup';
import { UsageError, parseArgs, readTextFile, writeFileAtomic, type CliCommand } from './common';
import { APP_INFO } from './app-info';

function load(path: string): Backup {
  const parsed = parseBackup(readTextFile(path));
  if (!parsed.ok) throw new UsageError(`${path} is not a valid Legation backup:\n  ${parsed.errors.join('\n  ')}`);
  return parsed.backup;
}

export interface MergeStats {
  /** Ids in both backups whose records differ. */
  conflicts: number;
  /** Of those, how many came from B (the later updatedAt). */
  fromB: number;
}

/**
 * Union by id, table by table. When both have a record with the same id and they differ, the one
 * with the later updatedAt wins (A on a tie, so that merging is stable). Order: A's records
 * first, then B's new ones.
 */
export function mergeTables(a: BackupTables, b: BackupTables): { tables: BackupTables; stats: MergeStats } {
  const stats: MergeStats = { conflicts: 0, fromB: 0 };
  const out = {} as Record<string, unknown[]>;
  for (const name of TABLE_NAMES) {
    const rows = new Map<string, { id: string; updatedAt: string }>();
    for (const r of a[name]) rows.set(r.id, r);
    for (const r of b[name]) {
      const mine = rows.get(r.id);
      if (!mine) {
        rows.set(r.id, r);
        continue;
      }
      if (JSON.stringify(mine) === JSON.stringify(r)) continue;
      stats.conflicts++;
      if (r.updatedAt > mine.updatedAt) {
        rows.set(r.id, r);
        stats.fromB++;
      }
    }
    out[name] = [...rows.values()];
  }
  return { tables: out as unknown as BackupTables, stats };
}

/** `cli merge A B --out FILE`: two backups into one (union by id, later updatedAt wins). */
export const command: CliCommand = {
  summary: 'Merge two backup files: union by id, the later updatedAt wins.',
  usage: 'merge A B --out FILE',
  run(args) {
    const { positional, options } = parseArgs(args, { out: 'value' });
    const [pathA, pathB, extra] = positional;
    if (!pathA || !pathB) throw new UsageError('give two backup files to merge');
    if (extra) throw new UsageError(`unexpected argument "${extra}"`);
    const out = options.out;
    if (typeof out !== 'string' || out === '') throw new UsageError('--out FILE is required');
    const a = load(pathA);
    const b = load(pathB);
    const { tables, stats } = mergeTables(a.tables, b.tables);
    const text = serializeBackup(buildBackup(tables, APP_INFO, new Date().toISOString()));
    const check = parseBackup(text);
    if (!check.ok) throw new UsageError(`the merged backup would not be valid; nothing written:\n  ${check.errors.join('\n  ')}`);
    writeFileAtomic(out, text);
    const counts = TABLE_NAMES.map((n) => `${check.counts[n]} ${n}`).join(', ');
    process.stderr.write(
      `Wrote ${out}: ${counts}.\n${stats.conflicts} conflict(s) (same id, different content): ${stats.conflicts - stats.fromB} kept from ${pathA}, ${stats.fromB} from ${pathB}.\n`,
    );
    return Promise.resolve(0);
  },
};
