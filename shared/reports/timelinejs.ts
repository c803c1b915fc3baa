import { escapeHtml } from './html';
import { timestampLabel } from '../model';
import type { ReportDate, ReportModel } from './model';

/**
 * The report in TimelineJS3's JSON format (https://timeline.knightlab.com/docs/json-format.html):
 * a title slide, one event per dated visit grouped by status, and the context events. Dates keep
 * their precision: a day gives year/month/day, a month year/month, a year only the year, a window
 * its first and last day with the words ("within weeks") as display_date. TimelineJS shows `text`
 * as HTML, so every user string is escaped.
 */
export interface TimelineDate {
  year: number;
  month?: number;
  day?: number;
}

export interface TimelineEvent {
  unique_id: string;
  start_date: TimelineDate;
  end_date?: TimelineDate;
  display_date?: string;
  text: { headline: string; text: string };
  group: string;
}

export interface TimelineJs {
  title: { text: { headline: string; text: string } };
  events: TimelineEvent[];
}

function parts(day: string, precision: ReportDate['precision']): TimelineDate {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  if (precision === 'year') return { year: y };
  if (precision === 'month') return { year: y, month: m };
  return { year: y, month: m, day: d };
}

function span(start: ReportDate, end: ReportDate | null): Pick<TimelineEvent, 'start_date' | 'end_date' | 'display_date'> {
  const out: Pick<TimelineEvent, 'start_date' | 'end_date' | 'display_date'> = { start_date: parts(start.from, start.precision) };
  if (end && (end.from !== start.from || end.to !== start.to))
    out.end_date = parts(end.to, end.precision === 'window' ? 'day' : end.precision);
  else if (start.precision === 'window') out.end_date = parts(start.to, 'day');
  if (start.precision === 'window' || end)
    out.display_date = end && (end.from !== start.from || end.to !== start.to) ? `${start.label} – ${end.label}` : start.label;
  return out;
}

export function renderTimelineJs(model: ReportModel): string {
  const foot = new Map(model.footnotes.map((f) => [f.n, f.label]));
  const cite = (ns: readonly (number | null)[]) =>
    [...new Set(ns.filter((n): n is number => n !== null))]
      .map((n) => `<br><small>[${n}] ${escapeHtml(foot.get(n) ?? '')}</small>`)
      .join('');
  const events: TimelineEvent[] = [];
  for (const v of model.visits) {
    if (!v.start) continue;
    const history = v.statusHistory
      .map(
        (c) =>
          `<li>${escapeHtml(c.onLabel)}: ${c.from ? `${escapeHtml(c.from)} → ` : ''}${escapeHtml(c.status)}${c.reason ? ` — ${escapeHtml(c.reason)}` : ''}</li>`,
      )
      .join('');
    events.push({
      unique_id: `visit-${v.id}`,
      ...span(v.start, v.end),
      text: {
        headline: escapeHtml(v.title),
        text: `<p>${escapeHtml(v.kindLabel)} · ${escapeHtml(v.status)}</p>${v.purpose ? `<p>${escapeHtml(v.purpose)}</p>` : ''}<ul>${history}</ul>${cite([...v.sources, ...v.statusHistory.map((c) => c.footnote)])}`,
      },
      group: v.status,
    });
  }
  for (const e of model.context) {
    events.push({
      unique_id: `event-${e.id}`,
      ...span(e.date, null),
      text: { headline: escapeHtml(e.title), text: `${e.description ? `<p>${escapeHtml(e.description)}</p>` : ''}${cite(e.footnotes)}` },
      group: 'context',
    });
  }
  const timeline: TimelineJs = {
    title: {
      text: {
        headline: escapeHtml(model.title),
        text: `<p>${escapeHtml(model.selection)}</p><p>${model.counts.visits} visit${model.counts.visits === 1 ? '' : 's'} · generated ${escapeHtml(timestampLabel(model.generatedAt))}</p>`,
      },
    },
    events,
  };
  return `${JSON.stringify(timeline, null, 2)}\n`;
}
