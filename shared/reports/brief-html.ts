import { briefSections, moreLine, type BriefChange, type BriefLine, type BriefModel } from './brief';
import { REPORT_CSS, escapeHtml as e, htmlDocument } from './html';

/**
 * The brief as HTML: the annex's escaping and stylesheet (html.ts) with a few rules of its own for
 * one-line entries. Self-contained, no scripts; the print page shows this very body for the PDF.
 */

export const BRIEF_CSS = `${REPORT_CSS}
.report.brief h1 { font-size: 1.6rem; }
.report.brief h2 { margin: 1.25rem 0 .5rem; font-size: 1.15rem; }
.report.brief .cover { padding: .6rem 1rem; margin-bottom: 1rem; }
.report.brief ul.summary { margin: .25rem 0 .5rem; padding-left: 1.25rem; }
.report.brief ul.lines { margin: .25rem 0; padding-left: 1.25rem; }
.report.brief ul.lines li { margin-bottom: .2rem; }
.report.brief .when { white-space: nowrap; }
.report.brief p.empty, .report.brief p.more { margin: .25rem 0; }
@media print { .report.brief { font-size: 10.5pt; } .report.brief h2 { margin-top: .9rem; } }`;

function refs(ns: readonly number[]): string {
  return ns.map((n) => `<sup class="fn"><a href="#fn-${n}" aria-label="Source ${n}">[${n}]</a></sup>`).join('');
}

function lineHtml(l: BriefLine): string {
  return `<li><strong>${e(l.title)}</strong> — ${e(l.dates)} — ${e(l.detail)}${refs(l.footnotes)}</li>`;
}

function changeHtml(c: BriefChange): string {
  const dates = c.dates ? `, for ${e(c.dates)}` : '';
  const reason = c.reason ? ` — ${e(c.reason)}` : '';
  return `<li><time class="when" datetime="${e(c.on)}">${e(c.onLabel)}</time>: <strong>${e(c.label)}</strong> — ${e(c.title)}${dates}${reason}${refs(c.footnotes)}</li>`;
}

/** The brief's body (an <article class="report brief">), for the file and the print page. */
export function renderBriefHtmlBody(m: BriefModel): string {
  const out: string[] = [];
  out.push('<article class="report brief">');
  out.push(`<header class="cover"><h1>${e(m.title)}</h1><dl>`);
  out.push(`<dt>Selection</dt><dd>${e(m.selection)}</dd>`);
  out.push(`<dt>As of</dt><dd><time datetime="${e(m.asOf)}">${e(m.asOfLabel)}</time></dd>`);
  out.push(`<dt>Changes since</dt><dd><time datetime="${e(m.since)}">${e(m.sinceLabel)}</time></dd>`);
  out.push(`<dt>Generated</dt><dd><time datetime="${e(m.generatedAt)}">${e(m.generatedLabel)}</time></dd>`);
  out.push('</dl></header>');
  out.push('<section aria-labelledby="brief-summary-h"><h2 id="brief-summary-h">Summary</h2><ul class="summary">');
  for (const s of m.summary) out.push(`<li>${e(s)}</li>`);
  out.push('</ul></section>');
  out.push(`<section aria-labelledby="brief-changes-h"><h2 id="brief-changes-h">Changes since ${e(m.sinceLabel)}</h2>`);
  if (m.changes.items.length === 0) out.push('<p class="empty muted">No status changes recorded.</p>');
  else out.push(`<ul class="lines">${m.changes.items.map(changeHtml).join('\n')}</ul>`);
  if (m.changes.more) out.push(`<p class="more muted">${e(moreLine(m.changes.more))}</p>`);
  out.push('</section>');
  for (const s of briefSections(m)) {
    out.push(`<section aria-labelledby="brief-${s.id}-h"><h2 id="brief-${s.id}-h">${e(s.heading)}</h2>`);
    if (s.section.items.length === 0) out.push(`<p class="empty muted">${e(s.empty)}</p>`);
    else out.push(`<ul class="lines">${s.section.items.map(lineHtml).join('\n')}</ul>`);
    if (s.section.more) out.push(`<p class="more muted">${e(moreLine(s.section.more))}</p>`);
    out.push('</section>');
  }
  if (m.footnotes.length) {
    out.push('<section aria-labelledby="brief-sources-h"><h2 id="brief-sources-h">Sources</h2><ol class="sources">');
    for (const f of m.footnotes) out.push(`<li id="fn-${f.n}" value="${f.n}">${e(f.label)}</li>`);
    out.push('</ol></section>');
  }
  out.push('<p class="muted">Evidence quotes, meetings and notes are in the annex (the full report).</p>');
  out.push('</article>');
  return out.join('\n');
}

export function renderBriefHtml(m: BriefModel): string {
  return htmlDocument(m.title, BRIEF_CSS, renderBriefHtmlBody(m));
}
