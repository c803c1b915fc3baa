import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { STATUS_LABELS, dayLabel } from '../model';
import { changeLabel, statusCountWords, type ReportModel, type ReportVisit } from './model';

/**
 * The report as a Word document (docx library): cover, summary table, a section per visit, and
 * the numbered sources at the end. Citations are the report's own numbers as superscript "[n]"
 * (the same numbers as every other format), pointing to the "Sources" list: Word's own footnotes
 * are numbered by Word per reference, so a source cited five times would become five footnotes.
 *
 * Packed with `Packer.pack(doc, 'uint8array')`, which works both in the renderer (browser) and in
 * Node: toBuffer needs Node's Buffer and toBlob a browser.
 */

const FONT = 'Calibri';

function ref(n: number | null): TextRun[] {
  return n === null ? [] : [new TextRun({ text: `[${n}]`, superScript: true })];
}

function labelled(label: string, value: string | TextRun[]): Paragraph {
  return new Paragraph({
    spacing: { after: 60 },
    children: [new TextRun({ text: `${label}: `, bold: true }), ...(typeof value === 'string' ? [new TextRun(value)] : value)],
  });
}

function cell(text: string, header = false): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })],
    shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'EEF1F5' } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

function summaryTable(model: ReportModel): Table {
  const header = ['#', 'Traveller', 'Destination', 'Dates', 'Status', 'Kind'];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...model.summary.map(
        (r) =>
          new TableRow({
            children: [String(r.n), r.traveller, r.destination, r.dates, STATUS_LABELS[r.status], r.kind].map((t) => cell(t)),
          }),
      ),
    ],
  });
}

function visitSection(v: ReportVisit, i: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`${i + 1}. ${v.title}`)] }));
  out.push(labelled('Traveller', v.traveller));
  out.push(labelled('Destination', v.destination));
  out.push(labelled('Dates', v.dates));
  out.push(labelled('Status', STATUS_LABELS[v.status]));
  if (v.kind !== 'unknown') out.push(labelled('Kind', v.kindLabel));
  if (v.purpose) out.push(labelled('Purpose', v.purpose));
  if (v.hosts.length) out.push(labelled('Hosts', v.hosts.join(', ')));
  if (v.delegation.length) out.push(labelled('Delegation', v.delegation.join(', ')));
  if (v.tags.length) out.push(labelled('Tags', v.tags.join(', ')));
  if (v.sources.length)
    out.push(
      labelled(
        'Sources',
        v.sources.flatMap((n) => ref(n)),
      ),
    );

  out.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun('Status history')] }));
  for (const c of v.statusHistory) {
    out.push(
      new Paragraph({
        bullet: { level: 0 },
        children: [
          new TextRun(`${c.onLabel}: `),
          new TextRun({ text: changeLabel(c), bold: true }),
          new TextRun(`${c.dates ? `, for ${c.dates}` : ''}${c.reason ? ` — ${c.reason}` : ''}`),
          ...ref(c.footnote),
        ],
      }),
    );
  }
  if (v.meetings.length) {
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun('Meetings')] }));
    for (const m of v.meetings) {
      const when = [m.date?.label, m.place].filter((s): s is string => !!s).join(', ');
      out.push(
        new Paragraph({ children: [new TextRun({ text: m.participants.join(', '), bold: true }), new TextRun(when ? ` — ${when}` : '')] }),
      );
      if (m.summary) out.push(new Paragraph({ children: [new TextRun(m.summary)] }));
      for (const q of m.quotes) {
        out.push(
          new Paragraph({
            indent: { left: 567 },
            border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'C9CED6', space: 8 } },
            children: [
              new TextRun({ text: q.speaker ? `${q.speaker}: ` : '', italics: true }),
              new TextRun(`“${q.text}”`),
              ...ref(q.footnote),
            ],
          }),
        );
      }
    }
  }
  if (v.evidence.length) {
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun('Evidence')] }));
    for (const e of v.evidence) {
      out.push(
        new Paragraph({
          bullet: { level: 0 },
          children: [new TextRun({ text: `${e.field}: `, italics: true }), new TextRun(`“${e.quote}”`), ...ref(e.footnote)],
        }),
      );
    }
  }
  if (v.notes.length) {
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun('Notes')] }));
    for (const n of v.notes) {
      out.push(
        new Paragraph({
          children: [new TextRun({ text: `Note “${n.title}”, updated ${dayLabel(n.updatedAt.slice(0, 10))}:`, italics: true })],
        }),
      );
      // One paragraph per line keeps the note's layout; Markdown is shown as written, in a monospace font.
      for (const line of n.markdown.replace(/\r\n?/g, '\n').split('\n')) {
        out.push(new Paragraph({ children: [new TextRun({ text: line, font: 'Consolas', size: 20 })] }));
      }
    }
  }
  return out;
}

export function buildDocxDocument(model: ReportModel): Document {
  const c = model.counts;
  const statuses = statusCountWords(c.byStatus);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(model.title)] }),
    labelled('Selection', model.selection),
    labelled('Generated', model.generatedLabel),
    labelled('Visits', `${c.visits}${statuses ? ` (${statuses})` : ''}`),
    labelled('Meetings', String(c.meetings)),
    labelled('Quotes', String(c.quotes)),
    labelled('Notes', String(c.notes)),
    labelled('Sources', String(c.sources)),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Summary')] }),
  ];
  if (model.summary.length === 0) children.push(new Paragraph({ children: [new TextRun('No visits match this selection.')] }));
  else children.push(summaryTable(model));
  if (model.visits.length) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun('Visits')] }));
    model.visits.forEach((v, i) => children.push(...visitSection(v, i)));
  }
  if (model.context.length) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Context')] }));
    for (const e of model.context) {
      children.push(
        new Paragraph({
          bullet: { level: 0 },
          children: [
            new TextRun({ text: e.date.label, bold: true }),
            new TextRun(`${e.place ? `, ${e.place}` : ''}: ${e.title}`),
            ...e.footnotes.flatMap((n) => ref(n)),
          ],
        }),
      );
    }
  }
  if (model.footnotes.length) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Sources')] }));
    for (const f of model.footnotes) {
      children.push(
        new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun({ text: `[${f.n}] `, bold: true }), new TextRun(f.label)] }),
      );
    }
  }
  return new Document({
    creator: 'Legation',
    title: model.title,
    description: model.selection,
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: [{ children }],
  });
}

export async function renderDocx(model: ReportModel): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = await Packer.pack(buildDocxDocument(model), 'uint8array');
  // A copy on a plain ArrayBuffer: what Blob and the save-file bridge accept.
  return new Uint8Array(bytes);
}
