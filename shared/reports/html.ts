import { STATUS_LABELS, dayLabel } from '../model';
import { changeLabel, statusCountWords, type ReportModel, type ReportVisit } from './model';

/**
 * The report as ONE self-contained HTML file: inline CSS (with print styles), no scripts, no
 * external resources (no fonts, images or links that load anything), and every user string escaped.
 *
 * Notes are Markdown, but they are shown as escaped preformatted source text, not rendered HTML.
 * Rendering Markdown to HTML safely needs a sanitiser, and the sanitisers worth trusting
 * (DOMPurify) need a DOM, which this pure module (also run by the command line) does not have; an
 * allow-list applied to marked's output by regular expressions is exactly the kind of filter XSS
 * payloads get through (attributes, URL schemes, entity tricks). Escaped text cannot run and still
 * reads well: Markdown was made to be readable as it is.
 *
 * The same body and CSS are shown by the app's print page (/reports/print), so the PDF and the
 * HTML file are the same document.
 */

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const e = escapeHtml;

/** A footnote reference: superscript number linking to the numbered source list. */
function ref(n: number | null): string {
  return n === null ? '' : `<sup class="fn"><a href="#fn-${n}" aria-label="Source ${n}">[${n}]</a></sup>`;
}

export const REPORT_CSS = `
.report { font: 15px/1.5 Georgia, "Times New Roman", serif; color: #1b1f24; background: #fff; max-width: 52rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
.report h1, .report h2, .report h3, .report h4 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.25; }
.report h1 { font-size: 1.9rem; margin: 0 0 .75rem; }
.report h2 { font-size: 1.35rem; margin: 2rem 0 .75rem; border-bottom: 1px solid #c9ced6; padding-bottom: .25rem; }
.report h3 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; }
.report h4 { font-size: .95rem; margin: 1rem 0 .35rem; text-transform: uppercase; letter-spacing: .04em; color: #4a5260; }
.report .cover { border: 1px solid #c9ced6; border-radius: 6px; padding: 1rem 1.25rem; margin-bottom: 1.5rem; }
.report dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .5rem 0; }
.report dt { font-weight: bold; }
.report dd { margin: 0; }
.report table { border-collapse: collapse; width: 100%; font-size: .9rem; }
.report th, .report td { border: 1px solid #c9ced6; padding: .3rem .5rem; text-align: left; vertical-align: top; }
.report th { background: #eef1f5; }
.report .status { font-family: "Helvetica Neue", Arial, sans-serif; font-size: .8rem; font-weight: bold; text-transform: uppercase; letter-spacing: .04em; }
.report .status-planned { color: #1f5fad; } .report .status-postponed { color: #9a5b00; } .report .status-underway { color: #6b3fa0; }
.report .status-completed { color: #1e7a3c; } .report .status-cancelled { color: #b3261e; }
.report blockquote { margin: .4rem 0 .4rem 1rem; padding-left: .75rem; border-left: 3px solid #c9ced6; }
.report pre.note { white-space: pre-wrap; word-break: break-word; background: #f5f6f8; border: 1px solid #dde1e6; padding: .6rem .8rem; font: 13px/1.45 ui-monospace, Menlo, Consolas, monospace; }
.report .visit { break-inside: auto; }
.report .visit + .visit { border-top: 1px dashed #c9ced6; }
.report sup.fn a { text-decoration: none; color: inherit; }
.report .muted { color: #5b6470; }
.report ol.sources li { margin-bottom: .25rem; word-break: break-word; }
@media screen and (prefers-color-scheme: dark) {
  .report { color: #e6e9ee; background: #15181d; }
  .report th { background: #232830; }
  .report th, .report td, .report .cover, .report blockquote { border-color: #3a414c; }
  .report pre.note { background: #1d2127; border-color: #3a414c; }
  .report h4, .report .muted { color: #a8b0bc; }
  .report .status-planned { color: #7fb0f0; } .report .status-postponed { color: #f0b45c; } .report .status-underway { color: #c3a0f0; }
  .report .status-completed { color: #6fd08f; } .report .status-cancelled { color: #f28b82; }
}
@media print {
  @page { margin: 14mm 14mm; }
  .report { max-width: none; padding: 0; font-size: 9.5pt; line-height: 1.35; color: #000; background: #fff; }
  .report h1 { font-size: 1.6rem; }
  .report h2 { break-after: avoid; margin: .9rem 0 .4rem; }
  .report caption { font-size: .85em; } .report h3, .report h4 { break-after: avoid; }
  .report h3 { margin: .8rem 0 .3rem; } .report h4 { margin: .5rem 0 .15rem; }
  .report .cover { padding: .5rem .9rem; margin-bottom: 1rem; }
  /* Two facts a row: on paper the short values leave most of a line empty. */
  .report .cover dl, .report .visit dl { grid-template-columns: max-content 1fr max-content 1fr; }
  .report ul, .report ol { margin: .2rem 0; } .report li { margin-bottom: .1rem; }
  .report .visit + .visit { padding-top: .2rem; }
  .report blockquote { margin: .2rem 0 .2rem .75rem; }
  .report p { margin: .3rem 0; }
  .report tr, .report blockquote, .report li { break-inside: avoid; }
  .report a { color: #000; }
}
`.trim();

function visitSection(v: ReportVisit, i: number): string {
  const rows: [string, string][] = [
    ['Traveller', e(v.traveller)],
    ['Destination', e(v.destination)],
    ['Dates', e(v.dates)],
    ['Status', `<span class="status status-${v.status}">${e(STATUS_LABELS[v.status])}</span>`],
  ];
  if (v.kind !== 'unknown') rows.push(['Kind', e(v.kindLabel)]);
  if (v.purpose) rows.push(['Purpose', e(v.purpose)]);
  if (v.hosts.length) rows.push(['Hosts', e(v.hosts.join(', '))]);
  if (v.delegation.length) rows.push(['Delegation', e(v.delegation.join(', '))]);
  if (v.tags.length) rows.push(['Tags', e(v.tags.join(', '))]);
  if (v.sources.length) rows.push(['Sources', v.sources.map((n) => ref(n)).join(' ')]);
  const parts: string[] = [];
  parts.push(`<section class="visit" id="visit-${e(v.id)}" aria-labelledby="visit-${e(v.id)}-h">`);
  parts.push(`<h3 id="visit-${e(v.id)}-h">${i + 1}. ${e(v.title)}</h3>`);
  parts.push(`<dl>${rows.map(([k, val]) => `<dt>${k}</dt><dd>${val}</dd>`).join('')}</dl>`);
  parts.push('<h4>Status history</h4><ol class="history">');
  for (const c of v.statusHistory) {
    const change = `<strong>${e(changeLabel(c))}</strong>`;
    const dates = c.dates ? `, for ${e(c.dates)}` : '';
    const reason = c.reason ? ` — ${e(c.reason)}` : '';
    parts.push(`<li><time datetime="${e(c.on)}">${e(c.onLabel)}</time>: ${change}${dates}${reason}${ref(c.footnote)}</li>`);
  }
  parts.push('</ol>');
  if (v.meetings.length) {
    parts.push('<h4>Meetings</h4>');
    for (const m of v.meetings) {
      const when = [m.date?.label, m.place]
        .filter((s): s is string => !!s)
        .map(e)
        .join(', ');
      parts.push(`<div class="meeting"><p><strong>${e(m.participants.join(', '))}</strong>${when ? ` — ${when}` : ''}</p>`);
      if (m.summary) parts.push(`<p>${e(m.summary)}</p>`);
      for (const q of m.quotes) {
        parts.push(
          `<blockquote>${q.speaker ? `<span class="muted">${e(q.speaker)}:</span> ` : ''}“${e(q.text)}”${ref(q.footnote)}</blockquote>`,
        );
      }
      parts.push('</div>');
    }
  }
  if (v.evidence.length) {
    parts.push('<h4>Evidence</h4><ul class="evidence">');
    for (const ev of v.evidence) parts.push(`<li><em>${e(ev.field)}:</em> “${e(ev.quote)}”${ref(ev.footnote)}</li>`);
    parts.push('</ul>');
  }
  if (v.notes.length) {
    parts.push('<h4>Notes</h4>');
    for (const n of v.notes) {
      parts.push(
        `<p class="muted">Note “${e(n.title)}”, updated ${e(dayLabel(n.updatedAt.slice(0, 10)))}:</p><pre class="note">${e(n.markdown)}</pre>`,
      );
    }
  }
  parts.push('</section>');
  return parts.join('\n');
}

/** The report's body (an <article class="report">) and its CSS, for the file and the print page. */
export function renderHtmlBody(model: ReportModel): string {
  const c = model.counts;
  const out: string[] = [];
  out.push('<article class="report">');
  out.push(`<header class="cover"><h1>${e(model.title)}</h1><dl>`);
  out.push(`<dt>Selection</dt><dd>${e(model.selection)}</dd>`);
  out.push(`<dt>Generated</dt><dd><time datetime="${e(model.generatedAt)}">${e(model.generatedLabel)}</time></dd>`);
  const statuses = statusCountWords(c.byStatus);
  out.push(`<dt>Visits</dt><dd>${c.visits}${statuses ? ` (${e(statuses)})` : ''}</dd>`);
  out.push(
    `<dt>Meetings</dt><dd>${c.meetings}</dd><dt>Quotes</dt><dd>${c.quotes}</dd><dt>Notes</dt><dd>${c.notes}</dd><dt>Sources</dt><dd>${c.sources}</dd>`,
  );
  out.push('</dl></header>');
  out.push('<section aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>');
  if (model.summary.length === 0) out.push('<p>No visits match this selection.</p>');
  else {
    out.push(
      '<table><caption class="muted">One row per visit, by start date</caption><thead><tr><th scope="col">#</th><th scope="col">Traveller</th><th scope="col">Destination</th><th scope="col">Dates</th><th scope="col">Status</th><th scope="col">Kind</th></tr></thead><tbody>',
    );
    for (const r of model.summary) {
      out.push(
        `<tr><td>${r.n}</td><td>${e(r.traveller)}</td><td><a href="#visit-${e(r.visitId)}">${e(r.destination)}</a></td><td>${e(r.dates)}</td><td><span class="status status-${r.status}">${e(STATUS_LABELS[r.status])}</span></td><td>${e(r.kind)}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }
  out.push('</section>');
  if (model.visits.length) {
    out.push('<section aria-labelledby="visits-h"><h2 id="visits-h">Visits</h2>');
    model.visits.forEach((v, i) => out.push(visitSection(v, i)));
    out.push('</section>');
  }
  if (model.context.length) {
    out.push('<section aria-labelledby="context-h"><h2 id="context-h">Context</h2><ul>');
    for (const ev of model.context) {
      out.push(
        `<li><strong>${e(ev.date.label)}</strong>${ev.place ? `, ${e(ev.place)}` : ''}: ${e(ev.title)}${ev.footnotes.map((n) => ref(n)).join('')}</li>`,
      );
    }
    out.push('</ul></section>');
  }
  if (model.footnotes.length) {
    out.push('<section aria-labelledby="sources-h"><h2 id="sources-h">Sources</h2><ol class="sources">');
    for (const f of model.footnotes) out.push(`<li id="fn-${f.n}" value="${f.n}">${e(f.label)}</li>`);
    out.push('</ol></section>');
  }
  out.push('</article>');
  return out.join('\n');
}

/** A whole, self-contained HTML document around a report's body: nothing in it may run or load. */
export function htmlDocument(title: string, css: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // Even if a browser ignored our escaping somewhere, nothing may run or load.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="generator" content="Legation">',
    `<title>${e(title)}</title>`,
    `<style>\n${css}\nbody { margin: 0; }\n@media screen and (prefers-color-scheme: dark) { body { background: #15181d; } }\n</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export function renderHtml(model: ReportModel): string {
  return htmlDocument(model.title, REPORT_CSS, renderHtmlBody(model));
}
