import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseBackup } from '../../shared/backup';
import { addDays, isValidDay, localToday } from '../../shared/model';
import { countryByCode, countryName } from '../../shared/places';
import {
  BRIEF_DEFAULT_SINCE_DAYS,
  BRIEF_FORMAT_IDS,
  REPORT_FORMAT_IDS,
  REPORT_TEMPLATES,
  buildBriefModel,
  buildDossierModel,
  buildReportModel,
  describeSelection,
  findPeopleByName,
  icsSkipped,
  isBriefFormat,
  isReportFormat,
  isReportTemplate,
  renderBrief,
  renderDossier,
  renderReport,
  selectVisits,
  type ReportSelection,
} from '../../shared/reports';
import { UsageError, parseArgs, readTextFile, writeFileAtomic, type CliCommand } from './common';

/**
 * `report FILE [--template brief|dossier|annex] --format F --out OUT [--as-of D] [--since D]
 * [--visit ID] [--traveller NAME] [--country XX] [--from D] [--to D] [--title T]`: a report of a
 * Legation backup, the same models and renderers as the Reports screen. The brief (the default) and
 * the dossier of one visit (`--visit`) are written in md, html or docx; the data formats (csv, json,
 * ics, timelinejs) are the annex's. PDF is the app's print view, not written here. Everything is
 * checked before anything is written; the output is written whole or not at all.
 */
export const command: CliCommand = {
  summary: 'Write a brief or a visit dossier (md, html, docx) or the annex (md, html, csv, json, ics, docx, timelinejs) of a backup file',
  usage: `report FILE [--template ${REPORT_TEMPLATES.join('|')}] --format ${REPORT_FORMAT_IDS.join('|')} --out OUT [--as-of YYYY-MM-DD] [--since YYYY-MM-DD] [--visit ID] [--traveller NAME] [--country XX] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--title TEXT]`,
  async run(args) {
    const { positional, options } = parseArgs(args, {
      format: 'value',
      out: 'value',
      traveller: 'value',
      country: 'value',
      from: 'value',
      to: 'value',
      title: 'value',
      template: 'value',
      'as-of': 'value',
      since: 'value',
      visit: 'value',
    });
    const str = (name: string): string | undefined => {
      const v = options[name];
      return typeof v === 'string' ? v : undefined;
    };
    if (positional.length === 0) throw new UsageError('name the backup file to report on');
    if (positional.length > 1) throw new UsageError(`one backup file at a time (got ${positional.length}: ${positional.join(', ')})`);
    const file = positional[0]!;
    const format = str('format');
    if (!format) throw new UsageError(`--format is required: one of ${REPORT_FORMAT_IDS.join(', ')}`);
    if (format.toLowerCase() === 'pdf') {
      throw new UsageError(
        'PDF is printed by the app (Reports → PDF, or the dossier’s Print); write --format html and print that, or docx',
      );
    }
    if (!isReportFormat(format)) throw new UsageError(`unknown format "${format}": use one of ${REPORT_FORMAT_IDS.join(', ')}`);
    const template = str('template') ?? 'brief';
    if (!isReportTemplate(template)) throw new UsageError(`unknown template "${template}": use one of ${REPORT_TEMPLATES.join(', ')}`);
    if (template !== 'annex' && !isBriefFormat(format)) {
      throw new UsageError(
        `the ${template} is written in ${BRIEF_FORMAT_IDS.join(', ')}; ${format} is a format of the annex (add --template annex)`,
      );
    }
    const visitId = str('visit');
    if (template === 'dossier') {
      if (visitId === undefined)
        throw new UsageError('the dossier is of one visit: add --visit ID (the id is in the visit’s page address)');
      for (const name of ['traveller', 'country', 'from', 'to', 'since']) {
        if (options[name] !== undefined)
          throw new UsageError(`--${name} is for the brief and the annex; the dossier is of the one --visit`);
      }
    } else if (visitId !== undefined) {
      throw new UsageError('--visit is for the dossier (add --template dossier)');
    }
    const out = str('out');
    if (!out) throw new UsageError('--out is required: the file to write the report to');
    const outDir = dirname(out);
    if (!existsSync(outDir) || !statSync(outDir).isDirectory()) throw new UsageError(`--out ${out}: the folder ${outDir} does not exist`);
    if (existsSync(out) && statSync(out).isDirectory()) throw new UsageError(`--out ${out} is a folder; give a file name`);

    const from = str('from');
    const to = str('to');
    for (const [name, value] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (value !== undefined && !isValidDay(value)) throw new UsageError(`--${name} ${value} is not a calendar day (use YYYY-MM-DD)`);
    }
    if (from && to && to < from) throw new UsageError(`--to ${to} is before --from ${from}`);
    const asOfArg = str('as-of');
    const sinceArg = str('since');
    if (template === 'annex' && (asOfArg !== undefined || sinceArg !== undefined)) {
      throw new UsageError('--as-of and --since are for the brief; the annex covers every visit of the selection');
    }
    for (const [name, value] of [
      ['as-of', asOfArg],
      ['since', sinceArg],
    ] as const) {
      if (value !== undefined && !isValidDay(value)) throw new UsageError(`--${name} ${value} is not a calendar day (use YYYY-MM-DD)`);
    }
    const asOf = asOfArg ?? localToday();
    const since = sinceArg ?? addDays(asOf, -BRIEF_DEFAULT_SINCE_DAYS);
    if (since > asOf) throw new UsageError(`--since ${since} is after --as-of ${asOf}`);
    const countryArg = str('country');
    let country: string | undefined;
    if (countryArg !== undefined) {
      const c = /^[A-Za-z]{2}$/.test(countryArg.trim()) ? countryByCode(countryArg) : null;
      if (!c) throw new UsageError(`--country ${countryArg} is not an ISO 3166-1 alpha-2 country code (e.g. IQ, IR, US)`);
      country = c.code;
    }

    const parsed = parseBackup(readTextFile(file));
    if (!parsed.ok) {
      process.stderr.write(
        `legation report: ${file} is not a valid Legation backup:\n${parsed.errors.map((e) => `  - ${e}`).join('\n')}\n`,
      );
      return 2;
    }
    const tables = parsed.backup.tables;
    const generatedAt = new Date().toISOString();
    const zoneOffsetMinutes = -new Date(generatedAt).getTimezoneOffset();

    if (template === 'dossier') {
      const visit = tables.visits.find((v) => v.id === visitId && !v.deletedAt);
      if (!visit) throw new UsageError(`--visit ${visitId}: no such visit in ${file}`);
      const title = str('title');
      const dossier = buildDossierModel(tables, { visitId: visit.id, title, generatedAt, zoneOffsetMinutes, asOf });
      if (!isBriefFormat(format)) throw new UsageError(`the dossier is written in ${BRIEF_FORMAT_IDS.join(', ')}`);
      writeFileAtomic(out, await renderDossier(dossier, format));
      process.stderr.write(`legation report: dossier of ${dossier.visitTitle} written to ${out} (${format})\n`);
      return 0;
    }

    const selection: ReportSelection = { country, from, to };
    const travellerName = str('traveller');
    if (travellerName !== undefined) {
      const found = findPeopleByName(tables.people, travellerName);
      if (found.length === 0) throw new UsageError(`--traveller "${travellerName}": no person of that name or alias in ${file}`);
      if (found.length > 1) {
        throw new UsageError(
          `--traveller "${travellerName}" names ${found.length} people (${found.map((p) => p.name).join('; ')}); use a full name`,
        );
      }
      selection.travellerId = found[0]!.id;
    }

    const visits = selectVisits(tables.visits, selection);
    const selectionLabel = describeSelection(selection, tables.people);
    const title = str('title') ?? `Legation ${template === 'brief' ? 'brief' : 'report'}: ${selectionLabel}`;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const where = country ? ` in ${countryName(country)}` : '';
    if (template === 'brief' && isBriefFormat(format)) {
      const brief = buildBriefModel({ ...tables, visits }, { title, generatedAt, zoneOffsetMinutes, selectionLabel, asOf, since });
      writeFileAtomic(out, await renderBrief(brief, format));
      process.stderr.write(
        `legation report: brief of ${plural(brief.counts.visits, 'visit')}${where} as of ${asOf} written to ${out} (${format})\n`,
      );
      return 0;
    }
    const model = buildReportModel({ ...tables, visits }, { title, generatedAt, zoneOffsetMinutes, selectionLabel });
    const content = await renderReport(model, format);
    writeFileAtomic(out, content);
    if (format === 'ics') {
      const skipped = icsSkipped(model);
      for (const v of skipped) process.stderr.write(`legation report: skipped (no start date): ${v.title} (${v.id})\n`);
      process.stderr.write(`legation report: ${plural(model.counts.visits - skipped.length, 'event')}${where} written to ${out} (ics)\n`);
    } else {
      process.stderr.write(`legation report: ${plural(model.counts.visits, 'visit')}${where} written to ${out} (${format})\n`);
    }
    return 0;
  },
};
