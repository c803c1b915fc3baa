import { dossierMoreLine, dossierPersonLabel, type DossierModel, type DossierPastSection } from './dossier';
import { REPORT_CSS, escapeHtml as e, htmlDocument } from './html';

/**
 * The dossier as HTML: the annex's escaping and stylesheet (html.ts) with a few rules of its own so
 * that one visit fits one printed page. Self-contained, no scripts; the dossier page shows this very
 * body, and prints it for the PDF.
 */

export const DOSSIER_CSS = `${REPORT_CSS}
.report.dossier h1 { font-size: 1.55rem; margin-bottom: .35rem; }
.report.dossier .kicker { margin: 0 0 .2rem; font-family: "Helvetica Neue", Arial, sans-serif; font-size: .8rem; text-transform: uppercase; letter-spacing: .06em; }
.report.dossier h2 { margin: 1.1rem 0 .45rem; font-size: 1.1rem; }
.report.dossier h3 { margin: .8rem 0 .3rem; font-size: 1rem; }
.report.dossier .cover { padding: .6rem 1rem; margin-bottom: .8rem; }
.report.dossier ul, .report.dossier ol { margin: .25rem 0; padding-left: 1.25rem; }
.report.dossier li { margin-bottom: .15rem; }
.report.dossier p { margin: .3rem 0; }
.report.dossier .note { white-space: pre-wrap; word-break: break-word; margin: .25rem 0 .5rem; padding-left: .75rem; border-left: 3px solid #c9ced6; }
.report.dossier blockquote { margin: .2rem 0 .2rem .75rem; padding-left: .6rem; }
.report.dossier dl { gap: .1rem 1rem; }
@media print { .report.dossier { font-size: 10pt; line-height: 1.4; } .report.dossier h2 { margin-top: .7rem; } }`;

function refs(ns: readonly number[]): string {
  return ns.map((n) => `<sup class="fn"><a href="#fn-${n}" aria-label="Source ${n}">[${n}]</a></sup>`).join('');
}

function pastHtml(s: DossierPastSection, id: string): string {
  const out = [`<section aria-labelledby="dossier-${id}-h"><h3 id="dossier-${id}-h">${e(s.heading)}</h3>`];
  if (s.items.length === 0) out.push(`<p class="empty muted">${e(s.empty)}</p>`);
  else {
    out.push('<ul class="lines">');
    for (const v of s.items) {
      const detail = v.detail ? ` — ${e(v.detail)}` : '';
      out.push(`<li>${e(v.dates)}: <strong>${e(v.title)}</strong> — ${e(v.statusLabel)}${detail}${refs(v.footnotes)}</li>`);
    }
    out.push('</ul>');
  }
  if (s.more) out.push(`<p class="more muted">${e(dossierMoreLine(s.more))}</p>`);
  out.push('</section>');
  return out.join('\n');
}

/** The dossier's body (an <article class="report dossier">), for the file and the dossier page. */
export function renderDossierHtmlBody(m: DossierModel): string {
  const out: string[] = [];
  out.push('<article class="report dossier">');
  out.push(`<header class="cover"><p class="kicker muted">${e(m.title)}</p><h1>${e(m.visitTitle)}</h1><dl>`);
  for (const f of m.facts) out.push(`<dt>${e(f.label)}</dt><dd>${e(f.value)}${refs(f.footnotes)}</dd>`);
  out.push(`<dt>Generated</dt><dd><time datetime="${e(m.generatedAt)}">${e(m.generatedLabel)}</time></dd>`);
  out.push('</dl></header>');

  out.push('<section aria-labelledby="dossier-history-h"><h2 id="dossier-history-h">Status history</h2><ol class="history">');
  for (const h of m.history) {
    const dates = h.dates ? `, for ${e(h.dates)}` : '';
    const reason = h.reason ? ` — ${e(h.reason)}` : '';
    out.push(
      `<li><time datetime="${e(h.on)}">${e(h.onLabel)}</time>: <strong>${e(h.label)}</strong>${dates}${reason}${refs(h.footnotes)}</li>`,
    );
  }
  out.push('</ol></section>');

  out.push('<section aria-labelledby="dossier-meetings-h"><h2 id="dossier-meetings-h">Counterparts and meetings</h2>');
  if (m.counterparts.length === 0) out.push('<p class="empty muted">No hosts or counterparts recorded.</p>');
  else out.push(`<p><strong>Counterparts:</strong> ${e(m.counterparts.map(dossierPersonLabel).join('; '))}</p>`);
  if (m.meetings.length === 0) out.push('<p class="empty muted">No meetings recorded.</p>');
  for (const mt of m.meetings) {
    const when = [mt.date, mt.place].filter((s): s is string => !!s).join(', ');
    out.push(`<h3>${e(when || 'Meeting')}: ${e(mt.participants.join(', '))}</h3>`);
    if (mt.summary) out.push(`<p>${e(mt.summary)}</p>`);
    for (const q of mt.quotes) {
      out.push(
        `<blockquote>${q.speaker ? `<span class="muted">${e(q.speaker)}:</span> ` : ''}“${e(q.text)}”${refs(q.footnotes)}</blockquote>`,
      );
    }
  }
  out.push('</section>');

  out.push('<section aria-labelledby="dossier-earlier-h"><h2 id="dossier-earlier-h">Earlier visits</h2>');
  out.push(pastHtml(m.previous, 'previous'));
  out.push(pastHtml(m.otherWay, 'other-way'));
  out.push('</section>');

  if (m.notes.length) {
    out.push('<section aria-labelledby="dossier-notes-h"><h2 id="dossier-notes-h">Notes</h2>');
    for (const n of m.notes) {
      out.push(`<p class="muted">“${e(n.title)}”, updated ${e(n.updatedLabel)}:</p><div class="note">${e(n.text)}</div>`);
    }
    out.push('</section>');
  }
  if (m.footnotes.length) {
    out.push('<section aria-labelledby="dossier-sources-h"><h2 id="dossier-sources-h">Sources</h2><ol class="sources">');
    for (const f of m.footnotes) out.push(`<li id="fn-${f.n}" value="${f.n}">${e(f.label)}</li>`);
    out.push('</ol></section>');
  }
  out.push('</article>');
  return out.join('\n');
}

export function renderDossierHtml(m: DossierModel): string {
  return htmlDocument(`${m.title}: ${m.visitTitle}`, DOSSIER_CSS, renderDossierHtmlBody(m));
}
