/**
 * The article extractor through the command line (`cli extract <file>`), as a user runs it: wall
 * time of the whole process (start-up, reading, extraction, JSON out). Inputs are built here from
 * the seed article (shared/seed) and never read from outside the repository:
 * - a 200 KB article: the seed's paragraphs repeated with their sentences intact (target ≤ 1 s);
 * - 10 MB without a sentence break: the seed with every full stop and line break removed, the
 *   shape that once grew quadratically (target ≤ 10 s), and 1 MB of the same, so that the ratio of
 *   the two shows whether time grows linearly (≈ 10×);
 * - the baseline: the same command on a one-sentence article, the floor every run pays.
 */
import { execFileSync } from 'node:child_process';
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
  const tsx = join(root, 'node_modules/.bin/tsx');
  const dir = mkdtempSync(join(tmpdir(), 'legation-bench-extract-'));
  const inputs = buildInputs();
  const files = Object.fromEntries(
    Object.entries(inputs).map(([k, text]) => {
      const f = join(dir, `${k}.txt`);
      writeFileSync(f, text);
      return [k, f];
    }),
  ) as Record<keyof typeof inputs, string>;
  const time = (file: string): number => {
    const t0 = performance.now();
    execFileSync(tsx, [join(root, 'scripts/cli.ts'), 'extract', file, '--date', SEED_REFERENCE_DAY], {
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
      timeout: 120_000,
    });
    return performance.now() - t0;
  };
  const out: ExtractionBench = {
    article200k: [],
    noBreaks10m: [],
    noBreaks1m: [],
    floor: [],
    sizes: { article200k: inputs.article200k.length, noBreaks10m: inputs.noBreaks10m.length, noBreaks1m: inputs.noBreaks1m.length },
  };
  try {
    time(files.floor); // warm the file cache and tsx's transform cache, not measured
    for (let run = 0; run < runs; run++) {
      out.floor.push(time(files.floor));
      out.article200k.push(time(files.article200k));
      out.noBreaks1m.push(time(files.noBreaks1m));
      out.noBreaks10m.push(time(files.noBreaks10m));
      log(
        `    extraction run ${run + 1}: floor ${Math.round(out.floor.at(-1)!)} ms, 200 KB ${Math.round(out.article200k.at(-1)!)} ms, ` +
          `1 MB ${Math.round(out.noBreaks1m.at(-1)!)} ms, 10 MB ${Math.round(out.noBreaks10m.at(-1)!)} ms`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
