/**
 * Writes a generated database as a Legation backup file (Settings → Restore reads it):
 *
 *   npx tsx scripts/bench/generate-backup.ts --visits 100000 [--seed 1] --out /tmp/legation-100k.json
 *   npx tsx scripts/bench/generate-backup.ts --visits 10000 --hsg-xml /tmp/hsg-10k   (HSG-shaped XML files instead)
 *
 * Deterministic: the same --visits and --seed always give the same file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { datasetToHsgXml, generateBackupJson, generateDataset } from '../../shared/generate';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const visits = Number(arg('--visits') ?? 10_000);
const seed = Number(arg('--seed') ?? 1);
const out = arg('--out');
const xmlDir = arg('--hsg-xml');
if (!Number.isInteger(visits) || visits < 0 || (!out && !xmlDir)) {
  process.stderr.write('Usage: generate-backup.ts --visits N [--seed S] (--out FILE.json | --hsg-xml DIR)\n');
  process.exit(2);
}
if (out) {
  writeFileSync(out, generateBackupJson({ visits, seed }));
  process.stdout.write(`Wrote ${out}: a backup with ${visits} generated visits (seed ${seed})\n`);
}
if (xmlDir) {
  const files = datasetToHsgXml(generateDataset({ visits, seed }));
  for (const f of files) {
    const p = join(xmlDir, f.name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.text);
  }
  process.stdout.write(`Wrote ${files.length} HSG XML files under ${xmlDir} (${visits} visits, seed ${seed})\n`);
}
