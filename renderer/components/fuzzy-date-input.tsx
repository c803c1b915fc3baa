import type { ComponentPropsWithoutRef } from 'react';
import { formatFuzzyDate, parseFuzzyDate, type Precision } from '../../shared/model';

type InputProps = Omit<ComponentPropsWithoutRef<'input'>, 'value' | 'onChange' | 'type'>;

/**
 * A text field for a date as precisely as it is known: "2020-07-21", "2020-07", "2020" or a range
 * "2020-07-22..2020-08-31". It keeps the text exactly as typed; the form parses it with
 * parseFuzzyDate on save. Use inside <Field> (which supplies id and aria attributes) with
 * `fuzzyDateHint(value)` as the hint so the user sees how the text is read.
 */
export function FuzzyDateInput({ value, onChange, ...rest }: InputProps & { value: string; onChange: (text: string) => void }) {
  return (
    <input
      placeholder="e.g. 2020-07-21"
      autoComplete="off"
      spellCheck={false}
      {...rest}
      type="text"
      className={`fuzzy-date-input${rest.className ? ` ${rest.className}` : ''}`}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

const PRECISION_WORDS: Record<Precision, string> = {
  day: 'exact day',
  month: 'month only',
  year: 'year only',
  window: 'some time in this window',
};

export const FUZZY_DATE_FORMATS = 'YYYY-MM-DD, YYYY-MM, YYYY or a range YYYY-MM-DD..YYYY-MM-DD';

/** What a date field says under itself: how the text is read, or which forms it accepts. */
export function fuzzyDateHint(text: string, emptyMeaning = 'Leave empty if not known.'): string {
  if (text.trim() === '') return `${emptyMeaning} ${FUZZY_DATE_FORMATS}.`;
  const r = parseFuzzyDate(text);
  return r.ok ? `Read as: ${formatFuzzyDate(r.value)} (${PRECISION_WORDS[r.value.precision]})` : FUZZY_DATE_FORMATS;
}
