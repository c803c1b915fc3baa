import { briefSections, moreLine, type BriefChange, type BriefLine, type BriefModel } from './brief';
import { mdText } from './markdown';

/**
 * The brief as CommonMark/GFM: every user string through mdText (the annex's escaping), endnotes
 * as GFM footnotes, one list item per visit.
 */

const notes = (ns: readonly number[]): string => ns.map((n) => `[^${n}]`).join('');

function briefLineMd(l: BriefLine): string {
  return `- **${mdText(l.title)}** — ${mdText(l.dates)} — ${mdText(l.detail)}${notes(l.footnotes)}`;
}

function briefChangeMd(c: BriefChange): string {
  const reason = c.reason ? ` — ${mdText(c.reason)}` : '';
  const dates = c.dates ? `, for ${mdText(c.dates)}` : '';
  return `- ${mdText(c.onLabel)}: **${mdText(c.label)}** — ${mdText(c.title)}${dates}${reason}${notes(c.footnotes)}`;
}

export function renderBriefMarkdown(m: BriefModel): string {
  const out: string[] = [];
  out.push(`# ${mdText(m.title)}`, '');
  out.push(`- **Selection:** ${mdText(m.selection)}`);
  out.push(`- **As of:** ${mdText(m.asOfLabel)} · **Changes since:** ${mdText(m.sinceLabel)}`);
  out.push(`- **Generated:** ${mdText(m.generatedLabel)}`, '');
  out.push('## Summary', '');
  for (const s of m.summary) out.push(`- ${mdText(s)}`);
  out.push('', `## Changes since ${mdText(m.sinceLabel)}`, '');
  if (m.changes.items.length === 0) out.push('No status changes recorded.');
  for (const c of m.changes.items) out.push(briefChangeMd(c));
  if (m.changes.more) out.push('', moreLine(m.changes.more));
  out.push('');
  for (const s of briefSections(m)) {
    out.push(`## ${s.heading}`, '');
    if (s.section.items.length === 0) out.push(mdText(s.empty));
    for (const l of s.section.items) out.push(briefLineMd(l));
    if (s.section.more) out.push('', moreLine(s.section.more));
    out.push('');
  }
  if (m.footnotes.length) {
    out.push('## Sources', '');
    for (const f of m.footnotes) out.push(`[^${f.n}]: ${mdText(f.label)}`);
    out.push('');
  }
  out.push('_Evidence quotes, meetings and notes are in the annex (the full report)._', '');
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
