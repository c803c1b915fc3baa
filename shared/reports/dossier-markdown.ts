import { dossierMoreLine, dossierPersonLabel, type DossierModel, type DossierPastSection } from './dossier';
import { mdText } from './markdown';

/**
 * The dossier as CommonMark/GFM: every user string through mdText (the annex's escaping), sources
 * as GFM footnotes, notes as their source text in a fence (a note's "# heading" stays inside it).
 */

const notes = (ns: readonly number[]): string => ns.map((n) => `[^${n}]`).join('');

function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(longest + 1);
  return `${f}markdown\n${text.replace(/\r\n?/g, '\n').replace(/\n+$/, '')}\n${f}`;
}

function pastMd(s: DossierPastSection): string[] {
  const out = [`### ${mdText(s.heading)}`, ''];
  if (s.items.length === 0) out.push(mdText(s.empty));
  for (const v of s.items) {
    const detail = v.detail ? ` — ${mdText(v.detail)}` : '';
    out.push(`- ${mdText(v.dates)}: **${mdText(v.title)}** — ${mdText(v.statusLabel)}${detail}${notes(v.footnotes)}`);
  }
  if (s.more) out.push('', dossierMoreLine(s.more));
  out.push('');
  return out;
}

export function renderDossierMarkdown(m: DossierModel): string {
  const out: string[] = [];
  out.push(`# ${mdText(m.visitTitle)}`, '', `_${mdText(m.title)}_`, '');
  for (const f of m.facts) out.push(`- **${mdText(f.label)}:** ${mdText(f.value)}${notes(f.footnotes)}`);
  out.push(`- **Generated:** ${mdText(m.generatedLabel)}`, '');
  out.push('## Status history', '');
  for (const h of m.history) {
    const dates = h.dates ? `, for ${mdText(h.dates)}` : '';
    const reason = h.reason ? ` — ${mdText(h.reason)}` : '';
    out.push(`- ${mdText(h.onLabel)}: **${mdText(h.label)}**${dates}${reason}${notes(h.footnotes)}`);
  }
  out.push('', '## Counterparts and meetings', '');
  out.push(
    m.counterparts.length === 0
      ? 'No hosts or counterparts recorded.'
      : `**Counterparts:** ${mdText(m.counterparts.map(dossierPersonLabel).join('; '))}`,
    '',
  );
  if (m.meetings.length === 0) out.push('No meetings recorded.', '');
  for (const mt of m.meetings) {
    const when = [mt.date, mt.place].filter((s): s is string => !!s).join(', ');
    out.push(`### ${mdText(when || 'Meeting')}: ${mdText(mt.participants.join(', '))}`, '');
    if (mt.summary) out.push(mdText(mt.summary), '');
    for (const q of mt.quotes) out.push(`> ${q.speaker ? `${mdText(q.speaker)}: ` : ''}“${mdText(q.text)}”${notes(q.footnotes)}`, '');
  }
  out.push('## Earlier visits', '', ...pastMd(m.previous), ...pastMd(m.otherWay));
  if (m.notes.length) {
    out.push('## Notes', '');
    for (const n of m.notes) out.push(`“${mdText(n.title)}”, updated ${mdText(n.updatedLabel)}:`, '', fence(n.text), '');
  }
  if (m.footnotes.length) {
    out.push('## Sources', '');
    for (const f of m.footnotes) out.push(`[^${f.n}]: ${mdText(f.label)}`);
    out.push('');
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
