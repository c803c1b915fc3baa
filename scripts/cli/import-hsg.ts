import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildBackup, parseBackup, serializeBackup } from '../../shared/backup';
import { importHsg, type HsgInputFile } from '../../shared/importers';
import { UsageError, parseArgs, readTextFile, writeFileAtomic, type CliCommand } from './common';
import { APP_INFO } from './app-info';
import { readBundledHsg } from './bundled-hsg';

/** Every .xml file under `dir`, in path order (visits/, travels/*-travels/, travels/presidents/…). */
function xmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.')) continue;
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && name.toLowerCase().endsWith('.xml')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

function readFolder(dir: string): HsgInputFile[] {
  if (!existsSync(dir)) throw new UsageError(`${dir}: no such folder`);
  if (!statSync(dir).isDirectory()) throw new UsageError(`${dir} is a file; give the folder holding the XML files`);
  const paths = xmlFiles(dir);
  if (paths.length === 0) throw new UsageError(`${dir} holds no .xml files`);
  return paths.map((p) => ({ name: relative(dir, p), text: readTextFile(p) }));
}

/**
 * `cli import-hsg [DIR] --out FILE`: the Office of the Historian's XML (visits and travels) as a
 * Legation backup holding just that data set; without DIR, the copy bundled with the app. Counts and warnings go to stderr. A file that is
 * refused (a DTD, not XML) stops the command with nothing written, unless --skip-bad is given.
 */
export const command: CliCommand = {
  summary: 'Import the Office of the Historian XML under DIR (default: the bundled copy) into a backup file.',
  usage: 'import-hsg [DIR] --out FILE [--skip-bad]',
  run(args) {
    const { positional, options } = parseArgs(args, { out: 'value', 'skip-bad': 'flag' });
    const [dir, extra] = positional;
    if (extra) throw new UsageError(`unexpected argument "${extra}"`);
    const out = options.out;
    if (typeof out !== 'string' || out === '') throw new UsageError('--out FILE is required');
    const began = performance.now();
    const files = dir === undefined ? readBundledHsg() : readFolder(dir);
    const from = dir ?? 'the bundled data set';
    const result = importHsg(files);
    const ms = Math.round(performance.now() - began);
    for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
    for (const e of result.errors) process.stderr.write(`error: ${e}\n`);
    if (result.errors.length && options['skip-bad'] !== true) {
      throw new UsageError(
        `${result.errors.length} file(s) refused; nothing written. Fix or remove them, or pass --skip-bad to import the rest.`,
      );
    }
    const c = result.counts;
    if (c.records === 0) throw new UsageError(`${from} holds no <visit> or <trip> records; nothing written.`);
    const backup = buildBackup(
      { people: result.people, sources: result.sources, visits: result.visits, meetings: [], events: [], evidence: [], notes: [] },
      APP_INFO,
      new Date().toISOString(),
    );
    const text = serializeBackup(backup);
    // The importer's output is checked like any backup before it is written.
    const check = parseBackup(text);
    if (!check.ok) throw new Error(`the imported records do not form a valid backup:\n  ${check.errors.join('\n  ')}`);
    writeFileAtomic(out, text);
    process.stderr.write(
      [
        `Read ${c.files} files (${c.filesRefused} refused, ${c.filesIgnored} ignored) in ${ms} ms:`,
        `  ${c.records} records (${c.visitRecords} visits by foreign leaders, ${c.tripRecords} trips), ${c.recordsSkipped} skipped`,
        `  ${c.multiLegRecords} trips with several places → ${c.extraLegs} extra legs`,
        `Wrote ${out}: ${c.visits} visits, ${c.people} people, ${c.sources} sources; ${result.warnings.length} warnings.`,
        '',
      ].join('\n'),
    );
    return Promise.resolve(0);
  },
};
