import { useMemo } from 'react';
import { COUNTRIES, HISTORICAL_COUNTRIES, countryByCode, countryName, historicalCountry } from '../../shared/places';
import { Combobox, type ComboOption } from './combobox';

/** A country as a combobox option, found by its name, official name, other names and code. */
function countryOption(code: string): ComboOption {
  const today = countryByCode(code);
  if (today) return { id: today.code, label: today.name, keywords: [today.code, today.officialName, ...today.altNames] };
  const past = historicalCountry(code);
  if (past) return { id: past.code, label: past.name, keywords: [past.code, ...past.altNames], detail: `${past.from}–${past.to}` };
  return { id: code, label: code };
}

const byLabel = (a: ComboOption, b: ComboOption) => a.label.localeCompare(b.label);

/** Every country of the gazetteer, by English name. */
const COUNTRY_OPTIONS: readonly ComboOption[] = COUNTRIES.map((c) => countryOption(c.code)).sort(byLabel);
/** The same with the countries that no longer exist (Soviet Union, Yugoslavia…), dated beside. */
const WITH_HISTORICAL: readonly ComboOption[] = [...COUNTRY_OPTIONS, ...HISTORICAL_COUNTRIES.map((c) => countryOption(c.code))].sort(
  byLabel,
);

/**
 * A country typed to find ("sau", "KSA", "Saudi Arabia", "Persia"): found by every name the
 * gazetteer knows for it and by its code. `codes` restricts the choices (a filter offers the
 * countries that have visits, historical ones included); the current value is always listed, so a
 * filter from a link never shows as blank. `historical` adds the countries that no longer exist to
 * the full list (a role held in the Soviet Union). `emptyLabel` adds the choice of none (id '':
 * "Any country", "No country").
 */
export function CountryCombobox({
  value,
  onChange,
  codes,
  historical = false,
  emptyLabel,
  ...field
}: {
  value: string;
  onChange: (code: string) => void;
  codes?: readonly string[] | undefined;
  historical?: boolean;
  emptyLabel?: string;
  id?: string;
  'aria-invalid'?: boolean | undefined;
  'aria-describedby'?: string | undefined;
  disabled?: boolean;
}) {
  const options = useMemo(() => {
    let list: readonly ComboOption[];
    if (codes) {
      const set = new Set(codes);
      if (value) set.add(value);
      list = [...set].map(countryOption).sort(byLabel);
    } else {
      list = historical ? WITH_HISTORICAL : COUNTRY_OPTIONS;
      if (value && !list.some((o) => o.id === value)) list = [...list, countryOption(value)].sort(byLabel);
    }
    return emptyLabel === undefined ? list : [{ id: '', label: emptyLabel }, ...list];
  }, [codes, value, historical, emptyLabel]);
  return (
    <Combobox
      {...field}
      options={options}
      value={value}
      onChange={onChange}
      listLabel="Countries"
      placeholder="Type a country…"
      missingLabel={value ? countryName(value) : ''}
    />
  );
}
