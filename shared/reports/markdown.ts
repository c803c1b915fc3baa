import { STATUS_LABELS, dayLabel } from '../model';
import { changeLabel, statusCountWords, type ReportModel, type ReportVisit } from './model';

/**
 * The report as CommonMark/GFM. Every user string is escaped so that it reads as text: a purpose
 * with "*" or "<script>" stays those characters, and a "|" cannot split a table cell. Notes are
 * Markdown themselves; they are shown as their source text in a fenced block (a fence longer than
 * any backtick run in the note), so a note's "# heading" can never become a heading of the report.
 */

/**
 * Escapes Markdown's inline syntax and HTML; newlines become spaces. Characters that only matter at
 * the start of a line ("-", "1.", "+") are left alone: report text never starts a line.
 */
export function mdText(s: string): string {
  return s
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]#|~<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(longest + 1);
  return `${f}markdown\n${text.replace(/\r\n?/g, '\n').replace(/\n+$/, '')}\n${f}`;
}

const fn = (n: number | null): string => (n === null ? '' : `[^${n}]`);

function visitSection(v: ReportVisit, i: number): string[] {
  const out: string[] = [];
  out.push(`### ${i + 1}. ${mdText(v.title)}`, '');
  const facts: [string, string][] = [
    ['Traveller', mdText(v.traveller)],
    ['Destination', mdText(v.destination)],
    ['Dates', mdText(v.dates)],
    ['Status', STATUS_LABELS[v.status]],
  ];
  if (v.kind !== 'unknown') facts.push(['Kind', mdText(v.kindLabel)]);
  if (v.purpose) facts.push(['Purpose', mdText(v.purpose)]);
  if (v.hosts.length) facts.push(['Hosts', v.hosts.map(mdText).join(', ')]);
  if (v.delegation.length) facts.push(['Delegation', v.delegation.map(mdText).join(', ')]);
  if (v.tags.length) facts.push(['Tags', v.tags.map(mdText).join(', ')]);
  if (v.sources.length) facts.push(['Sources', v.sources.map((n) => `[^${n}]`).join(' ')]);
  for (const [k, val] of facts) out.push(`- **${k}:** ${val}`);
  out.push('', '#### Status history', '');
  for (const c of v.statusHistory) {
    const dates = c.dates ? `, for ${mdText(c.dates)}` : '';
    const reason = c.reason ? ` — ${mdText(c.reason)}` : '';
    out.push(`- ${mdText(c.onLabel)}: **${changeLabel(c)}**${dates}${reason}${fn(c.footnote)}`);
  }
  if (v.meetings.length) {
    out.push('', '#### Meetings', '');
    for (const m of v.meetings) {
      const when = [m.date?.label, m.place]
        .filter(Boolean)
        .map((s) => mdText(s!))
        .join(', ');
      out.push(`- **${m.participants.map(mdText).join(', ')}**${when ? ` — ${when}` : ''}`);
      if (m.summary) out.push(`  ${mdText(m.summary)}`);
      for (const q of m.quotes) out.push(`  > ${q.speaker ? `${mdText(q.speaker)}: ` : ''}“${mdText(q.text)}”${fn(q.footnote)}`, '');
    }
  }
  if (v.evidence.length) {
    out.push('', '#### Evidence', '');
    for (const e of v.evidence) out.push(`- *${mdText(e.field)}:* “${mdText(e.quote)}”[^${e.footnote}]`);
  }
  if (v.notes.length) {
    out.push('', '#### Notes', '');
    for (const n of v.notes)
      out.push(`Note “${mdText(n.title)}” (updated ${dayLabel(n.updatedAt.slice(0, 10))}):`, '', fence(n.markdown), '');
  }
  out.push('');
  return out;
}

export function renderMarkdown(model: ReportModel): string {
  const c = model.counts;
  const out: string[] = [];
  out.push(`# ${mdText(model.title)}`, '');
  out.push(`- **Selection:** ${mdText(model.selection)}`);
  out.push(`- **Generated:** ${mdText(model.generatedLabel)}`);
  const statuses = statusCountWords(c.byStatus);
  out.push(`- **Visits:** ${c.visits}${statuses ? ` (${statuses})` : ''}`);
  out.push(`- **Meetings:** ${c.meetings} · **Quotes:** ${c.quotes} · **Notes:** ${c.notes} · **Sources:** ${c.sources}`, '');
  out.push('## Summary', '');
  if (model.summary.length === 0) out.push('No visits match this selection.', '');
  else {
    out.push('| # | Traveller | Destination | Dates | Status | Kind |', '| ---: | --- | --- | --- | --- | --- |');
    for (const r of model.summary) {
      out.push(
        `| ${r.n} | ${mdText(r.traveller)} | ${mdText(r.destination)} | ${mdText(r.dates)} | ${STATUS_LABELS[r.status]} | ${mdText(r.kind)} |`,
      );
    }
    out.push('');
  }
  if (model.visits.length) {
    out.push('## Visits', '');
    model.visits.forEach((v, i) => out.push(...visitSection(v, i)));
  }
  if (model.context.length) {
    out.push('## Context', '');
    for (const e of model.context) {
      const where = e.place ? `, ${mdText(e.place)}` : '';
      const notes = e.footnotes.map((n) => `[^${n}]`).join('');
      out.push(`- **${mdText(e.date.label)}**${where}: ${mdText(e.title)}${notes}`);
    }
    out.push('');
  }
  if (model.footnotes.length) {
    out.push('## Sources', '');
    for (const f of model.footnotes) out.push(`[^${f.n}]: ${mdText(f.label)}`);
    out.push('');
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
