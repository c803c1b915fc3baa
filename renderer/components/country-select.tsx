import { useMemo, type ComponentPropsWithoutRef } from 'react';
import { COUNTRIES, countryName } from '../../shared/places';
import { Combobox, type ComboOption } from './combobox';

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

/** Every country as a combobox option, found by its name, official name, other names and codes. */
const COUNTRY_OPTIONS: readonly ComboOption[] = BY_NAME.map((c) => ({
  id: c.code,
  label: c.name,
  keywords: [c.code, c.officialName, ...c.altNames],
}));

/**
 * A country typed to find ("sau", "KSA", "Saudi Arabia"): the forms' host country. Found by every
 * name the gazetteer knows for it, so "Persia" or "USA" find theirs.
 */
export function CountryCombobox({
  value,
  onChange,
  ...field
}: {
  value: string;
  onChange: (code: string) => void;
  id?: string;
  'aria-invalid'?: boolean | undefined;
  'aria-describedby'?: string | undefined;
}) {
  return (
    <Combobox
      {...field}
      options={COUNTRY_OPTIONS}
      value={value}
      onChange={onChange}
      listLabel="Countries"
      placeholder="Type a country…"
      missingLabel={value ? countryName(value) : ''}
    />
  );
}
