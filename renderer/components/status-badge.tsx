import type { VisitStatus } from '../../shared/model';

/** The status as a word with a colour; the word carries the meaning, the colour only helps. */
export function StatusBadge({ status }: { status: VisitStatus }) {
  return <span className={`status status-${status}`}>{status}</span>;
}
