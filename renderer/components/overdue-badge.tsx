import './overdue-badge.css';

/**
 * "Overdue" next to a plan's status: it was planned or postponed and its date has passed
 * (`isOverdue` in shared/model/status.ts decides; this only shows it). The word carries the meaning.
 */
export function OverdueBadge() {
  return (
    <span className="overdue-badge" title="Planned or postponed, and its dates have passed: record what happened or reschedule">
      Overdue
    </span>
  );
}
