/**
 * `npm run --silent cli -- extract <file> [--date YYYY-MM-DD]`: proposes visit records for a news
 * article (plain text or a saved .html page) and prints them as JSON on stdout. `--date` is the
 * publication day, used when the text gives no date or no year. `--timing` adds one line on stderr
 * with the milliseconds spent inside the process reading the file, extracting and writing the JSON
 * (the benchmark uses it to tell the extraction from the process start-up).
 */
import { isValidDay } from '../../shared/model/dates';
import { fuzzyDateValue, type FuzzyDate } from '../../shared/model/fuzzy-date';
import { extractArticle, htmlToText, looksLikeHtml, type ExtractionResult } from '../../shared/extract';
import { UsageError, parseArgs, readTextFile, type CliCommand } from './common';

/** A FuzzyDate as the command prints it: at its precision ("2020-07-21", "2020-07", "2020"); null for windows. */
function precise(d: FuzzyDate | null): string | null {
  if (!d || d.precision === 'window') return null;
  return fuzzyDateValue(d);
}

export function toCliJson(result: ExtractionResult): unknown {
  return {
    referenceDate: result.referenceDate,
    visits: result.visits.map((v) => ({
      traveller: { name: v.traveller.name, title: v.traveller.title, country: v.traveller.country },
      country: v.country,
      city: v.city,
      status: v.status,
      start: precise(v.start),
      end: precise(v.end),
      window: v.start?.precision === 'window' ? { from: v.start.from, to: v.start.to } : null,
      evidence: v.evidence.quote,
    })),
  };
}

export const command: CliCommand = {
  summary: 'Propose visit records from a news article (text or .html) as JSON',
  usage: 'extract <file> [--date YYYY-MM-DD] [--timing]',
  run(args) {
    const { positional, options } = parseArgs(args, { date: 'value', timing: 'flag' });
    if (positional.length !== 1) throw new UsageError(positional.length === 0 ? 'name the article file to read' : 'give exactly one file');
    const date = options.date;
    if (date !== undefined && (typeof date !== 'string' || !isValidDay(date)))
      throw new UsageError(`--date must be a calendar day YYYY-MM-DD, not "${String(date)}"`);
    const file = positional[0]!;
    const t0 = performance.now();
    const raw = readTextFile(file);
    const text = /\.x?html?$/i.test(file) || looksLikeHtml(raw) ? htmlToText(raw) : raw;
    if (text.trim() === '') throw new UsageError(`${file} holds no text`);
    const t1 = performance.now();
    const result = extractArticle(text, { publishedOn: typeof date === 'string' ? date : undefined });
    const t2 = performance.now();
    process.stdout.write(`${JSON.stringify(toCliJson(result), null, 2)}\n`);
    const t3 = performance.now();
    if (options.timing === true)
      process.stderr.write(
        `timing: read ${(t1 - t0).toFixed(1)} ms, extract ${(t2 - t1).toFixed(1)} ms, output ${(t3 - t2).toFixed(1)} ms\n`,
      );
    return Promise.resolve(0);
  },
};
