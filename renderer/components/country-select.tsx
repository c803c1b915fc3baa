import { useMemo, type ComponentPropsWithoutRef } from 'react';
import { COUNTRIES, countryName } from '../../shared/places';

type SelectProps = Omit<ComponentPropsWithoutRef<'select'>, 'value' | 'onChange' | 'children'>;

const BY_NAME = [...COUNTRIES].sort((a, b) => a.name.localeCompare(b.name));

/**
 * A country chooser over the offline gazetteer, sorted by English name. A native <select>: typing
 * letters jumps to the country ("sau" → Saudi Arabia) and it works with every screen reader.
 * `codes` restricts the choices (e.g. to countries that have visits); the current value is always
 * listed so a filter from a link never shows as blank.
 */
export function CountrySelect({
  value,
  onChange,
  emptyLabel = 'Choose a country…',
  codes,
  ...rest
}: SelectProps & { value: string; onChange: (code: string) => void; emptyLabel?: string; codes?: readonly string[] | undefined }) {
  const options = useMemo(() => {
    if (!codes) return BY_NAME.map((c) => ({ code: c.code, name: c.name }));
    const set = new Set(codes);
    if (value) set.add(value);
    return [...set].map((code) => ({ code, name: countryName(code) })).sort((a, b) => a.name.localeCompare(b.name));
  }, [codes, value]);
  return (
    <select {...rest} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{emptyLabel}</option>
      {options.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      ))}
    </select>
  );
}
