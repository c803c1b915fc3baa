/**
 * Scores the article extractor on the labelled development set (../shared/articles/labels.json):
 * `npm run eval:extract [-- --dir <folder>] [--json] [--no-date]`.
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
import { readFileSync } from 'node:fs';
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
  required: number;
  matchedRequired: number;
  predictions: number;
  falsePositives: string[];
  misses: string[];
  wrongStatus: string[];
  wrongStart: string[];
}

export interface EvalResult {
  recall: number;
  precision: number;
  status: number;
  start: number;
  articles: ArticleScore[];
  totals: { required: number; matchedRequired: number; predictions: number; truePredictions: number; statusOk: number; startOk: number };
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
      if (l.status.includes(p.status)) totals.statusOk++;
      else score.wrongStatus.push(`${describe(p)} (label ${l.status.join('/')})`);
      if (startAgrees(startValue(p), l)) totals.startOk++;
      else score.wrongStart.push(`${describe(p)} (label ${l.start ?? 'null'})`);
    }
    article.visits.forEach((l, li) => {
      if (l.required) score.required++;
      if (l.required && !usedL.has(li)) score.misses.push(`${l.traveller} → ${l.country} ${l.status.join('/')} ${l.start ?? '-'}`);
    });
    preds.forEach((p, pi) => {
      if (!usedP.has(pi)) score.falsePositives.push(describe(p));
    });
    totals.required += score.required;
    totals.matchedRequired += score.matchedRequired;
    totals.predictions += preds.length;
    totals.truePredictions += usedP.size;
    articles.push(score);
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    recall: ratio(totals.matchedRequired, totals.required),
    precision: ratio(totals.truePredictions, totals.predictions),
    status: ratio(totals.statusOk, totals.matchedRequired),
    start: ratio(totals.startOk, totals.matchedRequired),
    articles,
    totals,
  };
}

function main(argv: string[]): number {
  const dirArg = argv.indexOf('--dir');
  const dir = resolve(dirArg >= 0 && argv[dirArg + 1] ? argv[dirArg + 1]! : join(process.cwd(), '..', 'shared', 'articles'));
  const r = evaluate(dir, !argv.includes('--no-date'));
  if (argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  } else {
    const lines: string[] = [];
    for (const a of r.articles) {
      const problems = [
        ...a.misses.map((m) => `  miss: ${m}`),
        ...a.falsePositives.map((f) => `  false positive: ${f}`),
        ...a.wrongStatus.map((s) => `  status: ${s}`),
        ...a.wrongStart.map((s) => `  start: ${s}`),
      ];
      lines.push(`${a.file}: ${a.matchedRequired}/${a.required} required, ${a.predictions} proposed${problems.length ? '' : ' - ok'}`);
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
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  const ok = r.recall >= TARGETS.recall && r.precision >= TARGETS.precision && r.status >= TARGETS.status && r.start >= TARGETS.start;
  return ok ? 0 : 1;
}

if (process.argv[1] && /eval-extract\.ts$/.test(process.argv[1])) process.exitCode = main(process.argv.slice(2));
