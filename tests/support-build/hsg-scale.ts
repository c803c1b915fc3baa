import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBundledHsg } from '../../scripts/cli/bundled-hsg';

/** The Office of the Historian data set as a folder of XML files (unpacked from the bundled copy). */
export { bundledHsgFolder } from '../../scripts/cli/bundled-hsg';

/**
 * Writes an Office of the Historian-shaped input of `total` visits by foreign leaders: the real
 * `<visit>` records of the data set, repeated with new ids (from 10,000,000 up, far above the real
 * ones), in files of `perFile` visits named `visits-scale-NN.xml`. Deterministic: the same
 * arguments give byte-identical files (a resume test chooses them again and the hash matches).
 * Returns the file paths in order.
 */
export function writeScaleVisits(dir: string, total: number, perFile = 10_000): string[] {
  const records = readBundledHsg('visits').flatMap((f) => f.text.match(/<visit>[\s\S]*?<\/visit>/g) ?? []);
  if (records.length === 0) throw new Error('No <visit> records found in the bundled data set');
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  for (let start = 0, file = 1; start < total; start += perFile, file++) {
    const parts: string[] = [];
    for (let n = start; n < Math.min(total, start + perFile); n++) {
      const record = records[n % records.length]!;
      parts.push(record.replace(/<id>[^<]*<\/id>/, `<id>${10_000_000 + n}</id>`));
    }
    const path = join(dir, `visits-scale-${String(file).padStart(2, '0')}.xml`);
    writeFileSync(path, `<?xml version="1.0" encoding="UTF-8"?>\n<visits>\n${parts.join('\n')}\n</visits>\n`);
    paths.push(path);
  }
  return paths;
}
