/**
 * Scores the article extractor on the labelled development set (../shared/articles/labels.json):
 * `npm run eval:extract [-- --dir <folder>] [--json] [--no-date] [--show <fold>,...]`.
 *
 * The only file of the repository that reads the labelled articles, by path. They are split into
 * three folds by a fixed rule (the file's leading number mod 3): rules are written while reading the
 * errors of some folds (`--show 1` prints the article-level errors of fold 1 only) and measured on
 * the others; the score of every fold is always printed.
 *
 * Matching: a prediction matches a label when the traveller is the same person — equal names
 * after folding case, accents, hyphens and "al-" prefixes, or one name a short form of the other
 * ("Kadhemi" / "Mustafa al-Kadhemi", "King Salman" / "Salman bin Abdulaziz Al Saud") — and the host
 * country is the same. Each label and prediction is used once; among several candidates the pair
 * whose start dates agree wins, required labels first.
 * - recall: matched required labels / required labels;
 * - precision: predictions matching a label (required or not) / all predictions; a prediction that
 *   matches an optional label (required: false) is not a false positive, and an unmatched optional
 *   label is not a miss;
 * - status accuracy: matched required labels whose predicted status is in the label's status list;
 * - start accuracy: matched required labels whose predicted start agrees with the label's start or
 *   one of its startAlternatives: the predicted start, written at its precision (a window by its
 *   first day), must begin with the label value ("2018-12-01" agrees with "2018-12"), null with null.
 * The reference date given to the extractor is the label's `date` (the publication day a user would
 * enter on import); `--no-date` leaves it out to see what the text alone gives.
 * Exit code 1 when a target is missed, so the script can gate a build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { extractArticle, type ExtractedVisit } from '../shared/extract';
import { isShortFormOf, namesEqual } from '../shared/extract/names';
import { fuzzyDateValue } from '../shared/model/fuzzy-date';

export const TARGETS = { recall: 0.9, precision: 0.9, status: 0.9, start: 0.85 } as const;

interface LabelVisit {
  traveller: string;
  country: string;
  city: string | null;
  status: string[];
  start: string | null;
  end: string | null;
  startAlternatives?: string[];
  required: boolean;
}

interface LabelArticle {
  file: string;
  date: string;
  visits: LabelVisit[];
}

export interface ArticleScore {
  file: string;
  fold: number;
  required: number;
  matchedRequired: number;
  predictions: number;
  falsePositives: string[];
  misses: string[];
  wrongStatus: string[];
  wrongStart: string[];
  /** An unmatched proposal for a missed label's country, with another traveller. */
  wrongTraveller: string[];
  /** An unmatched proposal for a missed label's traveller, in another country. */
  wrongCountry: string[];
  /** Evidence or cue spans whose quote is not the normalised text at their offsets. */
  badOffsets: string[];
  statusOk: number;
  startOk: number;
  truePredictions: number;
}

export interface FoldScore {
  fold: number;
  files: number;
  recall: number;
  precision: number;
  status: number;
  start: number;
}

export interface EvalResult {
  recall: number;
  precision: number;
  status: number;
  start: number;
  articles: ArticleScore[];
  folds: FoldScore[];
  errors: Record<ErrorKind, number>;
  totals: { required: number; matchedRequired: number; predictions: number; truePredictions: number; statusOk: number; startOk: number };
}

export const FOLDS = 3;
export type ErrorKind = 'missed' | 'extra' | 'wrong traveller' | 'wrong country' | 'wrong status' | 'wrong date' | 'bad offsets';

/** The fold of an article: its leading number mod 3 (a fixed rule, independent of content). */
export function foldOf(file: string): number {
  const n = /^(\d+)/.exec(file);
  return n ? Number(n[1]) % FOLDS : 0;
}

/** Every quoted span of a proposal lies at its offsets in the normalised text. */
export function offsetProblems(text: string, v: ExtractedVisit): string[] {
  const spans: Array<[string, { start: number; end: number; quote: string }]> = [['evidence', v.evidence]];
  for (const c of v.cues ?? []) spans.push([`${c.kind} cue`, c]);
  return spans
    .filter(([, s]) => text.slice(s.start, s.end) !== s.quote)
    .map(([what, s]) => `${what} "${s.quote.slice(0, 40)}" is not at ${s.start}-${s.end}`);
}

function stripTitles(name: string): string {
  return name.replace(/^(King|Queen|Emir|Sheikh|Prince|Crown Prince|Sultan|President|Prime Minister|Mr\.?|Mrs\.?|Dr\.?)\s+/i, '');
}

export function samePerson(a: string, b: string): boolean {
  const x = stripTitles(a);
  const y = stripTitles(b);
  return namesEqual(x, y) || isShortFormOf(x, y) || isShortFormOf(y, x);
}

function startValue(v: ExtractedVisit): string | null {
  return v.start ? fuzzyDateValue(v.start) : null;
}

export function startAgrees(predicted: string | null, label: LabelVisit): boolean {
  const accepted = [label.start, ...(label.startAlternatives ?? [])];
  return accepted.some((a) => (a === null ? predicted === null : predicted !== null && predicted.startsWith(a)));
}

function describe(v: ExtractedVisit): string {
  return `${v.traveller.name} → ${v.country}${v.city ? ` (${v.city})` : ''} ${v.status} ${startValue(v) ?? '-'}`;
}

export function evaluate(dir: string, useDate = true): EvalResult {
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as { articles: LabelArticle[] };
  const articles: ArticleScore[] = [];
  const totals = { required: 0, matchedRequired: 0, predictions: 0, truePredictions: 0, statusOk: 0, startOk: 0 };
  for (const article of labels.articles) {
    const text = readFileSync(join(dir, article.file), 'utf8');
    const result = extractArticle(text, useDate ? { publishedOn: article.date } : {});
    const preds = result.visits;
    const score: ArticleScore = {
      file: article.file,
      fold: foldOf(article.file),
      wrongTraveller: [],
      wrongCountry: [],
      badOffsets: preds.flatMap((p) => offsetProblems(result.text, p).map((x) => `${describe(p)}: ${x}`)),
      statusOk: 0,
      startOk: 0,
      truePredictions: 0,
      required: 0,
      matchedRequired: 0,
      predictions: preds.length,
      falsePositives: [],
      misses: [],
      wrongStatus: [],
      wrongStart: [],
    };
    // Candidate pairs, best first: required labels, then agreeing start dates.
    const pairs: Array<{ p: number; l: number; score: number }> = [];
    preds.forEach((p, pi) =>
      article.visits.forEach((l, li) => {
        if (p.country !== l.country || !samePerson(p.traveller.name, l.traveller)) return;
        pairs.push({
          p: pi,
          l: li,
          score: (l.required ? 4 : 0) + (startAgrees(startValue(p), l) ? 2 : 0) + (l.status.includes(p.status) ? 1 : 0),
        });
      }),
    );
    pairs.sort((a, b) => b.score - a.score || a.p - b.p || a.l - b.l);
    const usedP = new Set<number>();
    const usedL = new Set<number>();
    for (const pair of pairs) {
      if (usedP.has(pair.p) || usedL.has(pair.l)) continue;
      usedP.add(pair.p);
      usedL.add(pair.l);
      const l = article.visits[pair.l]!;
      const p = preds[pair.p]!;
      if (!l.required) continue;
      score.matchedRequired++;
      if (l.status.includes(p.status)) score.statusOk++;
      else score.wrongStatus.push(`${describe(p)} (label ${l.status.join('/')})`);
      if (startAgrees(startValue(p), l)) score.startOk++;
      else score.wrongStart.push(`${describe(p)} (label ${l.start ?? 'null'})`);
    }
    // A missed label and an extra proposal that differ only in the traveller, or only in the
    // country, are one error of that kind rather than a miss and an extra.
    const labelText = (l: LabelVisit) => `${l.traveller} → ${l.country} ${l.status.join('/')} ${l.start ?? '-'}`;
    const freeP = () => preds.map((p, pi) => ({ p, pi })).filter(({ pi }) => !usedP.has(pi));
    article.visits.forEach((l, li) => {
      if (l.required) score.required++;
      if (!l.required || usedL.has(li)) return;
      const byCountry = freeP().find(({ p }) => p.country === l.country);
      const byPerson = freeP().find(({ p }) => samePerson(p.traveller.name, l.traveller));
      if (byCountry) {
        usedP.add(byCountry.pi);
        score.wrongTraveller.push(`${describe(byCountry.p)} (label ${labelText(l)})`);
      } else if (byPerson) {
        usedP.add(byPerson.pi);
        score.wrongCountry.push(`${describe(byPerson.p)} (label ${labelText(l)})`);
      } else score.misses.push(labelText(l));
    });
    score.truePredictions = preds.length - freeP().length - score.wrongTraveller.length - score.wrongCountry.length;
    for (const { p } of freeP()) score.falsePositives.push(describe(p));
    totals.required += score.required;
    totals.matchedRequired += score.matchedRequired;
    totals.predictions += preds.length;
    totals.truePredictions += score.truePredictions;
    totals.statusOk += score.statusOk;
    totals.startOk += score.startOk;
    articles.push(score);
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const sum = (list: ArticleScore[], f: (a: ArticleScore) => number) => list.reduce((n, a) => n + f(a), 0);
  const folds: FoldScore[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const list = articles.filter((a) => a.fold === fold);
    const matched = sum(list, (a) => a.matchedRequired);
    folds.push({
      fold,
      files: list.length,
      recall: ratio(
        matched,
        sum(list, (a) => a.required),
      ),
      precision: ratio(
        sum(list, (a) => a.truePredictions),
        sum(list, (a) => a.predictions),
      ),
      status: ratio(
        sum(list, (a) => a.statusOk),
        matched,
      ),
      start: ratio(
        sum(list, (a) => a.startOk),
        matched,
      ),
    });
  }
  const errors: Record<ErrorKind, number> = {
    missed: sum(articles, (a) => a.misses.length),
    extra: sum(articles, (a) => a.falsePositives.length),
    'wrong traveller': sum(articles, (a) => a.wrongTraveller.length),
    'wrong country': sum(articles, (a) => a.wrongCountry.length),
    'wrong status': sum(articles, (a) => a.wrongStatus.length),
    'wrong date': sum(articles, (a) => a.wrongStart.length),
    'bad offsets': sum(articles, (a) => a.badOffsets.length),
  };
  return {
    recall: ratio(totals.matchedRequired, totals.required),
    precision: ratio(totals.truePredictions, totals.predictions),
    status: ratio(totals.statusOk, totals.matchedRequired),
    start: ratio(totals.startOk, totals.matchedRequired),
    articles,
    folds,
    errors,
    totals,
  };
}

/** The folder of labelled articles: --dir, else ../shared/articles from the working directory if it exists. */
function articlesDir(argv: string[]): string | null {
  const dirArg = argv.indexOf('--dir');
  if (dirArg >= 0) return argv[dirArg + 1] ? resolve(argv[dirArg + 1]!) : null;
  const fallback = join(process.cwd(), '..', 'shared', 'articles');
  return existsSync(join(fallback, 'labels.json')) ? fallback : null;
}

function main(argv: string[]): number {
  const dir = articlesDir(argv);
  if (!dir || !existsSync(join(dir, 'labels.json'))) {
    process.stderr.write(
      `eval:extract: no labelled articles found${dir ? ` in ${dir}` : ' at ../shared/articles'}; ` +
        'name the folder holding labels.json with --dir <folder> (npm run eval:extract -- --dir <folder>)\n',
    );
    return 2;
  }
  const showArg = argv.indexOf('--show');
  const show = showArg >= 0 ? new Set((argv[showArg + 1] ?? '').split(',').map(Number)) : null;
  const r = evaluate(dir, !argv.includes('--no-date'));
  if (argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  } else {
    const lines: string[] = [];
    for (const a of r.articles) {
      if (show && !show.has(a.fold)) continue;
      const problems = [
        ...a.misses.map((m) => `  missed: ${m}`),
        ...a.falsePositives.map((f) => `  extra: ${f}`),
        ...a.wrongTraveller.map((f) => `  wrong traveller: ${f}`),
        ...a.wrongCountry.map((f) => `  wrong country: ${f}`),
        ...a.wrongStatus.map((s) => `  wrong status: ${s}`),
        ...a.wrongStart.map((s) => `  wrong date: ${s}`),
        ...a.badOffsets.map((s) => `  bad offsets: ${s}`),
      ];
      lines.push(
        `[fold ${a.fold}] ${a.file}: ${a.matchedRequired}/${a.required} required, ${a.predictions} proposed${problems.length ? '' : ' - ok'}`,
      );
      lines.push(...problems);
    }
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    const t = r.totals;
    lines.push('');
    lines.push(`recall     ${pct(r.recall)}  (${t.matchedRequired}/${t.required} required visits; target ${pct(TARGETS.recall)})`);
    lines.push(
      `precision  ${pct(r.precision)}  (${t.truePredictions}/${t.predictions} proposals match a label; target ${pct(TARGETS.precision)})`,
    );
    lines.push(`status     ${pct(r.status)}  (${t.statusOk}/${t.matchedRequired} matched; target ${pct(TARGETS.status)})`);
    lines.push(`start date ${pct(r.start)}  (${t.startOk}/${t.matchedRequired} matched; target ${pct(TARGETS.start)})`);
    lines.push('');
    lines.push(
      `errors by kind: ${Object.entries(r.errors)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}`,
    );
    lines.push('');
    lines.push('fold (file number mod 3)  files  recall  precision  status  start');
    for (const f of r.folds)
      lines.push(
        `fold ${f.fold}                    ${String(f.files).padStart(5)}  ${pct(f.recall).padStart(6)}  ${pct(f.precision).padStart(9)}  ${pct(f.status).padStart(6)}  ${pct(f.start).padStart(6)}`,
      );
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  const ok =
    r.recall >= TARGETS.recall &&
    r.precision >= TARGETS.precision &&
    r.status >= TARGETS.status &&
    r.start >= TARGETS.start &&
    r.errors['bad offsets'] === 0;
  return ok ? 0 : 1;
}

if (process.argv[1] && /eval-extract\.ts$/.test(process.argv[1])) process.exitCode = main(process.argv.slice(2));
