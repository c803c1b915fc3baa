import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { briefSections, moreLine, type BriefChange, type BriefLine, type BriefModel } from './brief';

/**
 * The brief as a Word document: the annex's conventions (docx.ts): the report's own endnote
 * numbers as superscript "[n]" pointing to the Sources list, packed as a Uint8Array for both the
 * renderer and Node.
 */

const FONT = 'Calibri';

function refs(ns: readonly number[]): TextRun[] {
  return ns.map((n) => new TextRun({ text: `[${n}]`, superScript: true }));
}

function labelled(label: string, value: string): Paragraph {
  return new Paragraph({ spacing: { after: 40 }, children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });
}

const heading = (text: string) =>
  new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 240, after: 80 }, children: [new TextRun(text)] });
const muted = (text: string) => new Paragraph({ children: [new TextRun({ text, italics: true, color: '5B6470' })] });

function lineParagraph(l: BriefLine): Paragraph {
  return new Paragraph({
    bullet: { level: 0 },
    spacing: { after: 40 },
    children: [new TextRun({ text: l.title, bold: true }), new TextRun(` — ${l.dates} — ${l.detail}`), ...refs(l.footnotes)],
  });
}

function changeParagraph(c: BriefChange): Paragraph {
  return new Paragraph({
    bullet: { level: 0 },
    spacing: { after: 40 },
    children: [
      new TextRun(`${c.onLabel}: `),
      new TextRun({ text: c.label, bold: true }),
      new TextRun(` — ${c.title}${c.dates ? `, for ${c.dates}` : ''}${c.reason ? ` — ${c.reason}` : ''}`),
      ...refs(c.footnotes),
    ],
  });
}

export function buildBriefDocxDocument(m: BriefModel): Document {
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(m.title)] }),
    labelled('Selection', m.selection),
    labelled('As of', m.asOfLabel),
    labelled('Changes since', m.sinceLabel),
    labelled('Generated', m.generatedLabel),
    heading('Summary'),
    ...m.summary.map((s) => new Paragraph({ bullet: { level: 0 }, spacing: { after: 40 }, children: [new TextRun(s)] })),
    heading(`Changes since ${m.sinceLabel}`),
  ];
  if (m.changes.items.length === 0) children.push(muted('No status changes recorded.'));
  children.push(...m.changes.items.map(changeParagraph));
  if (m.changes.more) children.push(muted(moreLine(m.changes.more)));
  for (const s of briefSections(m)) {
    children.push(heading(s.heading));
    if (s.section.items.length === 0) children.push(muted(s.empty));
    children.push(...s.section.items.map(lineParagraph));
    if (s.section.more) children.push(muted(moreLine(s.section.more)));
  }
  if (m.footnotes.length) {
    children.push(heading('Sources'));
    for (const f of m.footnotes) {
      children.push(
        new Paragraph({ spacing: { after: 40 }, children: [new TextRun({ text: `[${f.n}] `, bold: true }), new TextRun(f.label)] }),
      );
    }
  }
  children.push(muted('Evidence quotes, meetings and notes are in the annex (the full report).'));
  return new Document({
    creator: 'Legation',
    title: m.title,
    description: m.selection,
    styles: { default: { document: { run: { font: FONT, size: 21 } } } },
    sections: [{ properties: { page: { margin: { top: 1000, bottom: 1000, left: 1100, right: 1100 } } }, children }],
  });
}

export async function renderBriefDocx(m: BriefModel): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = await Packer.pack(buildBriefDocxDocument(m), 'uint8array');
  return new Uint8Array(bytes);
}
