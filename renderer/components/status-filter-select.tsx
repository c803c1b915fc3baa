import type { SelectHTMLAttributes } from 'react';
import { VISIT_STATUSES, type VisitStatus } from '../../shared/model';

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
  value: VisitStatus | undefined;
  onChange: (status: VisitStatus | undefined) => void;
};

/**
 * The status filter used wherever visits are chosen (Visits list, Reports): "Any status" or one
 * status. Other props (id, aria-*) pass through, so it works inside `Field`.
 */
export function StatusFilterSelect({ value, onChange, ...rest }: Props) {
  return (
    <select {...rest} value={value ?? ''} onChange={(e) => onChange((e.target.value || undefined) as VisitStatus | undefined)}>
      <option value="">Any status</option>
      {VISIT_STATUSES.map((s) => (
        <option key={s} value={s}>
          {s}
        </option>
      ))}
    </select>
  );
}
