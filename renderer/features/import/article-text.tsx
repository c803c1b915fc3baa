import { useEffect, useMemo, useRef } from 'react';
import { segmentText } from '../../../shared/text/segments';
import type { ReviewRow } from './review-model';

interface RowSpan {
  start: number;
  end: number;
  row: ReviewRow;
}

/**
 * The article as plain text (React escapes it: markup in an article stays inert), with each
 * proposal's evidence sentence marked. The selected proposal's sentence is scrolled to the middle
 * of the box, without moving the window.
 */
export function ArticleText({ text, rows, selectedKey }: { text: string; rows: readonly ReviewRow[]; selectedKey: string | null }) {
  const box = useRef<HTMLDivElement>(null);
  const spans = useMemo<RowSpan[]>(
    () => rows.map((row) => ({ start: row.proposal.evidence.start, end: row.proposal.evidence.end, row })),
    [rows],
  );
  const segments = useMemo(() => segmentText(text, spans), [text, spans]);
  useEffect(() => {
    const el = box.current;
    if (!el || !selectedKey) return;
    const mark = el.querySelector<HTMLElement>(`mark[data-keys~="${selectedKey}"]`);
    if (!mark) return;
    el.scrollTo({ top: Math.max(0, mark.offsetTop - el.clientHeight / 2 + mark.offsetHeight / 2), behavior: 'smooth' });
  }, [selectedKey, segments]);
  return (
    <div ref={box} className="import-article" role="region" aria-label="Article text" tabIndex={0}>
      {segments.map((s) => {
        if (s.spans.length === 0) return <span key={s.start}>{s.text}</span>;
        const keys = s.spans.map((x) => x.row.key);
        const live = s.spans.filter((x) => x.row.decision !== 'rejected');
        const className = [
          'import-mark',
          selectedKey && keys.includes(selectedKey) ? 'import-mark-current' : '',
          live.length === 0 ? 'import-mark-rejected' : '',
        ]
          .filter(Boolean)
          .join(' ');
        const label = s.spans
          .map((x) => `${x.row.proposal.traveller.name} → ${x.row.proposal.country} (${x.row.proposal.status})`)
          .join('; ');
        return (
          <mark key={s.start} className={className} data-keys={keys.join(' ')} title={label}>
            {s.text}
          </mark>
        );
      })}
    </div>
  );
}
