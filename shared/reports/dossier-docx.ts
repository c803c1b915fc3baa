import { BorderStyle, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { dossierMoreLine, dossierPersonLabel, type DossierModel, type DossierPastSection } from './dossier';

/**
 * The dossier as a Word document, on the brief's conventions (brief-docx.ts): the report's own
 * endnote numbers as superscript "[n]" pointing to the Sources list; margins and spacing kept small
 * so that one visit fits one page.
 */

const FONT = 'Calibri';

function refs(ns: readonly number[]): TextRun[] {
  return ns.map((n) => new TextRun({ text: `[${n}]`, superScript: true }));
}

const heading = (text: string, level: 1 | 2 = 1) =>
  new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    spacing: { before: level === 1 ? 200 : 120, after: 60 },
    children: [new TextRun(text)],
  });
const muted = (text: string) =>
  new Paragraph({ spacing: { after: 40 }, children: [new TextRun({ text, italics: true, color: '5B6470' })] });
const bullet = (children: TextRun[]) => new Paragraph({ bullet: { level: 0 }, spacing: { after: 30 }, children });

function past(s: DossierPastSection): Paragraph[] {
  const out = [heading(s.heading, 2)];
  if (s.items.length === 0) out.push(muted(s.empty));
  for (const v of s.items) {
    out.push(
      bullet([
        new TextRun(`${v.dates}: `),
        new TextRun({ text: v.title, bold: true }),
        new TextRun(` — ${v.statusLabel}${v.detail ? ` — ${v.detail}` : ''}`),
        ...refs(v.footnotes),
      ]),
    );
  }
  if (s.more) out.push(muted(dossierMoreLine(s.more)));
  return out;
}

export function buildDossierDocxDocument(m: DossierModel): Document {
  const children: Paragraph[] = [
    new Paragraph({ children: [new TextRun({ text: m.title.toUpperCase(), color: '5B6470', size: 18 })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { after: 120 }, children: [new TextRun(m.visitTitle)] }),
    ...m.facts.map(
      (f) =>
        new Paragraph({
          spacing: { after: 30 },
          children: [new TextRun({ text: `${f.label}: `, bold: true }), new TextRun(f.value), ...refs(f.footnotes)],
        }),
    ),
    new Paragraph({ spacing: { after: 30 }, children: [new TextRun({ text: 'Generated: ', bold: true }), new TextRun(m.generatedLabel)] }),
    heading('Status history'),
    ...m.history.map((h) =>
      bullet([
        new TextRun(`${h.onLabel}: `),
        new TextRun({ text: h.label, bold: true }),
        new TextRun(`${h.dates ? `, for ${h.dates}` : ''}${h.reason ? ` — ${h.reason}` : ''}`),
        ...refs(h.footnotes),
      ]),
    ),
    heading('Counterparts and meetings'),
  ];
  if (m.counterparts.length === 0) children.push(muted('No hosts or counterparts recorded.'));
  else
    children.push(
      new Paragraph({
        spacing: { after: 60 },
        children: [new TextRun({ text: 'Counterparts: ', bold: true }), new TextRun(m.counterparts.map(dossierPersonLabel).join('; '))],
      }),
    );
  if (m.meetings.length === 0) children.push(muted('No meetings recorded.'));
  for (const mt of m.meetings) {
    const when = [mt.date, mt.place].filter((s): s is string => !!s).join(', ');
    children.push(heading(`${when || 'Meeting'}: ${mt.participants.join(', ')}`, 2));
    if (mt.summary) children.push(new Paragraph({ spacing: { after: 40 }, children: [new TextRun(mt.summary)] }));
    for (const q of mt.quotes) {
      children.push(
        new Paragraph({
          indent: { left: 567 },
          spacing: { after: 40 },
          border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'C9CED6', space: 8 } },
          children: [
            new TextRun({ text: q.speaker ? `${q.speaker}: ` : '', italics: true }),
            new TextRun(`“${q.text}”`),
            ...refs(q.footnotes),
          ],
        }),
      );
    }
  }
  children.push(heading('Earlier visits'), ...past(m.previous), ...past(m.otherWay));
  if (m.notes.length) {
    children.push(heading('Notes'));
    for (const n of m.notes) {
      children.push(muted(`“${n.title}”, updated ${n.updatedLabel}:`));
      // One paragraph per line keeps the note's layout; Markdown is shown as written.
      for (const line of n.text.replace(/\r\n?/g, '\n').split('\n')) {
        children.push(new Paragraph({ indent: { left: 283 }, children: [new TextRun(line)] }));
      }
    }
  }
  if (m.footnotes.length) {
    children.push(heading('Sources'));
    for (const f of m.footnotes) {
      children.push(
        new Paragraph({
          spacing: { after: 30 },
          children: [new TextRun({ text: `[${f.n}] `, bold: true }), new TextRun({ text: f.label, size: 18 })],
        }),
      );
    }
  }
  return new Document({
    creator: 'Legation',
    title: `${m.title}: ${m.visitTitle}`,
    description: m.visitTitle,
    styles: { default: { document: { run: { font: FONT, size: 20 } } } },
    sections: [{ properties: { page: { margin: { top: 900, bottom: 900, left: 1000, right: 1000 } } }, children }],
  });
}

export async function renderDossierDocx(m: DossierModel): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = await Packer.pack(buildDossierDocxDocument(m), 'uint8array');
  return new Uint8Array(bytes);
}
