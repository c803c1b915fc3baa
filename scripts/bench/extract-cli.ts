/**
 * The article extractor through the command line (`npm run cli -- extract <file>`, the bundled
 * dist/cli/legation.mjs), as a user runs it: wall
 * time of the whole process (start-up, reading, extraction, JSON out). Inputs are built here from
 * the seed article (shared/seed) and never read from outside the repository:
 * - a 200 KB article: the seed's paragraphs repeated with their sentences intact (target ≤ 1 s);
 * - 10 MB without a sentence break: the seed with every full stop and line break removed, the
 *   shape that once grew quadratically (target ≤ 10 s), and 1 MB of the same, so that the ratio of
 *   the two shows whether time grows linearly (≈ 10×);
 * - the baseline: the same command on a one-sentence article, the floor every run pays.
 * Each run also reports, from inside the process (`extract --timing`), the milliseconds spent
 * extracting, so that a loaded machine's slow process start-up is told apart from the extractor.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SEED_ARTICLE_TEXT, SEED_REFERENCE_DAY } from '../../shared/seed';

export interface ExtractionBench {
  /** Wall milliseconds of each run, per input. */
  article200k: number[];
  noBreaks10m: number[];
  noBreaks1m: number[];
  floor: number[];
  /** Milliseconds inside the process spent in extractArticle, per input (from `--timing`). */
  inProcess: { article200k: number[]; noBreaks10m: number[]; noBreaks1m: number[]; floor: number[] };
  sizes: { article200k: number; noBreaks10m: number; noBreaks1m: number };
}

function repeatTo(unit: string, size: number, joiner: string): string {
  const parts: string[] = [];
  let n = 0;
  while (n < size) {
    parts.push(unit);
    n += unit.length + joiner.length;
  }
  return parts.join(joiner).slice(0, size);
}

export function buildInputs(): { article200k: string; noBreaks10m: string; noBreaks1m: string; floor: string } {
  const noBreaks = SEED_ARTICLE_TEXT.replace(/[.!?]/g, ' ').replace(/\n+/g, ' ');
  return {
    article200k: repeatTo(SEED_ARTICLE_TEXT, 200 * 1024, '\n\n'),
    noBreaks10m: repeatTo(noBreaks, 10 * 1024 * 1024, ' '),
    noBreaks1m: repeatTo(noBreaks, 1024 * 1024, ' '),
    floor: 'Prime Minister Mustafa al-Kadhemi of Iraq will visit Tehran next week.',
  };
}

/** Runs the CLI on each input `runs` times (interleaved), returning wall times. */
export function benchExtraction(runs: number, log: (s: string) => void): ExtractionBench {
  const root = resolve('.');
  // What `npm run cli` runs: the bundled command line, built here once if a source is newer.
  const built = spawnSync(process.execPath, [join(root, 'scripts/build-cli.mjs'), '--if-stale'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('could not build the command line (scripts/build-cli.mjs)');
  const cli = join(root, 'dist/cli/legation.mjs');
  const dir = mkdtempSync(join(tmpdir(), 'legation-bench-extract-'));
  const inputs = buildInputs();
  const files = Object.fromEntries(
    Object.entries(inputs).map(([k, text]) => {
      const f = join(dir, `${k}.txt`);
      writeFileSync(f, text);
      return [k, f];
    }),
  ) as Record<keyof typeof inputs, string>;
  let lastInProcess = NaN;
  const time = (file: string): number => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [cli, 'extract', file, '--date', SEED_REFERENCE_DAY, '--timing'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
      timeout: 120_000,
      encoding: 'utf8',
    });
    const wall = performance.now() - t0;
    if (r.status !== 0) throw new Error(`cli extract failed on ${file}: ${r.error?.message ?? r.stderr}`);
    const m = /timing: read [\d.]+ ms, extract ([\d.]+) ms/.exec(r.stderr);
    lastInProcess = m ? Number(m[1]) : NaN;
    return wall;
  };
  const out: ExtractionBench = {
    article200k: [],
    noBreaks10m: [],
    noBreaks1m: [],
    floor: [],
    inProcess: { article200k: [], noBreaks10m: [], noBreaks1m: [], floor: [] },
    sizes: { article200k: inputs.article200k.length, noBreaks10m: inputs.noBreaks10m.length, noBreaks1m: inputs.noBreaks1m.length },
  };
  try {
    time(files.floor); // warm the file cache, not measured
    for (let run = 0; run < runs; run++) {
      for (const key of ['floor', 'article200k', 'noBreaks1m', 'noBreaks10m'] as const) {
        out[key].push(time(files[key]));
        out.inProcess[key].push(lastInProcess);
      }
      const both = (key: keyof ExtractionBench['inProcess']) =>
        `${Math.round(out[key].at(-1)!)} ms (extraction ${Math.round(out.inProcess[key].at(-1)!)} ms)`;
      log(
        `    extraction run ${run + 1}: floor ${both('floor')}, 200 KB ${both('article200k')}, ` +
          `1 MB ${both('noBreaks1m')}, 10 MB ${both('noBreaks10m')}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
