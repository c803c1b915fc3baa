#!/usr/bin/env node
// Builds assets/datasets/historyatstate/historyatstate.json.gz, the Office of the Historian data set
// the app ships, from a checkout of that data set (public domain, CC0):
//
//   node scripts/build-hsg-bundle.mjs PATH/TO/historyatstate
//
// One gzip file (the browser's DecompressionStream and Node's zlib both read it) holding the XML
// files the importer reads, by their paths in the data set. Deterministic: the same folder gives
// the same bytes, so a rebuild from unchanged data shows no change in git.
import { readFileSync, readdirSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'datasets', 'historyatstate');
const src = process.argv[2];
if (!src) {
  console.error('usage: node scripts/build-hsg-bundle.mjs PATH/TO/historyatstate');
  process.exit(2);
}

// Schemas and code tables are not records; the importer would only warn about them.
const FOLDERS = ['visits', 'travels/president-travels', 'travels/secretary-travels', 'travels/presidents'];
const files = [];
for (const folder of FOLDERS) {
  const dir = join(src, folder);
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isFile() && name.endsWith('.xml'))
      files.push({ name: relative(src, p).split('\\').join('/'), text: readFileSync(p, 'utf8') });
  }
}
files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
const bundle = { format: 'legation-dataset-bundle', version: 1, dataset: 'historyatstate', files };
// mtime 0 in the gzip header (zlib's default) keeps the output byte-identical between runs.
const gz = gzipSync(Buffer.from(JSON.stringify(bundle), 'utf8'), { level: 9 });
writeFileSync(join(OUT_DIR, 'historyatstate.json.gz'), gz);
copyFileSync(join(src, 'LICENSE.md'), join(OUT_DIR, 'LICENSE.md'));
console.log(`Wrote ${files.length} files, ${gz.length} bytes compressed, to ${relative(process.cwd(), OUT_DIR)}`);
